import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { databaseFile } from '~/cli/backup';
import { isPostgresUrl } from '~/utils/database-url';
import { prisma } from '~/utils/db.server';

const tmp = fs.mkdtempSync(
  path.join(path.resolve(process.env.LOTSE_TEST_TMP ?? path.join('tests', '.tmp')), 'backup-'),
);
// backup and restore copy SQLite files; PostgreSQL is backed up with pg_dump (see the README)
const postgres = isPostgresUrl(process.env.DATABASE_URL);
const source = postgres ? '' : databaseFile(process.env.DATABASE_URL);

/** Runs the CLI without blocking this process, so that writes here go on meanwhile. */
function cli(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(path.resolve('node_modules/.bin/tsx'), ['app/cli/main.ts', ...args], {
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Every row of every table, in a comparable form. */
function dump(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .pluck()
      .all() as string[];
    return Object.fromEntries(
      tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]),
    );
  } finally {
    db.close();
  }
}

/** Names and contents of the files in a folder, to show that a refusal changed nothing. */
function folderState(dir: string): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .filter((name) => fs.statSync(path.join(dir, name)).isFile())
      .sort()
      .map((name) => [
        name,
        createHash('sha256')
          .update(fs.readFileSync(path.join(dir, name)))
          .digest('hex'),
      ]),
  );
}

function withDatabase(file: string, work: (db: Database.Database) => void) {
  const db = new Database(file);
  try {
    work(db);
  } finally {
    db.close();
  }
}

let authorId = '';
beforeAll(async () => {
  if (postgres) return;
  // the server's database runs in WAL mode (set at every start); so does this one
  await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  ({ id: authorId } = await prisma.user.create({
    data: { email: 'backup@example.test', name: 'Backup Test', passwordHash: 'unused' },
    select: { id: true },
  }));
});

describe.skipIf(postgres)('backup', () => {
  const copy = path.join(tmp, 'during-writes.db');
  const quiet = path.join(tmp, 'quiet.db');

  it('takes a consistent copy while another process writes, and checks it', async () => {
    // one transaction per step: a piece and its comment, numbered in order
    let written = 0;
    let stop = false;
    const writer = (async () => {
      while (!stop) {
        const n = written + 1;
        await prisma.contentPiece.create({
          data: {
            channel: 'blog',
            title: `piece ${n}`,
            comments: { create: { authorId, body: `comment ${n}` } },
          },
        });
        written = n;
        // SQLite answers synchronously: without yielding to the event loop here, nothing else
        // (timers, the child process's pipes) would ever run
        await new Promise((r) => setImmediate(r));
      }
    })();
    while (written < 20) await new Promise((r) => setTimeout(r, 5));
    const before = written;
    const result = await cli(['backup', '--out', copy]);
    const after = written;
    stop = true;
    await writer;

    expect(result.stderr).not.toMatch(/failed|error/i);
    expect(result.status).toBe(0);
    // the writes really went on while the backup ran
    expect(after).toBeGreaterThan(before);
    const summary = JSON.parse(result.stdout);
    expect(summary.file).toBe(copy);
    expect(summary.bytes).toBe(fs.statSync(copy).size);
    expect(summary.migrations).toContain('20261128000000_init');
    expect(summary.durationMs).toBeGreaterThanOrEqual(0);

    // a snapshot at one moment: pieces 1..k, each with its comment, nothing half-written
    const db = new Database(copy, { readonly: true, fileMustExist: true });
    const titles = db.prepare('SELECT title FROM ContentPiece').pluck().all() as string[];
    const comments = db
      .prepare(
        'SELECT p.title AS title, c.body AS body FROM ContentComment c JOIN ContentPiece p ON p.id = c.pieceId',
      )
      .all() as { title: string; body: string }[];
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    db.close();
    const k = titles.length;
    expect(k).toBeGreaterThanOrEqual(before);
    expect(k).toBeLessThanOrEqual(written);
    expect(new Set(titles)).toEqual(new Set(Array.from({ length: k }, (_, i) => `piece ${i + 1}`)));
    expect(comments).toHaveLength(k);
    for (const c of comments) expect(c.body).toBe(c.title.replace('piece', 'comment'));
    expect(summary.tables.ContentPiece).toBe(k);
    expect(summary.tables.ContentComment).toBe(k);
    expect(fs.readdirSync(tmp)).toEqual(['during-writes.db']);
  });

  it('restores into a fresh path with exactly the same data', async () => {
    expect((await cli(['backup', '--out', quiet])).status).toBe(0);
    const target = path.join(tmp, 'fresh', 'lotse.db');
    const result = await cli(['restore', quiet], { DATABASE_URL: `file:${target}` });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/restart the server/i);
    const summary = JSON.parse(result.stdout);
    expect(summary.restored).toBe(target);
    expect(summary.pendingMigrations).toEqual([]);
    expect(summary.tables.ContentPiece).toBe(await prisma.contentPiece.count());

    expect(dump(target)).toEqual(dump(source));
    withDatabase(target, (db) => {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    });
    // only the database: no temporary file or stale log left beside it
    expect(
      fs.readdirSync(path.dirname(target)).filter((f) => !/^lotse\.db(-wal|-shm)?$/.test(f)),
    ).toEqual([]);
  });

  it('replaces an existing database and drops its stale write-ahead log', async () => {
    const target = path.join(tmp, 'replace', 'lotse.db');
    fs.mkdirSync(path.dirname(target));
    fs.copyFileSync(copy, target);
    // a crash leaves the old database's log behind: keep one and put it back afterwards
    const staleLog = path.join(tmp, 'stale.wal');
    withDatabase(target, (db) => {
      db.pragma('journal_mode = WAL');
      db.pragma('wal_autocheckpoint = 0');
      db.prepare("UPDATE ContentPiece SET title = 'only in the old log'").run();
      fs.copyFileSync(`${target}-wal`, staleLog);
    });
    fs.copyFileSync(staleLog, `${target}-wal`);

    const result = await cli(['restore', quiet], { DATABASE_URL: `file:${target}` });
    expect(result.status).toBe(0);
    expect(dump(target)).toEqual(dump(quiet));
  });

  it('does not overwrite an existing file unless told to', async () => {
    const before = folderState(tmp);
    const refused = await cli(['backup', '--out', copy]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/exists already/);
    expect(folderState(tmp)).toEqual(before);
    const forced = await cli(['backup', '--out', copy, '--force']);
    expect(forced.status).toBe(0);
    expect(dump(copy)).toEqual(dump(source));
  });
});

