import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, inject, vi } from 'vitest';
import { dropSchemas, migratedSchema, TEST_POSTGRES, uniqueSchema } from './postgres';

// Each test file gets its own copy of the migrated database, before any module opens it:
// a SQLite file, or with LOTSE_TEST_DATABASE=postgresql://… a freshly migrated schema.
const tmp = path.resolve(process.env.LOTSE_TEST_TMP ?? path.join('tests', '.tmp'));
const file = path.join(
  tmp,
  `test-${process.env.VITEST_POOL_ID ?? '0'}-${process.pid}-${Date.now()}.db`,
);
const schema = TEST_POSTGRES ? uniqueSchema(`${inject('postgresRun')}_w`) : '';
if (TEST_POSTGRES) {
  process.env.DATABASE_URL = await migratedSchema(TEST_POSTGRES, schema);
} else {
  fs.copyFileSync(path.join(tmp, 'base.db'), file);
  process.env.DATABASE_URL = `file:${file}`;
}

// an unexpected console.error is a failing test, not noise
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error called: ${args.map(String).join(' ')}`);
  });
});

// A query sent on a PostgreSQL connection that is still busy with another one (queries side by
// side in a transaction): the pg driver only warns about it, once per process, and refuses it
// from pg 9 on. Here it fails the test during which it happened.
const overlappingQueries: string[] = [];
process.on('warning', (warning) => {
  if (warning.name === 'DeprecationWarning' && /already executing a query/.test(warning.message))
    overlappingQueries.push(warning.stack ?? warning.message);
});
function failOnOverlappingQueries() {
  const found = overlappingQueries.splice(0);
  if (found.length)
    throw new Error(`a query was sent on a connection still busy with another one:\n${found[0]}`);
}
afterEach(failOnOverlappingQueries);

afterAll(async () => {
  const { prisma } = await import('~/utils/db.server');
  await prisma.$disconnect();
  if (TEST_POSTGRES) {
    await dropSchemas(TEST_POSTGRES, [schema]);
  } else {
    for (const suffix of ['', '-wal', '-shm', '-journal'])
      fs.rmSync(file + suffix, { force: true });
  }
  // one that happened after the last test (in a hook)
  failOnOverlappingQueries();
});
