import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * Applies pending migrations with Prisma's own command (its messages go to stderr, so a
 * command's JSON on stdout stays clean). Used by `npm start` and by CLI commands that write.
 */
export function applyMigrations(cwd = process.cwd()): void {
  const prisma = path.join(cwd, 'node_modules', '.bin', 'prisma');
  const result = spawnSync(prisma, ['migrate', 'deploy'], {
    cwd,
    stdio: ['ignore', 2, 2],
    env: process.env,
  });
  if (result.status !== 0)
    throw new Error(`database migrations failed (exit ${result.status ?? result.signal})`);
}
