// Applies the pending database migrations for DATABASE_URL's database: `npm run db:migrate`
// (app/server/run.mjs migrate), and every `npm start`.
// - SQLite ("file:" URLs): `prisma migrate deploy` with prisma/migrations.
// - PostgreSQL: the SQL files of prisma/postgresql/migrations, applied here with `pg`, because
//   Prisma's JS migration engine cannot migrate PostgreSQL yet. Each migration runs in its own
//   transaction and is recorded in a `_prisma_migrations` table like Prisma's, so `prisma migrate
//   status` and later Prisma versions read the same history. A session advisory lock makes
//   several instances starting at once take turns: the first applies, the others find nothing
//   left to do.
import { spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { DEFAULT_DATABASE_URL, isPostgresUrl, postgresSettings } from '../utils/database-url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const POSTGRES_MIGRATIONS = path.join(root, 'prisma', 'postgresql', 'migrations');
// any fixed number; the same for every Lotse instance (pg_advisory_lock takes a bigint)
const LOCK_KEY = 7_314_022_611;

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

export type Migration = { name: string; sql: string; checksum: string };

/** The migrations in `dir`, oldest first, with their SQL and Prisma's checksum of it. */
export function readMigrations(dir = POSTGRES_MIGRATIONS): Migration[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, 'migration.sql')))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * Applies the pending PostgreSQL migrations; returns the names applied. Creates the URL's schema
 * when it does not exist yet.
 */
export async function migratePostgres(
  url: string,
  {
    dir = POSTGRES_MIGRATIONS,
    log = () => {},
  }: { dir?: string; log?: (line: string) => void } = {},
): Promise<string[]> {
  const { schema, config } = postgresSettings(url);
  const client = new pg.Client(config);
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quote(schema)}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${quote(schema)}."_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const { rows } = await client.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
    }>(
      `SELECT migration_name, checksum, finished_at FROM ${quote(schema)}."_prisma_migrations"
       WHERE rolled_back_at IS NULL`,
    );
    const failed = rows.find((r) => r.finished_at === null);
    if (failed) {
      throw new Error(
        `migration ${failed.migration_name} failed before; resolve it (prisma migrate resolve) first`,
      );
    }
    const done = new Map(rows.map((r) => [r.migration_name, r.checksum]));
    for (const migration of readMigrations(dir)) {
      if (done.has(migration.name)) {
        if (done.get(migration.name) !== migration.checksum) {
          log(`warning: migration ${migration.name} was changed after it was applied`);
        }
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO ${quote(schema)}."_prisma_migrations"
             (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(`migration ${migration.name} failed: ${message}`, { cause: error });
      }
      applied.push(migration.name);
      log(`applied migration ${migration.name}`);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => {});
    await client.end();
  }
  return applied;
}

/**
 * Runs `work` while holding an advisory lock of the URL's PostgreSQL database, so that instances
 * starting together migrate and create the reference data one after the other. (A different key
 * from the migrations' own lock, which `work` takes on a connection of its own.)
 */
export async function withStartupLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  if (!isPostgresUrl(url)) return work();
  const client = new pg.Client(postgresSettings(url).config);
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY + 1]);
    return await work();
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY + 1]).catch(() => {});
    await client.end();
  }
}

/** Applies the pending migrations for `url`'s database (SQLite or PostgreSQL). */
export async function migrate(
  url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
): Promise<void> {
  if (isPostgresUrl(url)) {
    await migratePostgres(url, { log: (line) => console.log(`lotse: ${line}`) });
    return;
  }
  const result = spawnSync(
    path.join(root, 'node_modules', '.bin', 'prisma'),
    ['migrate', 'deploy'],
    {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, DATABASE_URL: url },
    },
  );
  if (result.status !== 0)
    throw new Error(`prisma migrate deploy exited ${result.status ?? result.signal}`);
}

/** `npm run db:migrate`: applies the pending migrations and says when that fails. */
export async function migrateCommand(): Promise<void> {
  try {
    await migrate();
  } catch (error) {
    console.error(
      `lotse: database migrations failed: ${error instanceof Error ? error.message : error}`,
    );
    process.exit(1);
  }
}
