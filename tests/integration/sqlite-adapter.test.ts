// Lotse's SQLite driver adapter (app/utils/sqlite-adapter.server.ts) under concurrency: requests
// that overlap an open transaction, a transaction that fails, and another process holding the
// database's write lock. Each test has a SQLite file of its own, copied from the migrated base.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { PrismaClient } from '~/generated/prisma/client';
import { isPostgresUrl } from '~/utils/database-url';
import { LotseSqlite, type SqliteAdapterOptions } from '~/utils/sqlite-adapter.server';

const postgres = isPostgresUrl(process.env.DATABASE_URL);
const tmp = path.resolve(process.env.LOTSE_TEST_TMP ?? path.join('tests', '.tmp'));
const dir = postgres ? '' : fs.mkdtempSync(path.join(tmp, 'sqlite-adapter-'));

const clients: PrismaClient[] = [];
let files = 0;

type JournalMode = 'wal' | 'delete';

/**
 * A fresh copy of the migrated database, by default in WAL mode as the server runs it ("delete":
 * SQLite's rollback journal, as a file that was never started by the server has it).
 */
function freshFile(mode: JournalMode = 'wal'): string {
  const file = path.join(dir, `db-${++files}.db`);
  fs.copyFileSync(path.join(tmp, 'base.db'), file);
  const db = new Database(file);
  db.pragma(`journal_mode = ${mode}`);
  db.close();
  return file;
}

/** Both journal modes, for the tests of isolation and waiting. */
const MODES: JournalMode[] = ['wal', 'delete'];

function connect(file: string, options: Partial<SqliteAdapterOptions> = {}) {
  const factory = new LotseSqlite({ file, ...options });
  const prisma = new PrismaClient({ adapter: factory, transactionOptions: { maxWait: 10_000 } });
  clients.push(prisma);
  return { prisma, factory };
}

/** Tag names as the file has them, read by a connection of its own (committed rows only). */
function committedTags(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT name FROM Tag ORDER BY name').pluck().all() as string[]).sort();
  } finally {
    db.close();
  }
}

