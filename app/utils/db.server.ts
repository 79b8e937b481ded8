import fs from 'node:fs';
import path from 'node:path';
import { PrismaClient } from '~/generated/prisma/client';
import { PrismaClient as PostgresPrismaClient } from '~/generated/prisma-pg/client';
import { postgresAdapter } from './db-postgres.server';
import { databaseProvider, postgresConnection, searchPathOption, sqlitePath } from './database-url';
import { getEnv } from './env.server';
import { LotseSqlite } from './sqlite-adapter.server';

export type { PrismaClient };
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export type { DatabaseProvider } from './database-url';

/** How long a SQLite write waits for a lock another process holds before it fails. */
const SQLITE_LOCK_TIMEOUT_MS = 5000;

export function createPrismaClient(url = getEnv().DATABASE_URL): PrismaClient {
  if (databaseProvider(url) === 'postgresql') {
    const { connectionString, schema } = postgresConnection(url);
    // Prisma's pg adapter, sending a transaction's queries one at a time (db-postgres.server.ts)
    const adapter = postgresAdapter(
      { connectionString, options: searchPathOption(schema) },
      { schema: schema === 'public' ? undefined : schema },
    );
    // The PostgreSQL client is generated from the same models (prisma/postgresql/schema.prisma,
    // kept identical by a test), so it has the SQLite client's API.
    // Every statement is a round trip to the server, so a long transaction (the reference data,
    // a bulk import) takes longer than on SQLite: more than Prisma's default of 5 s on a busy host.
    return new PostgresPrismaClient({
      adapter,
      transactionOptions: { maxWait: 10_000, timeout: 60_000 },
    }) as unknown as PrismaClient;
  }
  const file = sqlitePath(url);
  // SQLite creates the file but not its folder
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  // Lotse's adapter (sqlite-adapter.server.ts): plain reads never see another request's open
  // transaction, plain writes queue behind it, and a write waits up to 5 s, without blocking
  // the event loop, while another process (a second worker, a backup) holds the write lock.
  const adapter = new LotseSqlite({ file, lockTimeoutMs: SQLITE_LOCK_TIMEOUT_MS });
  return new PrismaClient({
    adapter,
    // starting a transaction may wait for the transactions queued before it in this process,
    // then for another process's lock: Prisma's default of 2 s is too short for both
    transactionOptions: { maxWait: 2 * SQLITE_LOCK_TIMEOUT_MS },
  });
}

/** Whether the process's database is PostgreSQL (for the few places where SQL differs). */
export function usesPostgres(url = getEnv().DATABASE_URL): boolean {
  return databaseProvider(url) === 'postgresql';
}

const globalForPrisma = globalThis as unknown as { __lotsePrisma?: PrismaClient };

/** The one Prisma client of the process (kept across dev rebuilds). */
export const prisma: PrismaClient = (globalForPrisma.__lotsePrisma ??= createPrismaClient());
