// Crash durability: the production server is killed with SIGKILL in the middle of a burst of
// writes. Every write it acknowledged must be in the SQLite file afterwards, the file must be
// intact, and the server must start again on it.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPostgresUrl } from '~/utils/database-url';
import {
  ensureBuild,
  login,
  postForm,
  startProductionServer,
  type ProductionServer,
} from '../support/production-server';

const tmp = path.resolve(process.env.LOTSE_TEST_TMP ?? path.join('tests', '.tmp'));
const dir = fs.mkdtempSync(path.join(tmp, 'crash-'));
const dbFile = path.join(dir, 'lotse.db');
const run = path.basename(dir);

const EDITOR = { email: 'editor@demo.lotse', password: 'lotse-demo' };
/** Writes in the burst, how many are in flight at once, and the acknowledgement count at which the server dies. */
const BURST = { total: 150, concurrency: 12, killAfterAcknowledged: 30 };
const LOCK_HOLD_MS = 1_000;

const servers: ProductionServer[] = [];
async function startServer() {
  // one process that serves: SIGKILL then stops the writes in flight mid-way (with several worker
  // processes, killing the primary leaves its workers to finish what they are answering)
  const server = await startProductionServer({
    databaseFile: dbFile,
    env: { LOTSE_WORKERS: '1' },
  });
  servers.push(server);
  return server;
}

/** Acknowledged: the action redirected to where the new piece lives. */
async function createPiece(base: string, cookie: string, title: string) {
  const res = await postForm(base, cookie, '/calendar/new', { channel: 'blog', title, brief: run });
  const id = /^\/calendar\/([^/?]+)\?done=created$/.exec(res.headers.get('location') ?? '')?.[1];
  return { status: res.status, id };
}

// the SQLite file's durability (WAL, busy timeout, recovery); PostgreSQL brings its own
const postgres = isPostgresUrl(process.env.DATABASE_URL);

beforeAll(async () => {
  if (postgres) return;
  // `npm test` runs vitest before anything else has built
  await ensureBuild();
  // a migrated, empty database (made once per run by the global setup); the server's start-up
  // still runs its migrations and seeds on it
  fs.copyFileSync(path.join(tmp, 'base.db'), dbFile);
}, 300_000);

afterAll(async () => {
  for (const server of servers) {
    const { child } = server;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await server.exited();
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(postgres)('a server killed mid-write', () => {
  it('keeps every acknowledged write and starts again on the same file', async () => {
    const first = await startServer();
    const cookie = await login(first.base, EDITOR);

    // WAL is on for the server's file: the header says so and the write-ahead log exists
    const probe = new Database(dbFile, { fileMustExist: true });
    expect(probe.pragma('journal_mode', { simple: true })).toBe('wal');

    // the busy timeout: while another process holds the write lock the server waits for it
    // instead of failing the request with SQLITE_BUSY
    probe.exec('BEGIN IMMEDIATE');
    const lockedAt = Date.now();
    const release = setTimeout(() => probe.exec('COMMIT'), LOCK_HOLD_MS);
    const waited = await createPiece(first.base, cookie, `${run} waited for the lock`);
    clearTimeout(release);
    if (probe.inTransaction) probe.exec('COMMIT');
    expect(waited.status).toBe(302);
    expect(Date.now() - lockedAt).toBeGreaterThanOrEqual(LOCK_HOLD_MS - 50);
    expect(fs.existsSync(`${dbFile}-wal`)).toBe(true);
    probe.close();

    // the burst: creations and comments, a fixed number in flight, SIGKILL once enough are
    // acknowledged (the rest are then on their way or in the middle of their transaction)
    const acknowledged = {
      pieces: [] as { id: string; title: string }[],
      comments: [] as string[],
    };
    let unacknowledged = 0;
    let inFlightAtKill = 0;
    let next = 0;
    let inFlight = 0;
    let killed = false;
    const send = async (n: number) => {
      if (n % 3 === 2) {
        const body = `${run} comment ${n}`;
        const res = await postForm(first.base, cookie, `/calendar/${waited.id}`, {
          intent: 'comment',
          body,
        });
        if (res.status === 302) acknowledged.comments.push(body);
        else unacknowledged++;
      } else {
        const title = `${run} piece ${n}`;
        const { status, id } = await createPiece(first.base, cookie, title);
        if (status === 302 && id) acknowledged.pieces.push({ id, title });
        else unacknowledged++;
      }
    };
    await new Promise<void>((resolve) => {
      const pump = () => {
        while (!killed && inFlight < BURST.concurrency && next < BURST.total) {
          const n = next++;
          inFlight++;
          send(n)
            .catch(() => unacknowledged++)
            .finally(() => {
              inFlight--;
              const count = acknowledged.pieces.length + acknowledged.comments.length;
              if (!killed && count >= BURST.killAfterAcknowledged) {
                killed = true;
                inFlightAtKill = inFlight;
                first.child.kill('SIGKILL');
              }
              if (inFlight === 0 && (killed || next >= BURST.total)) resolve();
              else pump();
            });
        }
      };
      pump();
    });
    await first.exited();
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(inFlightAtKill).toBeGreaterThan(0);
    expect(unacknowledged).toBeGreaterThan(0);
    expect(acknowledged.pieces.length).toBeGreaterThan(0);
    expect(acknowledged.comments.length).toBeGreaterThan(0);

    // the file as the crash left it (opening it recovers from the write-ahead log, as a restart does)
    const db = new Database(dbFile, { fileMustExist: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      const pieces = db.prepare('SELECT id, title FROM ContentPiece WHERE brief = ?').all(run) as {
        id: string;
        title: string;
      }[];
      const comments = db
        .prepare('SELECT body FROM ContentComment WHERE pieceId = ?')
        .pluck()
        .all(waited.id) as string[];
      expect(pieces).toEqual(expect.arrayContaining(acknowledged.pieces));
      expect(comments).toEqual(expect.arrayContaining(acknowledged.comments));
    } finally {
      db.close();
    }

    // a restart on the same file serves again, with the session and the data from before
    const second = await startServer();
    const health = await fetch(`${second.base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const last = acknowledged.pieces.at(-1)!;
    const page = await fetch(`${second.base}/calendar/${last.id}`, {
      headers: { Cookie: cookie },
    });
    const html = await page.text();
    expect(page.status, `${second.output()}\n${html.slice(0, 3000)}`).toBe(200);
    expect(html).toContain(last.title);
    second.child.kill('SIGTERM');
    await second.exited();
    // most of the time goes to the server's two start-ups (migrations and seeds each)
  }, 180_000);
});