describe.skipIf(postgres)('restore refuses', () => {
  const dir = path.join(tmp, 'target');
  const target = path.join(dir, 'lotse.db');
  const env = { DATABASE_URL: `file:${target}` };
  const bad = path.join(tmp, 'bad');

  beforeAll(async () => {
    fs.mkdirSync(bad);
    expect((await cli(['restore', path.join(tmp, 'quiet.db')], env)).status).toBe(0);
  });

  async function expectRefused(file: string, reason: RegExp) {
    const before = folderState(dir);
    const result = await cli(['restore', file], env);
    expect(result.stderr).toMatch(reason);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(folderState(dir)).toEqual(before);
  }

  it('a file that is not a SQLite database', async () => {
    const file = path.join(bad, 'notes.txt');
    fs.writeFileSync(file, 'just some notes\n');
    await expectRefused(file, /is not a SQLite database/);
    await expectRefused(path.join(bad, 'missing.db'), /there is no file/);
  });

  it("another program's SQLite database", async () => {
    const file = path.join(bad, 'foreign.db');
    withDatabase(file, (db) => db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)'));
    await expectRefused(file, /is not a Lotse database/);
  });

  it('a corrupt copy', async () => {
    const file = path.join(bad, 'corrupt.db');
    fs.copyFileSync(path.join(tmp, 'quiet.db'), file);
    const pageSize = 4096;
    const fd = fs.openSync(file, 'r+');
    // scribble over a few pages in the middle of the file
    fs.writeSync(fd, Buffer.alloc(3 * pageSize, 0xa5), 0, 3 * pageSize, 20 * pageSize);
    fs.closeSync(fd);
    await expectRefused(file, /is corrupt/);

    const truncated = path.join(bad, 'truncated.db');
    fs.writeFileSync(truncated, fs.readFileSync(path.join(tmp, 'quiet.db')).subarray(0, 30_000));
    await expectRefused(truncated, /is corrupt/);
  });

  it('a copy whose references point nowhere', async () => {
    const file = path.join(bad, 'dangling.db');
    fs.copyFileSync(path.join(tmp, 'quiet.db'), file);
    withDatabase(file, (db) => {
      db.pragma('foreign_keys = OFF');
      db.prepare("UPDATE ContentComment SET authorId = 'gone'").run();
    });
    await expectRefused(file, /references point nowhere/);
  });

  it('a copy from a newer version of Lotse', async () => {
    const file = path.join(bad, 'newer.db');
    fs.copyFileSync(path.join(tmp, 'quiet.db'), file);
    withDatabase(file, (db) =>
      db
        .prepare(
          `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ('future', 'x', '29991231000000_future', 0, 0, 1)`,
        )
        .run(),
    );
    await expectRefused(file, /newer version of Lotse.*29991231000000_future/);
  });

  it('a database that is not SQLite', () => {
    expect(() => databaseFile('postgresql://lotse@localhost/lotse')).toThrow(/pg_dump/);
    expect(() => databaseFile('mysql://lotse@localhost/lotse')).toThrow(/SQLite "file:" URL/);
  });
});

describe.skipIf(!postgres)('on PostgreSQL', () => {
  it('backup points to pg_dump', async () => {
    const result = await cli(['backup', '--out', path.join(tmp, 'never.db')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('pg_dump');
  });
});
