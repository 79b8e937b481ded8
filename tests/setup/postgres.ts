// Tests against PostgreSQL: LOTSE_TEST_DATABASE=postgresql://user@host:port/database runs the
// vitest and Playwright suites there instead of on SQLite files. Every test file gets a schema of
// its own, created from prisma/postgresql/migrations and dropped afterwards.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { migratePostgres } from '../../app/server/migrate';
import { isPostgresUrl, postgresSettings } from '../../app/utils/database-url';

/** The PostgreSQL database the tests use, or undefined: SQLite files. */
export const TEST_POSTGRES = isPostgresUrl(process.env.LOTSE_TEST_DATABASE)
  ? (process.env.LOTSE_TEST_DATABASE as string)
  : undefined;

/** The scratch folder of test runs (LOTSE_TEST_TMP). */
export const TMP = path.resolve(process.env.LOTSE_TEST_TMP ?? path.join('tests', '.tmp'));

/** `url` with Prisma's `schema` parameter set. */
export function withSchema(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('schema', schema);
  return parsed.toString();
}

/** A schema name nobody else uses: `${prefix}_${random}`. */
export function uniqueSchema(prefix: string): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`.toLowerCase();
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(postgresSettings(url).config);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates the URL's database when it does not exist (connecting to "postgres" to do so). */
export async function ensureDatabase(url: string): Promise<void> {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.slice(1));
  parsed.pathname = '/postgres';
  await withClient(parsed.toString(), async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return;
    await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`).catch((error) => {
      if (error.code !== '42P04') throw error; // created meanwhile by someone else
    });
  });
}

/** A fresh schema with all migrations applied; returns its URL. */
export async function migratedSchema(url: string, schema: string): Promise<string> {
  const schemaUrl = withSchema(url, schema);
  await dropSchemas(url, [schema]);
  await migratePostgres(schemaUrl);
  return schemaUrl;
}

export async function dropSchemas(url: string, schemas: string[]): Promise<void> {
  await withClient(url, async (client) => {
    for (const schema of schemas) {
      await client.query(`DROP SCHEMA IF EXISTS "${schema.replaceAll('"', '""')}" CASCADE`);
    }
  });
}

/** The schemas whose names start with `prefix`. */
export async function schemasLike(url: string, prefix: string): Promise<string[]> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ name: string }>(
      'SELECT nspname::text AS name FROM pg_namespace WHERE starts_with(nspname::text, $1)',
      [prefix],
    );
    return rows.map((r) => r.name);
  });
}

/** Runs SQL in a schema (its search path). */
export async function runSql(url: string, schema: string, sql: string): Promise<void> {
  await withClient(withSchema(url, schema), async (client) => {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(sql);
  });
}

/**
 * What a schema holds, as text to compare: tables and their columns (type, nullability,
 * default), indexes and constraints, without the schema's name and without the migration table.
 */
export async function describeSchema(url: string, schema: string): Promise<string[]> {
  return withClient(url, async (client) => {
    const columns = await client.query(
      `SELECT table_name::text || '.' || column_name::text || ' ' || data_type::text || ' ' ||
              coalesce(character_maximum_length::text, '') || ' ' ||
              coalesce(datetime_precision::text, '') || ' ' || is_nullable::text || ' ' ||
              coalesce(column_default::text, '') AS line
         FROM information_schema.columns
        WHERE table_schema = $1 AND table_name <> '_prisma_migrations'`,
      [schema],
    );
    const indexes = await client.query(
      `SELECT 'index ' || replace(indexdef, $2, '') AS line FROM pg_indexes
        WHERE schemaname = $1 AND tablename <> '_prisma_migrations'`,
      [schema, `"${schema}".`],
    );
    const constraints = await client.query(
      `SELECT 'constraint ' || c.conrelid::regclass::text || ' ' || c.conname::text || ' ' ||
              replace(pg_get_constraintdef(c.oid), $2, '') AS line
         FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
        WHERE n.nspname = $1 AND c.conrelid::regclass::text NOT LIKE '%_prisma_migrations%'`,
      [schema, `"${schema}".`],
    );
    return [...columns.rows, ...indexes.rows, ...constraints.rows]
      .map((r: { line: string }) =>
        r.line.replaceAll(`"${schema}".`, '').replaceAll(`${schema}.`, ''),
      )
      .sort();
  });
}
