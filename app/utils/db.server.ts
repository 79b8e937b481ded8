import fs from 'node:fs';
import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '~/generated/prisma/client';
import { getEnv } from './env.server';

export type { PrismaClient };
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

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

export function createPrismaClient(url = getEnv().DATABASE_URL): PrismaClient {
  // A busy timeout lets concurrent writers wait for the lock instead of failing at once.
  const file = sqlitePath(url);
  // SQLite creates the file but not its folder
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const adapter = new PrismaBetterSQLite3({ url: `file:${file}`, timeout: 5000 });
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { __lotsePrisma?: PrismaClient };

/** The one Prisma client of the process (kept across dev rebuilds). */
export const prisma: PrismaClient = (globalForPrisma.__lotsePrisma ??= createPrismaClient());
