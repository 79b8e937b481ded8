// Lotse's server: `npm start` (through app/server/run.mjs, which compiles this file).
// 1. builds the app when there is no build or the sources are newer than it,
// 2. applies pending database migrations (SQLite or PostgreSQL, after DATABASE_URL),
// 3. creates the reference data, and the demo workspace when the database is empty
//    (LOTSE_DEMO=off turns the demo off for real installs),
// 4. serves on HOST:PORT (default 0.0.0.0:3000),
// 5. runs the notification worker (mails, digests, reminders) beside it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ServerBuild } from '@remix-run/node';
import { DEFAULT_DATABASE_URL } from '../utils/database-url';
import { createHttpServer } from './http';
import { migrate, withStartupLock } from './migrate';

export { migrateCommand } from './migrate';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
function run(label: string, command: string, args: string[], env = process.env): void {
  const started = Date.now();
  const result = spawnSync(command, args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env,
  });
  if (result.status !== 0) {
    console.error(`lotse: ${label} failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
  console.log(`lotse: ${label} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

const buildFile = path.join(root, 'build', 'index.js');
function buildIsStale(): boolean {
  if (!fs.existsSync(buildFile)) return true;
  const built = fs.statSync(buildFile).mtimeMs;
  return (
    newestMtime(path.join(root, 'app')) > built ||
    fs.statSync(path.join(root, 'remix.config.js')).mtimeMs > built
  );
}

/** Builds when needed, migrates, creates the reference (and demo) data, then serves. */
export async function startServer({ dev }: { dev: boolean }): Promise<void> {
  process.chdir(root);
  process.env.DATABASE_URL ??= DEFAULT_DATABASE_URL;
  const databaseUrl = process.env.DATABASE_URL;
  // remix-serve sets NODE_ENV=production as well; the demo does not depend on it
  process.env.NODE_ENV ??= dev ? 'development' : 'production';

  // always a production build: under NODE_ENV=test (a test starting the server) Remix would build
  // for development, which the production server cannot run
  if (!dev && buildIsStale()) {
    run('build', bin('remix'), ['build'], { ...process.env, NODE_ENV: 'production' });
  }
  // on PostgreSQL, instances starting together take turns for migrations and reference data
  await withStartupLock(databaseUrl, async () => {
    // SQLite: prisma migrate deploy; PostgreSQL: prisma/postgresql/migrations (see migrate.ts)
    const started = Date.now();
    try {
      await migrate(databaseUrl);
    } catch (error) {
      console.error(
        `lotse: database migrations failed: ${error instanceof Error ? error.message : error}`,
      );
      process.exit(1);
    }
    console.log(
      `lotse: database migrations done in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    run('reference and demo data', bin('tsx'), [path.join(root, 'seeds', 'main.ts')]);
  });

  const build = (await import(pathToFileURL(buildFile).href)) as ServerBuild;
  const server = await createHttpServer({ build, root, dev });
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST || undefined;
  server.listen(port, host, () => {
    console.log(
      `lotse: serving on http://${host ?? 'localhost'}:${port} (${process.env.NODE_ENV})`,
    );
    if (dev)
      void import('@remix-run/node').then(({ broadcastDevReady }) => broadcastDevReady(build));
  });

  // notifications: mails from the outbox, digests and reminders (app/models/notification-delivery);
  // loaded only now, so the database client starts with the settings made above
  const { startNotificationWorker } = await import('../models/notification-delivery.server');
  const notifications = startNotificationWorker();

  function shutdown(signal: string) {
    console.log(`lotse: ${signal}, closing`);
    // a mail being sent finishes first; what is left waits in the outbox for the next start
    void notifications.stop().finally(() => server.close(() => process.exit(0)));
    setTimeout(() => process.exit(0), 5000).unref();
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}
