import fs from 'node:fs';
import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '~/generated/prisma/client';
import { PrismaClient as PostgresPrismaClient } from '~/generated/prisma-pg/client';
import { databaseProvider, postgresConnection, searchPathOption, sqlitePath } from './database-url';
import { getEnv } from './env.server';

export type { PrismaClient };
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export type { DatabaseProvider } from './database-url';

export function createPrismaClient(url = getEnv().DATABASE_URL): PrismaClient {
  if (databaseProvider(url) === 'postgresql') {
    const { connectionString, schema } = postgresConnection(url);
    const adapter = new PrismaPg(
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
  // A busy timeout lets concurrent writers wait for the lock instead of failing at once.
  const file = sqlitePath(url);
  // SQLite creates the file but not its folder
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const adapter = new PrismaBetterSQLite3({ url: `file:${file}`, timeout: 5000 });
  return new PrismaClient({ adapter });
}

/** Whether the process's database is PostgreSQL (for the few places where SQL differs). */
export function usesPostgres(url = getEnv().DATABASE_URL): boolean {
  return databaseProvider(url) === 'postgresql';
}

const globalForPrisma = globalThis as unknown as { __lotsePrisma?: PrismaClient };

/** The one Prisma client of the process (kept across dev rebuilds). */
export const prisma: PrismaClient = (globalForPrisma.__lotsePrisma ??= createPrismaClient());