/** A promise with the function that settles it, to hold a transaction open. */
function gate() {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** `work`'s outcome, or a failure if it has not settled by then (a lock that is never released). */
async function settles<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Another process that takes the write lock (BEGIN IMMEDIATE), adds the tag `name`, and commits
 * after `holdMs`. Resolves once it holds the lock; `done` resolves when it has exited.
 */
async function otherProcessHoldsLock(file: string, name: string, holdMs: number) {
  const script = `
    const Database = require('better-sqlite3');
    const [file, name, holdMs] = process.argv.slice(1);
    const db = new Database(file);
    db.exec('BEGIN IMMEDIATE');
    db.prepare("INSERT INTO Tag (id, name) VALUES (?, ?)").run('other-' + name, name);
    process.stdout.write('locked\\n');
    setTimeout(() => { db.exec('COMMIT'); db.close(); }, Number(holdMs));
  `;
  const child = spawn(process.execPath, ['-e', script, file, name, String(holdMs)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const done = new Promise<number | null>((resolve) => child.on('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('locked')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`the lock holder exited early (${code})`)));
  });
  return { done };
}

afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(clients.splice(0).map((c) => c.$disconnect()));
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(postgres)('the SQLite adapter', () => {
  it.each(MODES)(
    "keeps another request's plain reads out of an open transaction (%s)",
    async (mode) => {
      const file = freshFile(mode);
      const { prisma } = connect(file);
      await prisma.tag.create({ data: { name: 'before' } });
      const written = gate();
      const finish = gate();
      const transaction = prisma.$transaction(async (tx) => {
        await tx.tag.create({ data: { name: 'uncommitted' } });
        written.open();
        await finish.promise;
      });
      await written.promise;
      // another request, while the transaction is open: the last committed state, at once
      const seen = await settles(prisma.tag.findMany({ select: { name: true } }), 3000);
      const counted = await settles(prisma.tag.count({ where: { name: 'uncommitted' } }), 3000);
      finish.open();
      await transaction;

      expect(seen.map((t) => t.name)).toEqual(['before']);
      expect(counted).toBe(0);
      // once committed, everyone sees it
      expect(await prisma.tag.count({ where: { name: 'uncommitted' } })).toBe(1);
    },
  );

  it.each(MODES)(
    'keeps the plain writes that arrive while a transaction fails (%s)',
    async (mode) => {
      const file = freshFile(mode);
      const { prisma } = connect(file);
      const written = gate();
      const finish = gate();
      const transaction = prisma.$transaction(async (tx) => {
        await tx.tag.create({ data: { name: 'rolled back' } });
        written.open();
        await finish.promise;
        throw new Error('the request gave up');
      });
      await written.promise;
      // other requests write meanwhile: created, updated, deleted, raw
      const plain = Promise.all([
        prisma.tag.create({ data: { name: 'plain 1' } }),
        prisma.tag.create({ data: { name: 'plain 2' } }),
        prisma.$executeRawUnsafe("INSERT INTO Tag (id, name) VALUES ('raw', 'plain raw')"),
      ]);
      await new Promise((resolve) => setTimeout(resolve, 50));
      finish.open();
      await expect(transaction).rejects.toThrow('the request gave up');
      await plain;

      expect(committedTags(file)).toEqual(['plain 1', 'plain 2', 'plain raw']);
    },
  );

  it.each(MODES)(
    'waits for the write lock another process holds, without blocking the event loop (%s)',
    async (mode) => {
      const file = freshFile(mode);
      const { prisma } = connect(file);
      const other = await otherProcessHoldsLock(file, 'from the other process', 1000);
      let ticks = 0;
      const timer = setInterval(() => ticks++, 10);
      let ticksBeforeStart = -1;
      // reads first, then writes: the transaction must hold the lock from its start
      const seen = await prisma
        .$transaction(async (tx) => {
          ticksBeforeStart = ticks;
          const names = await tx.tag.findMany({ select: { name: true } });
          await tx.tag.create({ data: { name: 'after the wait' } });
          return names.map((t) => t.name);
        })
        .finally(() => clearInterval(timer));
      await other.done;

      // it started only after the other process had committed
      expect(seen).toEqual(['from the other process']);
      expect(committedTags(file)).toEqual(['after the wait', 'from the other process']);
      // timers ran while it waited (a blocking wait would have stopped them for a second)
      expect(ticksBeforeStart).toBeGreaterThanOrEqual(5);
    },
  );

  it('gives up with a clear error when the lock stays taken, and works again afterwards', async () => {
    const file = freshFile();
    const { prisma } = connect(file, { lockTimeoutMs: 300 });
    const other = await otherProcessHoldsLock(file, 'held too long', 1500);
    const failed = await prisma
      .$transaction(async (tx) => {
        await tx.tag.findMany();
        await tx.tag.create({ data: { name: 'never' } });
      })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(failed).toMatchObject({
      code: 'P1008',
      meta: {
        driverAdapterError: {
          cause: {
            originalMessage: expect.stringMatching(/another process held the write lock/),
          },
        },
      },
    });
    await other.done;
    await settles(
      prisma.$transaction((tx) => tx.tag.create({ data: { name: 'later' } })),
      3000,
    );
    expect(committedTags(file)).toEqual(['held too long', 'later']);
  });

  it('serialises read-modify-write transactions of two processes: none fails, none is lost', async () => {
    const file = freshFile();
    const { prisma } = connect(file);
    const { id } = await prisma.user.create({
      data: { email: 'counter@example.test', name: 'Counter', passwordHash: 'x' },
    });
    const ROUNDS = 40;
    /** One round: read the counter, then write it one higher, in one transaction. */
    const increment = (client: PrismaClient) =>
      client.$transaction(async (tx) => {
        const { version } = await tx.user.findUniqueOrThrow({ where: { id } });
        await tx.user.update({ where: { id }, data: { version: version + 1 } });
      });
    const rounds = async (client: PrismaClient) => {
      let failed = 0;
      for (let i = 0; i < ROUNDS; i++) {
        await increment(client).catch(() => failed++);
        await new Promise((resolve) => setImmediate(resolve));
      }
      return failed;
    };
    // the other process: a second server worker on the same file
    const script = `
      import { PrismaClient } from '~/generated/prisma/client';
      import { LotseSqlite } from '~/utils/sqlite-adapter.server';
      const prisma = new PrismaClient({ adapter: new LotseSqlite({ file: ${JSON.stringify(file)} }) });
      void (async () => {
      await prisma.user.count();
      process.stdout.write('ready\\n');
      let failed = 0;
      for (let i = 0; i < ${ROUNDS}; i++) {
        await prisma.$transaction(async (tx) => {
          const { version } = await tx.user.findUniqueOrThrow({ where: { id: ${JSON.stringify(id)} } });
          await tx.user.update({ where: { id: ${JSON.stringify(id)} }, data: { version: version + 1 } });
        }).catch(() => failed++);
        await new Promise((resolve) => setImmediate(resolve));
      }
      await prisma.$disconnect();
      process.stdout.write('failed ' + failed + '\\n');
      })();
    `;
    const child = spawn(path.resolve('node_modules/.bin/tsx'), ['-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        output += d;
        if (output.includes('ready')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`the other process exited early (${code})`)));
    });
    const failedHere = await rounds(prisma);
    expect(await exited).toBe(0);

    expect({ failedHere, failedThere: /failed (\d+)/.exec(output)?.[1] }).toEqual({
      failedHere: 0,
      failedThere: '0',
    });
    const { version } = await prisma.user.findUniqueOrThrow({ where: { id } });
    expect(version).toBe(1 + 2 * ROUNDS);
  }, 120_000);

  it('takes turns with another process: a steady stream of transactions here does not starve its writes', async () => {
    const file = freshFile();
    const { prisma } = connect(file, { lockTimeoutMs: 1_500 });
    await prisma.user.count();
    // the other process: ten single writes, each must get the lock within the lock timeout
    const script = `
      import { PrismaClient } from '~/generated/prisma/client';
      import { LotseSqlite } from '~/utils/sqlite-adapter.server';
      const prisma = new PrismaClient({ adapter: new LotseSqlite({ file: ${JSON.stringify(file)}, lockTimeoutMs: 1500 }) });
      void (async () => {
        await prisma.user.count();
        process.stdout.write('ready\\n');
        await new Promise((resolve) => setTimeout(resolve, 300));
        let failed = 0;
        for (let i = 0; i < 10; i++)
          await prisma.tag.create({ data: { name: 'there ' + i } }).catch(() => failed++);
        await prisma.$disconnect();
        process.stdout.write('failed ' + failed + '\\n');
      })();
    `;
    const child = spawn(path.resolve('node_modules/.bin/tsx'), ['-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    let running = true;
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => {
        running = false;
        resolve(code);
      }),
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        output += d;
        if (output.includes('ready')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`the other process exited early (${code})`)));
    });
    // four requests here, each one transaction after the other, until the other process is done
    let here = 0;
    const loop = async (n: number) => {
      while (running) {
        await prisma.$transaction(async (tx) => {
          await tx.tag.count();
          await new Promise((resolve) => setTimeout(resolve, 2));
          await tx.tag.create({ data: { name: `here ${n} ${here++}` } });
        });
      }
    };
    await Promise.all([0, 1, 2, 3].map(loop));
    expect(await exited).toBe(0);
    expect(/failed (\d+)/.exec(output)?.[1]).toBe('0');
    expect(await prisma.tag.count({ where: { name: { startsWith: 'there' } } })).toBe(10);
    expect(here).toBeGreaterThan(10);
  }, 60_000);

  it('rolls back a failed COMMIT and leaves the connection usable', async () => {
    const file = freshFile();
    const { prisma } = connect(file);
    // the foreign key is checked at COMMIT: the commit itself fails
    const failed = await settles(
      prisma
        .$transaction(async (tx) => {
          await tx.$executeRawUnsafe('PRAGMA defer_foreign_keys = ON');
          await tx.tag.create({ data: { name: 'in the failed transaction' } });
          await tx.contentPiece.create({
            data: { channel: 'blog', title: 'orphan', ownerId: 'nobody' },
          });
        })
        .then(
          () => undefined,
          (error: unknown) => error,
        ),
      3000,
    );
    // Prisma passes a failed commit on as the adapter reports it
    expect(failed).toMatchObject({
      name: 'DriverAdapterError',
      cause: { kind: 'ForeignKeyConstraintViolation' },
    });

    // outside any transaction: a plain write is committed at once, for everyone
    await settles(prisma.tag.create({ data: { name: 'plain after' } }), 3000);
    expect(committedTags(file)).toEqual(['plain after']);
    // and the next transaction starts
    await settles(
      prisma.$transaction((tx) => tx.tag.create({ data: { name: 'next transaction' } }), {
        maxWait: 1000,
      }),
      3000,
    );
    expect(committedTags(file)).toEqual(['next transaction', 'plain after']);
  });

  it('releases its lock when BEGIN fails', async () => {
    const file = freshFile();
    const { prisma } = connect(file);
    // the next BEGIN IMMEDIATE fails as SQLite would inside another transaction
    const exec = Database.prototype.exec;
    const spy = vi.spyOn(Database.prototype, 'exec').mockImplementation(function (
      this: Database.Database,
      sql: string,
    ) {
      if (sql === 'BEGIN IMMEDIATE' && spy.mock.calls.filter((c) => c[0] === sql).length === 1) {
        throw Object.assign(new Error('cannot start a transaction within a transaction'), {
          code: 'SQLITE_ERROR',
        });
      }
      return exec.call(this, sql);
    });
    try {
      await expect(
        settles(
          prisma.$transaction((tx) => tx.tag.create({ data: { name: 'never' } })),
          3000,
        ),
      ).rejects.toThrow(/within a transaction/);
    } finally {
      spy.mockRestore();
    }
    await settles(
      prisma.$transaction((tx) => tx.tag.create({ data: { name: 'next' } }), { maxWait: 1000 }),
      3000,
    );
    expect(committedTags(file)).toEqual(['next']);
  });

  it('never leaves the write connection inside a stray transaction', async () => {
    const file = freshFile();
    const { prisma } = connect(file);
    // a raw BEGIN would otherwise keep every later plain write uncommitted and the file locked
    await prisma.$executeRawUnsafe('BEGIN');
    await prisma.tag.create({ data: { name: 'plain' } });
    expect(committedTags(file)).toEqual(['plain']);
    await settles(
      prisma.$transaction((tx) => tx.tag.create({ data: { name: 'next' } }), { maxWait: 1000 }),
      3000,
    );
    expect(committedTags(file)).toEqual(['next', 'plain']);
  });

  it('prepares a statement once and keeps a bounded number of them', async () => {
    const file = freshFile();
    const { prisma } = connect(file, { statementCacheSize: 2 });
    await prisma.tag.create({ data: { name: 'cached' } });
    const prepare = vi.spyOn(Database.prototype, 'prepare');
    for (let i = 0; i < 20; i++) await prisma.tag.findFirst({ where: { name: 'cached' } });
    for (let i = 0; i < 10; i++) await prisma.tag.create({ data: { name: `tag ${i}` } });
    // the read's statement compiled once; the insert's was already, by the first create
    expect(prepare.mock.calls).toHaveLength(1);
    expect(prepare.mock.calls[0]?.[0]).toMatch(/^SELECT/);

    // least recently used out: A B A B keeps both, A B C A compiles A again
    prepare.mockClear();
    const run = (sql: string) => prisma.$queryRawUnsafe(sql);
    for (const sql of ['SELECT 1', 'SELECT 2', 'SELECT 1', 'SELECT 2']) await run(sql);
    expect(prepare.mock.calls.map((c) => c[0])).toEqual(['SELECT 1', 'SELECT 2']);
    prepare.mockClear();
    for (const sql of ['SELECT 3', 'SELECT 1']) await run(sql);
    expect(prepare.mock.calls.map((c) => c[0])).toEqual(['SELECT 3', 'SELECT 1']);
  });

  it('sends statements that write to the write connection, whatever their first word', async () => {
    const file = freshFile();
    const { prisma, factory } = connect(file);
    const rows = await prisma.$queryRawUnsafe<{ name: string }[]>(
      "WITH n(name) AS (SELECT 'from a CTE') INSERT INTO Tag (id, name) SELECT 'cte', name FROM n RETURNING name",
    );
    expect(rows).toEqual([{ name: 'from a CTE' }]);
    await prisma.$queryRawUnsafe("/* comment */ SELECT name FROM Tag WHERE id = 'cte'");
    expect(committedTags(file)).toEqual(['from a CTE']);
    expect(factory.stats()).toMatchObject({ reads: 1, writes: 1 });
  });

  it('converts values as Prisma expects them', async () => {
    const file = freshFile();
    const { prisma } = connect(file);
    const user = await prisma.user.create({
      data: { email: 'types@example.test', name: 'Types', passwordHash: 'x', active: false },
    });
    const read = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(read.active).toBe(false);
    expect(read.createdAt).toBeInstanceOf(Date);
    expect(read.createdAt.getTime()).toBe(user.createdAt.getTime());
    const [raw] = await prisma.$queryRawUnsafe<{ big: bigint; blob: Uint8Array; real: number }[]>(
      "SELECT 9007199254740993 AS big, x'00ff10' AS blob, 1.5 AS real",
    );
    expect(raw).toEqual({ big: 9007199254740993n, blob: new Uint8Array([0, 255, 16]), real: 1.5 });
  });
});
