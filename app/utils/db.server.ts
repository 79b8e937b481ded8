import fs from 'node:fs';
import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '~/generated/prisma/client';
import { PrismaClient as PostgresPrismaClient } from '~/generated/prisma-pg/client';
import { getEnv } from './env.server';

export type { PrismaClient };
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export type DatabaseProvider = 'sqlite' | 'postgresql';

/** Which database a DATABASE_URL names: a SQLite "file:" URL or a PostgreSQL one. */
export function databaseProvider(url: string): DatabaseProvider {
  if (/^postgres(ql)?:\/\//i.test(url)) return 'postgresql';
  if (url.startsWith('file:')) return 'sqlite';
  throw new Error(
    `DATABASE_URL must be a SQLite "file:" URL or a "postgresql://" URL (got "${url.split(':')[0]}:…").`,
  );
}

/** Turns a `file:` URL into the path better-sqlite3 opens (relative paths: from the cwd). */
export function sqlitePath(url: string): string {
  if (!url.startsWith('file:')) {
    throw new Error(
      `DATABASE_URL must be a SQLite "file:" URL (got "${url.split(':')[0]}:…"). ` +
        'Other databases are not supported yet.',
    );
  }
  return url.slice('file:'.length).split('?')[0] as string;
}

/**
 * A PostgreSQL URL as the `pg` driver takes it, and the schema its tables live in (the URL's
 * `schema` parameter, as Prisma spells it; default "public").
 */
export function postgresConnection(url: string): { connectionString: string; schema: string } {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema') || 'public';
  parsed.searchParams.delete('schema');
  return { connectionString: parsed.toString(), schema };
}

/** The session option that makes a PostgreSQL connection find the tables of `schema`. */
export function searchPathOption(schema: string): string {
  return `-c search_path="${schema.replaceAll('"', '""')}"`;
}

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
