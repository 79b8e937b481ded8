// `npm ci`'s postinstall: generates the Prisma client for SQLite (app/generated/prisma) and the
// one for PostgreSQL (app/generated/prisma-pg). The CLI needs a DATABASE_URL of each schema's
// provider (without one it tries to download a native engine); nothing connects to it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const prisma = path.join(root, 'node_modules', '.bin', 'prisma');
const clients = [
  { args: [], url: 'file:./prisma/data/lotse.db' },
  {
    args: ['--schema', path.join('prisma', 'postgresql', 'schema.prisma')],
    url: 'postgresql://localhost:5432/lotse',
  },
];
for (const { args, url } of clients) {
  const result = spawnSync(prisma, ['generate', ...args], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: url },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
