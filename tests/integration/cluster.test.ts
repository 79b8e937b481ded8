// The production server with two worker processes (LOTSE_WORKERS=2), as `npm start` runs it on a
// two-core machine: requests are served by both workers, writes through both at once all land
// (and of concurrent saves of one version exactly one wins), a worker that dies is replaced, and
// SIGTERM ends the workers and then the primary. Runs on the test file's own database: a SQLite
// file, or with LOTSE_TEST_DATABASE a PostgreSQL schema.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_WORKERS, workerCount } from '../../app/server/cluster';
import en from '../../app/locales/en.json' with { type: 'json' };
import {
  ensureBuild,
  login,
  ROOT,
  startProductionServer,
  type ProductionServer,
} from '../support/production-server';

const STARTUP_MS = 300_000; // the first start may build the app, on a busy 2-core machine
const USERS = 6;
const PASSWORD = 'cluster-test-editor-password';

type Answer = {
  status: number;
  /** the worker that answered (the server names it with LOTSE_WORKER_HEADER=on) */
  worker: number;
  location: string;
  body: string;
};

/**
 * A request on a connection of its own, as from another browser. (fetch reuses its pooled
 * connections, and each connection stays with the worker it was handed to.)
 */
function send(
  base: string,
  pathname: string,
  { cookie, form }: { cookie?: string; form?: Record<string, string> } = {},
): Promise<Answer> {
  const body = form ? new URLSearchParams(form).toString() : undefined;
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${base}${pathname}`,
      {
        method: form ? 'POST' : 'GET',
        agent: false,
        headers: {
          'Accept-Language': 'en',
          ...(cookie ? { Cookie: cookie } : {}),
          ...(body
            ? {
                // the cross-site check wants an Origin that names this host
                Origin: base,
                'Content-Type': 'application/x-www-form-urlencoded',
                'Content-Length': Buffer.byteLength(body),
              }
            : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            worker: Number(res.headers['x-lotse-worker']),
            location: res.headers.location ?? '',
            body: text,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const pieceIdOf = (answer: Answer) => /^\/calendar\/([^/?]+)/.exec(answer.location)?.[1] as string;

/** The parent of a process, from /proc (Linux). */
function parentOf(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (name) state ppid …": the name may hold spaces, so count from its closing parenthesis
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return parentOf(pid) !== null && !/\) Z /.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function until<T>(what: string, probe: () => T | Promise<T>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const dayAfterTomorrow = () =>
  new Date(Date.now() + 3 * 24 * 3600 * 1000).toISOString().slice(0, 10) + 'T10:00';

describe('the number of workers', () => {
  it('is one per core unless LOTSE_WORKERS says otherwise', () => {
    expect(workerCount(undefined, 2)).toBe(2);
    expect(workerCount('', 8)).toBe(8);
    expect(workerCount(undefined)).toBe(os.availableParallelism());
    expect(workerCount('3', 2)).toBe(3);
    expect(workerCount(' 1 ', 2)).toBe(1);
    expect(workerCount(String(MAX_WORKERS), 2)).toBe(MAX_WORKERS);
  });

  it('refuses anything but a whole number from 1 up', () => {
    for (const bad of ['0', '-1', '1.5', 'two', '2x', '1e2', String(MAX_WORKERS + 1)]) {
      expect(() => workerCount(bad, 2), bad).toThrow(
        `LOTSE_WORKERS must be a whole number from 1 to ${MAX_WORKERS}`,
      );
    }
  });

  it('stops the start with that message, before touching the database', async () => {
    const child = spawn(process.execPath, ['app/server/run.mjs'], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production', LOTSE_WORKERS: 'two', PORT: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d));
    child.stderr.on('data', (d: Buffer) => (output += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(output).toContain('lotse: LOTSE_WORKERS must be a whole number from 1 to');
    expect(output).toContain('not "two"');
    expect(output).not.toContain('migrations');
  });
});

describe('a server with two workers', () => {
  let server: ProductionServer;
  let editors: { email: string; cookie: string }[] = [];

  beforeAll(async () => {
    // `npm test` runs vitest before anything else has built
    await ensureBuild();
    // this file's database (a copy of the migrated base, or a fresh PostgreSQL schema): the
    // start-up migrates it and creates the demo workspace in it
    server = await startProductionServer({
      databaseUrl: process.env.DATABASE_URL as string,
      env: { LOTSE_WORKERS: '2', LOTSE_WORKER_HEADER: 'on' },
    });
    // editors of its own, created as `lotse user create` does, after the demo (which is only
    // created in an empty database)
    const { createUser } = await import('~/models/user.server');
    for (let i = 1; i <= USERS; i++) {
      const email = `cluster-${i}@test.lotse`;
      await createUser({
        email,
        name: `Cluster Editor ${i}`,
        password: PASSWORD,
        roles: ['editor'],
      });
    }
    editors = [];
    for (let i = 1; i <= USERS; i++) {
      const email = `cluster-${i}@test.lotse`;
      editors.push({ email, cookie: await login(server.base, { email, password: PASSWORD }) });
    }
  }, STARTUP_MS);

  afterAll(async () => {
    if (!server) return;
    const { child } = server;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await server.exited();
  });

  /** Worker pids answering `count` requests sent at once (each on a connection of its own). */
  async function answering(count = 16): Promise<number[]> {
    const answers = await Promise.all(
      Array.from({ length: count }, () => send(server.base, '/healthz')),
    );
    for (const answer of answers) expect(answer.status).toBe(200);
    return [...new Set(answers.map((a) => a.worker))].sort();
  }

  it('prepares once, then serves from two processes of its own', async () => {
    const output = server.output();
    // the build, migrations and seeding ran once, in the primary, before the workers started
    for (const line of [
      'lotse: database migrations done',
      'lotse: reference and demo data done',
      'lotse: serving on',
    ]) {
      expect(output.split(line).length - 1, line).toBe(1);
    }
    expect(output).toMatch(
      /lotse: serving on http:\/\/127\.0\.0\.1:\d+ \(production\) with 2 workers/,
    );
    expect(output.indexOf('reference and demo data done')).toBeLessThan(
      output.indexOf('lotse: serving on'),
    );

    const pids = await answering();
    expect(pids).toHaveLength(2);
    for (const pid of pids) {
      expect(pid).not.toBe(server.child.pid);
      if (fs.existsSync('/proc/self/stat')) expect(parentOf(pid)).toBe(server.child.pid);
    }
  });

  it('keeps every save when different people save at once through both workers', async () => {
    // each editor creates a piece, all at the same moment
    const created = await Promise.all(
      editors.map((editor, i) =>
        send(server.base, '/calendar/new', {
          cookie: editor.cookie,
          form: { channel: 'blog', title: `Cluster piece ${i + 1}`, publishAt: dayAfterTomorrow() },
        }),
      ),
    );
    expect(created.map((a) => a.status)).toEqual(editors.map(() => 302));
    const ids = created.map(pieceIdOf);
    expect(new Set(ids).size).toBe(USERS);

    // then each saves their own piece, again all at once
    const saved = await Promise.all(
      editors.map((editor, i) =>
        send(server.base, `/calendar/${ids[i]}`, {
          cookie: editor.cookie,
          form: {
            channel: 'blog',
            title: `Cluster piece ${i + 1}, revised`,
            publishAt: dayAfterTomorrow(),
            expectedVersion: '1',
          },
        }),
      ),
    );
    expect(saved.map((a) => a.status)).toEqual(editors.map(() => 302));
    // both workers took part
    expect(new Set([...created, ...saved].map((a) => a.worker)).size).toBe(2);

    // every piece as its editor left it, and each change recorded once, as theirs
    const { prisma } = await import('~/utils/db.server');
    const pieces = await prisma.contentPiece.findMany({
      where: { id: { in: ids } },
      select: { id: true, title: true, version: true },
    });
    const audit = await prisma.auditEvent.findMany({
      where: { entityType: 'content_piece', entityId: { in: ids } },
      orderBy: { createdAt: 'asc' },
      select: { entityId: true, action: true, actor: { select: { email: true } } },
    });
    expect(
      ids.map((id) => ({
        ...pieces.find((p) => p.id === id),
        changes: audit
          .filter((e) => e.entityId === id)
          .map((e) => `${e.action} by ${e.actor?.email}`),
      })),
    ).toEqual(
      editors.map((editor, i) => ({
        id: ids[i],
        title: `Cluster piece ${i + 1}, revised`,
        version: 2,
        changes: [`piece.create by ${editor.email}`, `piece.update by ${editor.email}`],
      })),
    );
  });

  it('of concurrent saves of one version through both workers exactly one wins', async () => {
    const first = await send(server.base, '/calendar/new', {
      cookie: editors[0]!.cookie,
      form: { channel: 'blog', title: 'Cluster race', publishAt: dayAfterTomorrow() },
    });
    expect(first.status).toBe(302);
    const id = pieceIdOf(first);

    const answers = await Promise.all(
      editors.map((editor, i) =>
        send(server.base, `/calendar/${id}`, {
          cookie: editor.cookie,
          form: {
            channel: 'blog',
            title: `Cluster race won by editor ${i + 1}`,
            publishAt: dayAfterTomorrow(),
            expectedVersion: '1',
          },
        }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(
      statuses.filter((s) => s === 302),
      statuses.join(' '),
    ).toHaveLength(1);
    expect(
      statuses.filter((s) => s === 409),
      statuses.join(' '),
    ).toHaveLength(USERS - 1);
    expect(new Set(answers.map((a) => a.worker)).size).toBe(2);
    for (const answer of answers.filter((a) => a.status === 409)) {
      expect(answer.body).toContain(en.calendar.problems.conflict);
    }

    const winner = editors[statuses.indexOf(302)]!;
    const { prisma } = await import('~/utils/db.server');
    const piece = await prisma.contentPiece.findUniqueOrThrow({
      where: { id },
      select: { title: true, version: true },
    });
    expect(piece).toEqual({
      title: `Cluster race won by editor ${editors.indexOf(winner) + 1}`,
      version: 2,
    });
    const updates = await prisma.auditEvent.findMany({
      where: { entityType: 'content_piece', entityId: id, action: 'piece.update' },
      select: { actor: { select: { email: true } } },
    });
    expect(updates.map((e) => e.actor?.email)).toEqual([winner.email]);
  });

  it('replaces a worker that dies, and says so', async () => {
    const before = await answering();
    expect(before).toHaveLength(2);
    const victim = before[1] as number;
    process.kill(victim, 'SIGKILL');
    await until('the replacement', () => server.output().includes('serves again'));
    expect(server.output()).toMatch(
      new RegExp(
        `lotse: worker \\d \\(pid ${victim}\\) ended \\(signal SIGKILL\\); starting another`,
      ),
    );
    const after = await answering();
    expect(after).toHaveLength(2);
    expect(after).toContain(before[0]);
    expect(after).not.toContain(victim);
    // the sessions are in the database: the new worker knows everyone at once
    const pages = await Promise.all(
      editors.map((editor) => send(server.base, '/calendar', { cookie: editor.cookie })),
    );
    expect(pages.map((a) => a.status)).toEqual(editors.map(() => 200));
    expect(new Set(pages.map((a) => a.worker)).size).toBe(2);
  });

  it('on SIGTERM ends its workers, then itself', async () => {
    const workers = await answering();
    server.child.kill('SIGTERM');
    await server.exited();
    expect(server.child.exitCode).toBe(0);
    expect(server.output()).toContain('lotse: SIGTERM, closing 2 workers');
    expect(server.output()).toContain('lotse: stopped');
    for (const pid of workers) expect(isRunning(pid), `worker ${pid}`).toBe(false);
  });
});
