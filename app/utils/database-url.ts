// What a DATABASE_URL names, read the same way by the app, the server's start-up and migrations,
// the command line, the seeds and the tests. Plain string work with no dependencies, so that any
// of them (including plain Node scripts loading it through tsx) can import it cheaply.

/** Where `npm start`, the CLI and Prisma's CLI keep the database when DATABASE_URL is unset. */
export const DEFAULT_DATABASE_URL = 'file:./prisma/data/lotse.db';

export type DatabaseProvider = 'sqlite' | 'postgresql';

/** Whether a URL names a PostgreSQL database ("postgresql://…" or "postgres://…"). */
export function isPostgresUrl(url: string | null | undefined): boolean {
  return /^postgres(ql)?:\/\//i.test(url ?? '');
}

/** Whether a URL names a SQLite database ("file:…"). */
export function isSqliteUrl(url: string | null | undefined): boolean {
  return (url ?? '').startsWith('file:');
}

/** The URL schemes Lotse accepts in DATABASE_URL, for messages. */
export const SUPPORTED_URLS = 'a SQLite "file:" URL or a PostgreSQL "postgresql://" URL';

/** The scheme of a URL for a message, without anything secret that follows it. */
function schemeOf(url: string): string {
  return `${url.split(':')[0]}:…`;
}

/** Which database a DATABASE_URL names: a SQLite "file:" URL or a PostgreSQL one. */
export function databaseProvider(url: string): DatabaseProvider {
  if (isPostgresUrl(url)) return 'postgresql';
  if (isSqliteUrl(url)) return 'sqlite';
  throw new Error(`DATABASE_URL must be ${SUPPORTED_URLS} (got "${schemeOf(url)}").`);
}

/** Turns a `file:` URL into the path better-sqlite3 opens (relative paths: from the cwd). */
export function sqlitePath(url: string): string {
  if (!isSqliteUrl(url)) {
    throw new Error(
      `DATABASE_URL must be a SQLite "file:" URL here (got "${schemeOf(url)}"); ` +
        `Lotse supports ${SUPPORTED_URLS}.`,
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

/**
 * The `pg` client settings for a Prisma-style PostgreSQL URL, its `schema` parameter becoming
 * the connection's search path; and that schema.
 */
export function postgresSettings(url: string): {
  schema: string;
  config: { connectionString: string; options: string };
} {
  const { connectionString, schema } = postgresConnection(url);
  return { schema, config: { connectionString, options: searchPathOption(schema) } };
}
