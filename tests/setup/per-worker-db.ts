import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, vi } from 'vitest';

// Each test file gets its own copy of the migrated database, before any module opens it.
const tmp = path.resolve(process.env.LOTSE_TEST_TMP ?? path.join('tests', '.tmp'));
const file = path.join(
  tmp,
  `test-${process.env.VITEST_POOL_ID ?? '0'}-${process.pid}-${Date.now()}.db`,
);
fs.copyFileSync(path.join(tmp, 'base.db'), file);
process.env.DATABASE_URL = `file:${file}`;

// an unexpected console.error is a failing test, not noise
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error called: ${args.map(String).join(' ')}`);
  });
});

afterAll(async () => {
  const { prisma } = await import('~/utils/db.server');
  await prisma.$disconnect();
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
});
