// `backup --out FILE` and `restore FILE`: copies of the SQLite database that are safe to take
// while the server runs, and a restore that checks the file before it replaces anything.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import Database from 'better-sqlite3';
import { DEFAULT_DATABASE_URL, isPostgresUrl, isSqliteUrl, sqlitePath } from '~/utils/database-url';
import { CliError } from './common';

const MIGRATIONS_DIR = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
// how long to wait for a lock the server holds before giving up
const BUSY_TIMEOUT_MS = 10_000;

export type DatabaseSummary = {
  /** applied migrations, oldest first */
  migrations: string[];
  /** this version's migrations the file does not have yet (applied at the next start) */
  pending: string[];
  /** rows per table */
  tables: Record<string, number>;
};

/** The SQLite file DATABASE_URL names; anything else is refused. */
export function databaseFile(url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL) {
  if (isPostgresUrl(url)) {
    throw new CliError(
      'DATABASE_URL points at PostgreSQL: back it up and restore it with pg_dump and pg_restore',
    );
  }
  if (!isSqliteUrl(url)) {
    throw new CliError(
      `DATABASE_URL must be a SQLite "file:" URL for backup and restore (got "${url.split(':')[0]}:…")`,
    );
  }
  const file = sqlitePath(url);
  if (!file || file === ':memory:') throw new CliError('DATABASE_URL names no database file');
  return path.resolve(file);
}

/** The migrations this version of Lotse ships, oldest first. */
export function knownMigrations(dir = MIGRATIONS_DIR): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, 'migration.sql')))
    .map((e) => e.name)
    .sort();
}

function hasSqliteHeader(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    return read === head.length && head.equals(SQLITE_HEADER);
  } finally {
    fs.closeSync(fd);
  }
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

const isCorruption = (error: unknown) =>
  ['SQLITE_CORRUPT', 'SQLITE_NOTADB'].includes((error as { code?: string }).code ?? '');

/** Runs `work`; SQLite's "malformed" and "not a database" errors become "LABEL is corrupt". */
function reportingCorruption<T>(label: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (isCorruption(error)) throw new CliError(`${label} is corrupt: ${message(error)}`);
    throw error;
  }
}

/**
 * Checks an open database: SQLite's integrity and foreign-key checks, then that it is Lotse's
 * (its `_prisma_migrations` starts with this version's first migration) and not from a newer
 * version (a migration this version does not know). Throws CliError with the reason.
 */
export function inspectDatabase(
  db: Database.Database,
  label: string,
  { allowNewer = false } = {},
): DatabaseSummary {
  return reportingCorruption(label, () => inspect(db, label, allowNewer));
}

