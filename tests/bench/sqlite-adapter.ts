// `npx tsx tests/bench/sqlite-adapter.ts`: Lotse's SQLite adapter beside Prisma's
// @prisma/adapter-better-sqlite3, on copies of one migrated file in WAL mode: sequential plain
// reads, plain writes and short transactions, then concurrent requests that mix them.
// Prints operations per second for each (the best of ROUNDS alternating runs, as the machine's
// load varies); the concurrent run also counts wrong results (a read that saw a row of a
// transaction that was still open) and failed requests. Then the adapters' own cost of a plain
// read, without Prisma's query compilation around it.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import Database from 'better-sqlite3';
import { PrismaClient } from '~/generated/prisma/client';
import { LotseSqlite } from '~/utils/sqlite-adapter.server';
import { freshDatabase } from './support';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const removeBase = freshDatabase('sqlite-adapter');
const base = (process.env.DATABASE_URL as string).slice('file:'.length);

type Row = Record<string, string | number>;

function copyOf(name: string): string {
  const file = path.join(path.dirname(base), `bench-sqlite-adapter-${name}.db`);
  for (const s of ['', '-wal', '-shm']) fs.rmSync(file + s, { force: true });
  fs.copyFileSync(base, file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.close();
  return file;
}

async function rate(count: number, work: (i: number) => Promise<unknown>): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < count; i++) await work(i);
  return Math.round((count * 1000) / (performance.now() - started));
}

async function bench(name: string, client: (file: string) => PrismaClient): Promise<Row> {
  const file = copyOf(name);
  const prisma = client(file);
  try {
    const tags = await Promise.all(
      Array.from({ length: 100 }, (_, i) => prisma.tag.create({ data: { name: `tag ${i}` } })),
    );
    const pick = (i: number) => tags[i % tags.length]!;
    const reads = await rate(3000 * SCALE, (i) =>
      prisma.tag.findUnique({ where: { id: pick(i).id } }),
    );
    const writes = await rate(500 * SCALE, (i) =>
      prisma.tag.update({ where: { id: pick(i).id }, data: { name: `w ${i}` } }),
    );
    const transactions = await rate(300 * SCALE, (i) =>
      prisma.$transaction(async (tx) => {
        const tag = await tx.tag.findUniqueOrThrow({ where: { id: pick(i).id } });
        await tx.tag.update({ where: { id: tag.id }, data: { name: `t ${i}` } });
      }),
    );

    // 20 requests at once, each 30 times: a transaction that holds a marker row for a moment,
    // and reads that must never see a marker (it is deleted before the transaction commits)
    let ops = 0;
    let sawUncommitted = 0;
    let failed = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 20 }, async (_, r) => {
        for (let i = 0; i < 30 * SCALE; i++) {
          try {
            if (i % 3 === 0) {
              await prisma.$transaction(async (tx) => {
                const marker = await tx.tag.create({ data: { name: `open ${r}-${i}` } });
                await new Promise((resolve) => setTimeout(resolve, 1));
                await tx.tag.delete({ where: { id: marker.id } });
              });
            } else if (i % 3 === 1) {
              await prisma.tag.update({ where: { id: pick(r).id }, data: { name: `c ${r}-${i}` } });
            } else {
              const open = await prisma.tag.count({ where: { name: { startsWith: 'open ' } } });
              if (open > 0) sawUncommitted++;
            }
            ops++;
          } catch {
            failed++;
          }
          // as requests arriving over the network do: the driver answers synchronously, and
          // without this a request's whole loop would run before anything else
          await new Promise((resolve) => setImmediate(resolve));
        }
      }),
    );
    const concurrent = Math.round((ops * 1000) / (performance.now() - started));
    return { adapter: name, reads, writes, transactions, concurrent, sawUncommitted, failed };
  } finally {
    await prisma.$disconnect();
    for (const s of ['', '-wal', '-shm']) fs.rmSync(file + s, { force: true });
  }
}

const clients: Record<string, (file: string) => PrismaClient> = {
  upstream: (file) =>
    new PrismaClient({
      adapter: new PrismaBetterSQLite3({ url: `file:${file}`, timeout: 5000 }),
    }),
  lotse: (file) =>
    new PrismaClient({
      adapter: new LotseSqlite({ file }),
      transactionOptions: { maxWait: 10_000 },
    }),
};

/** Microseconds per plain read through the adapter alone. */
async function adapterCost(name: string): Promise<number> {
  const file = copyOf(`${name}-direct`);
  const factory =
    name === 'lotse'
      ? new LotseSqlite({ file })
      : new PrismaBetterSQLite3({ url: `file:${file}`, timeout: 5000 });
  const adapter = await factory.connect();
  try {
    await adapter.executeRaw({
      sql: "INSERT INTO Tag (id, name) VALUES ('t', 'tag')",
      args: [],
      argTypes: [],
    });
    const read = {
      sql: 'SELECT `main`.`Tag`.`id`, `main`.`Tag`.`name` FROM `main`.`Tag` WHERE `main`.`Tag`.`id` = ? LIMIT ? OFFSET ?',
      args: ['t', 1, 0],
      argTypes: [
        { scalarType: 'string', arity: 'scalar' },
        { scalarType: 'int', arity: 'scalar' },
        { scalarType: 'int', arity: 'scalar' },
      ] as const,
    };
    const count = 20_000 * SCALE;
    const started = performance.now();
    for (let i = 0; i < count; i++) {
      await adapter.queryRaw({ ...read, argTypes: [...read.argTypes] });
    }
    return Math.round(((performance.now() - started) * 1000) / count);
  } finally {
    await adapter.dispose();
    for (const s of ['', '-wal', '-shm']) fs.rmSync(file + s, { force: true });
  }
}

const best = new Map<string, Row>();
const better = (name: string, row: Row) => {
  const seen = best.get(name);
  if (!seen) return best.set(name, row);
  for (const key of ['reads', 'writes', 'transactions', 'concurrent'] as const) {
    seen[key] = Math.max(Number(seen[key]), Number(row[key]));
  }
  for (const key of ['sawUncommitted', 'failed'] as const) {
    seen[key] = Number(seen[key]) + Number(row[key]);
  }
  seen['µs per read (adapter)'] = Math.min(
    Number(seen['µs per read (adapter)']),
    Number(row['µs per read (adapter)']),
  );
};
try {
  for (let round = 0; round < ROUNDS; round++) {
    // each goes first in every other round: the first run in a process warms up Prisma for both
    const order = Object.entries(clients);
    if (round % 2 === 1) order.reverse();
    for (const [name, client] of order) {
      const row = await bench(name, client);
      row['µs per read (adapter)'] = await adapterCost(name);
      better(name, row);
    }
  }
} finally {
  removeBase();
}
console.log(
  `operations per second, best of ${ROUNDS} (reads, writes, transactions: one after another;` +
    ` sawUncommitted and failed: summed over the rounds)`,
);
console.table([...best.values()]);
