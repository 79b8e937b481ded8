// Several server processes on one port (node:cluster): `npm start` runs LOTSE_WORKERS of them,
// by default one per core. The primary process (app/server/main.ts) builds, migrates and seeds
// once, then starts the workers here and looks after them: it serves nothing itself and holds no
// database connection. Each worker (app/server/run.mjs → startWorker) serves requests; the
// cluster hands it connections in turn. Worker 1 also runs the notification worker (see
// NOTIFICATION_SLOT).
//
// A worker that ends unexpectedly is replaced, after a pause that grows while workers keep
// failing soon after their start. SIGTERM or SIGINT ends the workers first (each finishes the
// requests and the mail in hand) and then the primary. When the primary itself dies, Node ends
// its workers as soon as their channel to it closes.
import cluster, { type Worker } from 'node:cluster';
import os from 'node:os';

/** Upper bound for LOTSE_WORKERS: a typo such as 2000 must not start thousands of processes. */
export const MAX_WORKERS = 256;

/**
 * The worker that also runs the notification worker (mails, digests, reminders). Several could
 * run it safely (each notification is claimed before it is sent), but one polls the database
 * once every few seconds instead of once per process. Its replacement inherits the slot.
 */
export const NOTIFICATION_SLOT = 1;

/** A worker's number (1 … N), kept by its replacements; in its environment as LOTSE_WORKER_SLOT. */
export function workerSlot(env: NodeJS.ProcessEnv = process.env): number | null {
  const slot = Number(env.LOTSE_WORKER_SLOT);
  return Number.isInteger(slot) && slot > 0 ? slot : null;
}

/**
 * The number of server processes: LOTSE_WORKERS when set (a whole number from 1 to MAX_WORKERS),
 * else one per core. Throws with a message for the operator on anything else.
 */
export function workerCount(
  value: string | undefined,
  cores: number = os.availableParallelism(),
): number {
  const text = value?.trim() ?? '';
  if (text === '') return Math.min(Math.max(1, cores), MAX_WORKERS);
  const count = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(count) || count < 1 || count > MAX_WORKERS) {
    throw new Error(
      `LOTSE_WORKERS must be a whole number from 1 to ${MAX_WORKERS} (the number of server ` +
        `processes; unset: one per core), not "${value}"`,
    );
  }
  return count;
}

/** A worker that lived shorter than this counts as failing at its start: its slot waits longer. */
const SHORT_LIFE_MS = 10_000;
const FIRST_PAUSE_MS = 500;
const LONGEST_PAUSE_MS = 30_000;
/** how long the workers get to finish after SIGTERM before they are killed */
const SHUTDOWN_MS = 10_000;

const describeEnd = (code: number | null, signal: string | null) =>
  signal ? `signal ${signal}` : `exit code ${code}`;

/**
 * Starts `count` workers running `exec` and looks after them until SIGTERM or SIGINT, when the
 * primary ends after them. `listening` is called once, when all of them accept connections.
 */
export function runPrimary({
  count,
  exec,
  listening,
  log = (line: string) => console.log(line),
  warn = (line: string) => console.error(line),
}: {
  count: number;
  exec: string;
  listening: () => void;
  log?: (line: string) => void;
  warn?: (line: string) => void;
}): void {
  // the workers run the server's entry (not whatever script started the primary, e.g. the
  // end-to-end tests' serve.mjs) with the primary's Node options
  cluster.setupPrimary({ exec, args: [] });

  const slotOf = new Map<number, number>();
  const startedAt = new Map<number, number>();
  const pause = new Map<number, number>();
  const pending = new Set<NodeJS.Timeout>();
  let ready = false;
  let stopping = false;
  let exitCode = 0;
  const listeningSlots = new Set<number>();

  function fork(slot: number) {
    const worker = cluster.fork({ LOTSE_WORKER_SLOT: String(slot) });
    slotOf.set(worker.id, slot);
    startedAt.set(slot, Date.now());
  }

  // (a worker that has exited stays in cluster.workers until its channel has closed as well)
  const alive = () =>
    Object.values(cluster.workers ?? {}).filter((w): w is Worker => Boolean(w && !w.isDead()));

  cluster.on('listening', (worker) => {
    const slot = slotOf.get(worker.id);
    if (slot === undefined) return;
    if (ready) {
      log(`lotse: worker ${slot} (pid ${worker.process.pid}) serves again`);
      return;
    }
    listeningSlots.add(slot);
    if (listeningSlots.size === count) {
      ready = true;
      listening();
    }
  });

  cluster.on('exit', (worker, code, signal) => {
    const slot = slotOf.get(worker.id);
    slotOf.delete(worker.id);
    if (slot === undefined) return;
    if (stopping) {
      if (!alive().length) {
        if (!exitCode) log('lotse: stopped');
        process.exit(exitCode);
      }
      return;
    }
    const how = describeEnd(code, signal);
    if (!ready && !listeningSlots.has(slot)) {
      // a worker that cannot start (the port taken, a broken build) will not do better when
      // started again: stop, with its reason above this line
      warn(`lotse: worker ${slot} could not start (${how}); stopping`);
      stopping = true;
      exitCode = 1;
      for (const other of alive()) other.process.kill('SIGTERM');
      if (!alive().length) process.exit(exitCode);
      setTimeout(() => process.exit(exitCode), SHUTDOWN_MS).unref();
      return;
    }
    // at once after a long life; after a short one 0.5 s, then twice as long each time
    const lived = Date.now() - (startedAt.get(slot) ?? 0);
    const wait =
      lived < SHORT_LIFE_MS
        ? Math.min(Math.max((pause.get(slot) ?? 0) * 2, FIRST_PAUSE_MS), LONGEST_PAUSE_MS)
        : 0;
    pause.set(slot, wait);
    warn(
      `lotse: worker ${slot} (pid ${worker.process.pid}) ended (${how}); ` +
        (wait ? `starting another in ${(wait / 1000).toFixed(1)} s` : 'starting another'),
    );
    const timer = setTimeout(() => {
      pending.delete(timer);
      if (!stopping) fork(slot);
    }, wait);
    pending.add(timer);
  });

  function shutdown(signal: string) {
    if (stopping) return;
    stopping = true;
    const left = alive().length;
    log(`lotse: ${signal}, closing ${left} worker${left === 1 ? '' : 's'}`);
    for (const timer of pending) clearTimeout(timer);
    pending.clear();
    const workers = alive();
    if (!workers.length) process.exit(0);
    // each worker finishes its requests and the mail in hand (its own SIGTERM handler)
    for (const worker of workers) worker.process.kill('SIGTERM');
    setTimeout(() => {
      for (const worker of alive()) {
        warn(`lotse: worker ${slotOf.get(worker.id)} did not stop in time; killing it`);
        worker.process.kill('SIGKILL');
      }
      process.exit(exitCode);
    }, SHUTDOWN_MS).unref();
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  for (let slot = 1; slot <= count; slot++) fork(slot);
}