function inspect(db: Database.Database, label: string, allowNewer: boolean): DatabaseSummary {
  let problems: string[];
  try {
    problems = (db.pragma('integrity_check') as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .filter((r) => r !== 'ok');
  } catch (error) {
    throw new CliError(`${label} is corrupt: ${message(error)}`);
  }
  if (problems.length) {
    throw new CliError(`${label} is corrupt: ${problems.slice(0, 3).join('; ')}`);
  }
  const broken = db.pragma('foreign_key_check') as {
    table: string;
    rowid: number;
    parent: string;
  }[];
  if (broken.length) {
    const first = broken[0]!;
    throw new CliError(
      `${label} has ${broken.length} rows whose references point nowhere ` +
        `(first: ${first.table} row ${first.rowid} → ${first.parent})`,
    );
  }
  const tableNames = db
    .prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  const known = knownMigrations();
  const notLotse = `${label} is not a Lotse database`;
  if (!tableNames.includes('_prisma_migrations')) {
    throw new CliError(`${notLotse} (it has no migration history)`);
  }
  const history = db
    .prepare(
      'SELECT migration_name AS name, finished_at AS finished, rolled_back_at AS rolledBack FROM _prisma_migrations ORDER BY started_at, migration_name',
    )
    .all() as { name: string; finished: unknown; rolledBack: unknown }[];
  const applied = history
    .filter((m) => m.finished != null && m.rolledBack == null)
    .map((m) => m.name);
  if (!applied.includes(known[0] ?? '')) {
    throw new CliError(`${notLotse} (its migration history does not start with ${known[0]})`);
  }
  const unfinished = history.filter((m) => m.finished == null && m.rolledBack == null);
  if (unfinished.length) {
    throw new CliError(
      `${label} has a migration that did not finish: ${unfinished.map((m) => m.name).join(', ')}`,
    );
  }
  const unknown = applied.filter((m) => !known.includes(m));
  if (unknown.length && !allowNewer) {
    throw new CliError(
      `${label} comes from a newer version of Lotse (migrations this version does not know: ` +
        `${unknown.join(', ')}); update Lotse before restoring it`,
    );
  }
  const tables: Record<string, number> = {};
  for (const name of tableNames) {
    if (name === '_prisma_migrations') continue;
    const quoted = `"${name.replaceAll('"', '""')}"`;
    tables[name] = Number(db.prepare(`SELECT count(*) FROM ${quoted}`).pluck().get());
  }
  return { migrations: applied, pending: known.filter((m) => !applied.includes(m)), tables };
}

/**
 * Copies a database with SQLite's online backup: a consistent snapshot even while another
 * process writes (in WAL mode the writer is not held up). The copy is left in rollback-journal
 * mode so that it is one self-contained file.
 */
async function snapshot(source: string, destination: string, label: string): Promise<void> {
  let db: Database.Database;
  try {
    db = new Database(source, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw new CliError(`cannot open ${label}: ${message(error)}`);
  }
  try {
    // the first step copies nothing; then everything in one step, so that writes between steps
    // cannot make the copy start over again and again
    await db.backup(destination, { progress: () => 0x7fffffff });
  } catch (error) {
    throw new CliError(
      isCorruption(error)
        ? `${label} is corrupt: ${message(error)}`
        : `${label} cannot be copied: ${message(error)}`,
    );
  } finally {
    db.close();
  }
  const copy = new Database(destination, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  try {
    reportingCorruption(label, () => copy.pragma('journal_mode = DELETE'));
  } finally {
    copy.close();
  }
}

function fsyncPath(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function removeWithSidecars(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

/** A name for a temporary file in the same folder as `file`, so that a rename is atomic. */
function tempNextTo(file: string, purpose: string): string {
  return path.join(
    path.dirname(file),
    `.${path.basename(file)}.${purpose}-${process.pid}-${Date.now()}`,
  );
}

function readMigrationRows(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  try {
    return JSON.stringify(
      db
        .prepare(
          'SELECT id, checksum, migration_name, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY id',
        )
        .all(),
    );
  } finally {
    db.close();
  }
}

function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new CliError(message(error));
  }
}

export async function runBackupCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    out: { type: 'string' },
    force: { type: 'boolean', default: false },
  });
  if (positionals.length) throw new CliError(`unexpected argument "${positionals[0]}"`);
  if (typeof values.out !== 'string' || !values.out) {
    throw new CliError('give the file to write with --out FILE');
  }
  const source = databaseFile();
  const out = path.resolve(values.out);
  if (!fs.existsSync(source)) throw new CliError(`there is no database at ${source}`);
  if (out === source) throw new CliError('--out names the database itself');
  if (!fs.existsSync(path.dirname(out))) {
    throw new CliError(`the folder ${path.dirname(out)} does not exist`);
  }
  if (fs.existsSync(out) && !values.force) {
    throw new CliError(`${out} exists already (choose another name, or add --force)`);
  }

  const started = Date.now();
  const temp = tempNextTo(out, 'partial');
  try {
    await snapshot(source, temp, `the database ${source}`);
    const copy = new Database(temp, { readonly: true, fileMustExist: true });
    let summary: DatabaseSummary;
    try {
      summary = inspectDatabase(copy, 'the copy', { allowNewer: true });
    } finally {
      copy.close();
    }
    // migrations do not change while the server runs: the copy must carry the same history
    if (readMigrationRows(temp) !== readMigrationRows(source)) {
      throw new CliError('the copy’s migration history differs from the database’s');
    }
    fsyncPath(temp);
    fs.renameSync(temp, out);
    fsyncPath(path.dirname(out));
    const result = {
      file: out,
      bytes: fs.statSync(out).size,
      durationMs: Date.now() - started,
      migrations: summary.migrations,
      tables: summary.tables,
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    process.stderr.write(`lotse: backed up ${source} to ${out}\n`);
    return 0;
  } catch (error) {
    removeWithSidecars(temp);
    // a copy that fails its checks means the database itself has a problem
    if (error instanceof CliError) {
      process.stderr.write(`lotse: backup failed: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

export async function runRestoreCommand(args: string[]): Promise<number> {
  const { positionals } = parse(args, {});
  if (positionals.length !== 1) throw new CliError('give the backup file: restore FILE');
  const from = path.resolve(positionals[0]!);
  const target = databaseFile();
  if (!fs.existsSync(from) || !fs.statSync(from).isFile()) {
    throw new CliError(`there is no file at ${from}`);
  }
  if (from === target) throw new CliError(`${from} is the database itself`);
  if (!hasSqliteHeader(from)) throw new CliError(`${from} is not a SQLite database`);

  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = tempNextTo(target, 'restore');
  try {
    await snapshot(from, temp, from);
    const db = new Database(temp, { fileMustExist: true });
    let summary: DatabaseSummary;
    try {
      summary = inspectDatabase(db, from);
      // the server runs in WAL mode; the restored file starts out in it
      db.pragma('journal_mode = WAL');
    } finally {
      db.close();
    }
    fsyncPath(temp);
    // the old database's write-ahead log must not be replayed onto the restored file
    for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(target + suffix, { force: true });
    fs.renameSync(temp, target);
    fsyncPath(path.dirname(target));
    removeWithSidecars(temp);
    process.stdout.write(
      `${JSON.stringify(
        {
          restored: target,
          from,
          bytes: fs.statSync(target).size,
          pendingMigrations: summary.pending,
          tables: summary.tables,
        },
        null,
        2,
      )}\n`,
    );
    process.stderr.write(
      `lotse: restored ${target} from ${from}. Restart the server now: a running server still ` +
        'has the old database open' +
        (summary.pending.length ? ', and applies the pending migrations when it starts.\n' : '.\n'),
    );
    return 0;
  } catch (error) {
    removeWithSidecars(temp);
    throw error;
  }
}
