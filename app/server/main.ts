// Lotse's server: `npm start` (through app/server/run.mjs, which compiles this file).
// 1. builds the app when there is no build or the sources are newer than it,
// 2. applies pending database migrations (SQLite or PostgreSQL, after DATABASE_URL),
// 3. creates the reference data, and the demo workspace when the database is empty
//    (LOTSE_DEMO=off turns the demo off for real installs),
// 4. serves on HOST:PORT (default 0.0.0.0:3000) with LOTSE_WORKERS processes, one per core by
//    default (app/server/cluster.ts); steps 1–3 run once, in the primary, before they start,
// 5. runs the notification worker (mails, digests, reminders) in one of them.
// LOTSE_WORKERS=1 and `npm run dev` serve in this one process, without a cluster.
import { spawnSync } from 'node:child_process';
import cluster from 'node:cluster';
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ServerBuild } from '@remix-run/node';
import { DEFAULT_DATABASE_URL } from '../utils/database-url';
import { NOTIFICATION_SLOT, runPrimary, workerCount, workerSlot } from './cluster';
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

const entry = path.join(root, 'app', 'server', 'run.mjs');

/** Builds when needed, migrates, creates the reference (and demo) data, then serves. */
export async function startServer({ dev }: { dev: boolean }): Promise<void> {
  process.chdir(root);
  process.env.DATABASE_URL ??= DEFAULT_DATABASE_URL;
  const databaseUrl = process.env.DATABASE_URL;
  // remix-serve sets NODE_ENV=production as well; the demo does not depend on it
  process.env.NODE_ENV ??= dev ? 'development' : 'production';
  // development rebuilds and reloads in one process
  let workers = 1;
  if (!dev) {
    try {
      workers = workerCount(process.env.LOTSE_WORKERS);
    } catch (error) {
      console.error(`lotse: ${error instanceof Error ? error.message : error}`);
      process.exit(1);
    }
  }

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

  const { port, host } = address();
  if (workers > 1) {
    // the workers inherit this environment (DATABASE_URL and NODE_ENV as settled above)
    runPrimary({
      count: workers,
      exec: entry,
      listening: () =>
        console.log(
          `lotse: serving on http://${host ?? 'localhost'}:${port} (${process.env.NODE_ENV}) ` +
            `with ${workers} workers`,
        ),
    });
    return;
  }
  await serve({
    dev,
    notifications: true,
    listening: () =>
      console.log(
        `lotse: serving on http://${host ?? 'localhost'}:${port} (${process.env.NODE_ENV}) ` +
          'in one process',
      ),
  });
}

/** One worker of the cluster (app/server/run.mjs in a process the primary started). */
export async function startWorker(): Promise<void> {
  process.chdir(root);
  // the primary reports when all workers listen
  await serve({ dev: false, notifications: workerSlot() === NOTIFICATION_SLOT });
}

function address() {
  return { port: Number(process.env.PORT ?? 3000), host: process.env.HOST || undefined };
}

/**
 * Serves the app in this process, with the notification worker when `notifications` is set, and
 * closes both on SIGTERM and SIGINT.
 */
async function serve({
  dev,
  notifications: withNotifications,
  listening,
}: {
  dev: boolean;
  notifications: boolean;
  listening?: () => void;
}): Promise<http.Server> {
  const build = (await import(pathToFileURL(buildFile).href)) as ServerBuild;
  const server = await createHttpServer({ build, root, dev });
  const { port, host } = address();
  server.once('error', (error) => {
    // e.g. the port is taken: said once, plainly (in a cluster the primary then stops)
    console.error(`lotse: cannot serve on ${host ?? 'all interfaces'}:${port}: ${error.message}`);
    process.exit(1);
  });
  server.listen(port, host, () => {
    listening?.();
    if (dev)
      void import('@remix-run/node').then(({ broadcastDevReady }) => broadcastDevReady(build));
  });

  // notifications: mails from the outbox, digests and reminders (app/models/notification-delivery);
  // loaded only now, so the database client starts with the settings made above
  const notifications = withNotifications
    ? import('../models/notification-delivery.server').then((m) => m.startNotificationWorker())
    : Promise.resolve(null);

  let closing = false;
  function shutdown(signal: string) {
    if (closing) return;
    closing = true;
    // in a cluster the primary says it once for all workers
    if (!cluster.isWorker) console.log(`lotse: ${signal}, closing`);
    // a mail being sent finishes first; what is left waits in the outbox for the next start
    void notifications
      .then((worker) => worker?.stop())
      .finally(() => server.close(() => process.exit(0)));
    setTimeout(() => process.exit(0), 5000).unref();
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  await notifications;
  return server;
}
