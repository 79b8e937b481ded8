import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { isPostgresUrl } from './database-url';

/**
 * Applies pending migrations (its messages go to stderr, so a command's JSON on stdout stays
 * clean). Used by CLI commands that write. SQLite: Prisma's own command; PostgreSQL:
 * app/server/migrate.ts (through `node app/server/run.mjs migrate`), which `npm start` uses too.
 */
export function applyMigrations(cwd = process.cwd()): void {
  const [command, args] = isPostgresUrl(process.env.DATABASE_URL)
    ? [process.execPath, [path.join(cwd, 'app', 'server', 'run.mjs'), 'migrate']]
    : [path.join(cwd, 'node_modules', '.bin', 'prisma'), ['migrate', 'deploy']];
  const result = spawnSync(command, args, {
    cwd,
    stdio: ['ignore', 2, 2],
    env: process.env,
  });
  if (result.status !== 0)
    throw new Error(`database migrations failed (exit ${result.status ?? result.signal})`);
}
