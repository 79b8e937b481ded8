// Lotse's SQLite driver adapter for Prisma (engine type "client"), on better-sqlite3.
//
// Why Lotse has its own: an adapter with a single connection runs every request's plain queries
// on the connection that may be inside another request's interactive transaction, so they read
// its uncommitted rows and their writes are rolled back with it. This one keeps them apart:
//
// - Plain reads (SELECT, WITH … SELECT) use a connection of their own and so see the last
//   committed state, never a transaction that is still open. The server runs the file in WAL
//   mode (set at every start, see seeds/main.ts), where these reads never wait for a writer; in
//   the rollback-journal mode they are just as isolated, and wait (asynchronously, see below)
//   while a COMMIT writes the file.
// - Transactions and plain writes share the write connection, one at a time (an async lock):
//   a plain write waits until an open transaction has ended and is then committed on its own.
// - Transactions start with BEGIN IMMEDIATE: they hold the database's write lock from their
//   first statement, so a transaction that reads before it writes cannot fail half-way because
//   another process wrote in between.
// - When another process holds the write lock, the adapter waits for it without blocking the
//   event loop (SQLite's own busy handler would sleep inside the synchronous driver call): it
//   retries with growing pauses until the lock timeout, then fails with a clear error.
// - A COMMIT that fails is rolled back, and the lock is released on every path.
// - Prepared statements are kept, per connection, in a small least-recently-used cache.
//
// Values and errors are converted the way Prisma's query engine expects them from a SQLite
// adapter (sqlite-conversion.server.ts).
import fs from 'node:fs';
import Database from 'better-sqlite3';
import {
  DriverAdapterError,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
  type TransactionOptions,
} from '@prisma/driver-adapter-utils';
import {
  codeOf,
  columnTypesOf,
  fromSqlite,
  toDriverError,
  toSqliteArgs,
} from './sqlite-conversion.server';

const ADAPTER_NAME = 'lotse-sqlite';

export type SqliteAdapterOptions = {
  /** the database file (a path, or ":memory:") */
  file: string;
  /** how long a write waits for a lock another process holds before it fails, in ms (5000) */
  lockTimeoutMs?: number;
  /** prepared statements kept per connection (200) */
  statementCacheSize?: number;
};

/** What the adapter has done, for tests and benchmarks. */
export type SqliteAdapterStats = {
  /** statements compiled by SQLite */
  prepared: number;
  /** statements taken from the cache instead */
  reused: number;
  /** plain queries answered by the read connection */
  reads: number;
  /** plain queries that went to the write connection */
  writes: number;
  /** transactions begun */
  transactions: number;
  /** pauses spent waiting for a lock another process held */
  lockWaits: number;
};

const newStats = (): SqliteAdapterStats => ({
  prepared: 0,
  reused: 0,
  reads: 0,
  writes: 0,
  transactions: 0,
  lockWaits: 0,
});

// ---------------------------------------------------------------------------------------------
// Waiting

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A first-come, first-served lock for async work; `acquire` resolves to its release. `pauseFor`
 * says, when the lock is handed to the next in line, how long to keep it (and so the database's
 * write lock) free first: 0 for no pause.
 */
class AsyncLock {
  #held = false;
  #queue: (() => void)[] = [];
  #releasedAt = 0;
  readonly #pauseFor: () => number;

  constructor(pauseFor: () => number = () => 0) {
    this.#pauseFor = pauseFor;
  }

  acquire(): Promise<() => void> {
    if (!this.#held) {
      this.#held = true;
      // taken again right after it was released: the same pause as a hand-over
      const pause = this.#pauseFor() - (Date.now() - this.#releasedAt);
      if (pause > 0)
        return new Promise((resolve) => setTimeout(() => resolve(this.#releaser()), pause));
      return Promise.resolve(this.#releaser());
    }
    return new Promise((resolve) => this.#queue.push(() => resolve(this.#releaser())));
  }

  get held() {
    return this.#held;
  }

  #releaser() {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#queue.shift();
      if (!next) {
        this.#held = false;
        this.#releasedAt = Date.now();
        return;
      }
      // handed over directly, so nobody in this process can overtake the queue in between; a
      // pause leaves the database's write lock to another process that is waiting for it
      const pause = this.#pauseFor();
      if (pause > 0) setTimeout(next, pause);
      else next();
    };
  }
}

/** The longest pause between two attempts at a lock another process holds. */
const MAX_RETRY_PAUSE_MS = 8;
/** How long a process handing the write lock on leaves it free for a waiting process. */
const TURN_PAUSE_MS = 2 * MAX_RETRY_PAUSE_MS;
/** A waiting process's mark counts this long. */
const WAITING_FRESH_MS = 50;
const MARK_EVERY_MS = 10;

const BUSY_CODES = new Set([
  'SQLITE_BUSY',
  'SQLITE_BUSY_RECOVERY',
  'SQLITE_BUSY_SNAPSHOT',
  'SQLITE_BUSY_TIMEOUT',
]);

const isBusy = (error: unknown) => BUSY_CODES.has(codeOf(error) ?? '');

/** The error for a lock that stayed taken longer than the timeout. */
class LockTimeoutError extends Error {
  readonly code = 'SQLITE_BUSY';
  constructor(timeoutMs: number) {
    super(`database is locked: another process held the write lock for more than ${timeoutMs} ms`);
  }
}

// ---------------------------------------------------------------------------------------------
// Connections and their statements

type Statement = Database.Statement<unknown[], unknown>;

/** One better-sqlite3 connection with its cache of prepared statements. */
class Connection {
  readonly db: Database.Database;
  readonly #cache = new Map<string, Statement>();
  readonly #capacity: number;
  readonly #stats: SqliteAdapterStats;

  constructor(file: string, capacity: number, stats: SqliteAdapterStats) {
    // waiting for another process's lock happens in the adapter, asynchronously
    this.db = new Database(file, { timeout: 0 });
    // integers arrive as BigInt, so that large ones keep every digit
    this.db.defaultSafeIntegers(true);
    this.#capacity = Math.max(1, capacity);
    this.#stats = stats;
  }

  statement(sql: string): Statement {
    const cached = this.#cache.get(sql);
    if (cached) {
      // most recently used last: the first key is the one to evict
      this.#cache.delete(sql);
      this.#cache.set(sql, cached);
      this.#stats.reused++;
      return cached;
    }
    const statement = this.db.prepare(sql) as Statement;
    // rows as arrays, in column order, as Prisma takes them
    if (statement.reader) statement.raw(true);
    this.#stats.prepared++;
    this.#cache.set(sql, statement);
    if (this.#cache.size > this.#capacity) {
      this.#cache.delete(this.#cache.keys().next().value as string);
    }
    return statement;
  }

  query(query: SqlQuery, statement = this.statement(query.sql)): SqlResultSet {
    const args = toSqliteArgs(query);
    if (!statement.reader) {
      statement.run(args);
      return { columnNames: [], columnTypes: [], rows: [] };
    }
    const columns = statement.columns();
    const rows = statement.all(args) as unknown[][];
    const columnTypes = columnTypesOf(
      columns.map((c) => c.type),
      rows,
    );
    return {
      columnNames: columns.map((c) => c.name),
      columnTypes,
      rows: rows.map((row) => fromSqlite(row, columnTypes)),
    };
  }

  execute(query: SqlQuery, statement = this.statement(query.sql)): number {
    return statement.run(toSqliteArgs(query)).changes;
  }

  close() {
    this.#cache.clear();
    if (this.db.open) this.db.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Which connection a plain query needs

const LEADING_NOISE = /^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*/;

function firstKeyword(sql: string): string {
  const start = LEADING_NOISE.exec(sql)?.[0].length ?? 0;
  return (/^[A-Za-z]+/.exec(sql.slice(start))?.[0] ?? '').toUpperCase();
}

// ---------------------------------------------------------------------------------------------
// Errors

/** `work`'s result as a promise; a database error as Prisma's form of it. */
function converted<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(toDriverError(error));
  }
}

function closedTransaction(why: string) {
  return new DriverAdapterError({ kind: 'TransactionAlreadyClosed', cause: why });
}

// ---------------------------------------------------------------------------------------------
// The adapter

class SqliteTransaction implements Transaction {
  readonly provider = 'sqlite' as const;
  readonly adapterName = ADAPTER_NAME;
  // the adapter runs COMMIT and ROLLBACK itself, in commit() and rollback()
  readonly options: TransactionOptions = { usePhantomQuery: true };
  #open = true;

  constructor(
    private readonly connection: Connection,
    private readonly release: () => void,
    private readonly waitForLock: <T>(work: () => T) => Promise<T>,
  ) {}

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return converted(() => {
      this.#assertOpen();
      return this.connection.query(query);
    });
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return converted(() => {
      this.#assertOpen();
      return this.connection.execute(query);
    });
  }

  async commit(): Promise<void> {
    if (!this.#open) throw closedTransaction('the transaction has already ended');
    this.#open = false;
    const { db } = this.connection;
    try {
      if (!db.inTransaction) {
        throw closedTransaction('SQLite rolled the transaction back after an error');
      }
      // in WAL mode COMMIT does not wait for readers; without WAL it may, and then stays open
      await this.waitForLock(() => db.exec('COMMIT'));
    } catch (error) {
      // a failed COMMIT (a deferred foreign key, a lock that never came) leaves the
      // transaction open: end it, so that the connection is usable for the next one
      if (db.open && db.inTransaction) {
        try {
          db.exec('ROLLBACK');
        } catch {
          // the original error is the one to report
        }
      }
      throw toDriverError(error);
    } finally {
      this.release();
    }
  }

  async rollback(): Promise<void> {
    if (!this.#open) return;
    this.#open = false;
    const { db } = this.connection;
    try {
      if (db.open && db.inTransaction) db.exec('ROLLBACK');
    } catch (error) {
      throw toDriverError(error);
    } finally {
      this.release();
    }
  }

  #assertOpen() {
    if (!this.#open) throw closedTransaction('the transaction has already ended');
    // SQLite ends a transaction by itself after some errors (a full disk, an I/O error):
    // what follows must not run outside it and commit piecemeal
    if (!this.connection.db.inTransaction) {
      throw closedTransaction('SQLite rolled the transaction back after an error');
    }
  }
}

class SqliteAdapter implements SqlDriverAdapter {
  readonly provider = 'sqlite' as const;
  readonly adapterName = ADAPTER_NAME;
  readonly #writer: Connection;
  /** plain reads; the write connection itself for an in-memory database (it cannot be shared) */
  readonly #reader: Connection;
  readonly #lock = new AsyncLock(() => this.#turnTaking());
  readonly #lockTimeoutMs: number;
  readonly #stats: SqliteAdapterStats;
  /** the file other processes touch while they wait for the write lock (none in memory) */
  readonly #waitingMark: string | undefined;
  #lastMarked = 0;

  constructor(
    writer: Connection,
    reader: Connection,
    lockTimeoutMs: number,
    stats: SqliteAdapterStats,
    waitingMark: string | undefined,
  ) {
    this.#writer = writer;
    this.#reader = reader;
    this.#lockTimeoutMs = lockTimeoutMs;
    this.#stats = stats;
    this.#waitingMark = waitingMark;
  }

  /**
   * Turn-taking between processes. SQLite has no queue for its write lock: a process that keeps
   * handing it from one of its transactions straight to the next would leave another process,
   * retrying now and then, no moment to take it. So a process that waits touches a marker file,
   * and a process handing the lock on pauses briefly while someone waited in the last moments.
   */
  #turnTaking(): number {
    if (!this.#waitingMark) return 0;
    const mark = fs.statSync(this.#waitingMark, { throwIfNoEntry: false });
    return mark && Date.now() - mark.mtimeMs < WAITING_FRESH_MS ? TURN_PAUSE_MS : 0;
  }

  /** Says, at most every few milliseconds, that this process waits for the write lock. */
  #markWaiting() {
    if (!this.#waitingMark) return;
    const now = Date.now();
    if (now - this.#lastMarked < MARK_EVERY_MS) return;
    this.#lastMarked = now;
    try {
      const time = new Date(now);
      fs.utimesSync(this.#waitingMark, time, time);
    } catch {
      try {
        fs.writeFileSync(this.#waitingMark, '');
      } catch {
        // a folder without write access: no turn-taking, waiting still works
      }
    }
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    const read = this.#readStatement(query.sql);
    return read
      ? this.#read(() => this.#reader.query(query, read))
      : this.#write(() => this.#writer.query(query));
  }

  executeRaw(query: SqlQuery): Promise<number> {
    const read = this.#readStatement(query.sql);
    return read
      ? this.#read(() => this.#reader.execute(query, read))
      : this.#write(() => this.#writer.execute(query));
  }

  async executeScript(script: string): Promise<void> {
    const release = await this.#lock.acquire();
    try {
      // not retried: a script that stopped half-way must not run its first half twice
      this.#writer.db.exec(script);
    } catch (error) {
      throw toDriverError(error);
    } finally {
      this.#leaveNoTransactionOpen();
      release();
    }
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    // SQLite's transactions are serializable, and only that
    if (isolationLevel && isolationLevel !== 'SERIALIZABLE') {
      throw new DriverAdapterError({ kind: 'InvalidIsolationLevel', level: isolationLevel });
    }
    const release = await this.#lock.acquire();
    try {
      const { db } = this.#writer;
      await this.#waitForLock(() => db.exec('BEGIN IMMEDIATE'));
      this.#stats.transactions++;
      return new SqliteTransaction(this.#writer, release, (work) => this.#waitForLock(work));
    } catch (error) {
      release();
      throw toDriverError(error);
    }
  }

  getConnectionInfo() {
    return { supportsRelationJoins: false };
  }

  async dispose(): Promise<void> {
    if (this.#reader !== this.#writer) this.#reader.close();
    this.#writer.close();
  }

  /**
   * The read connection's statement for a read-only SELECT (only those may run beside an open
   * transaction); undefined for anything else.
   */
  #readStatement(sql: string): Statement | undefined {
    if (this.#reader === this.#writer) return undefined;
    const keyword = firstKeyword(sql);
    if (keyword !== 'SELECT' && keyword !== 'WITH') return undefined;
    let statement: Statement;
    try {
      statement = this.#reader.statement(sql);
    } catch {
      // SQL that does not compile fails on the write connection, with the usual error
      return undefined;
    }
    // SQLite's own verdict covers what the first word hides (WITH … INSERT … RETURNING)
    return statement.readonly ? statement : undefined;
  }

  #read<T>(work: () => T): Promise<T> {
    this.#stats.reads++;
    return this.#waitForLock(work).catch((error) => Promise.reject(toDriverError(error)));
  }

  async #write<T>(work: () => T): Promise<T> {
    this.#stats.writes++;
    const release = await this.#lock.acquire();
    try {
      return await this.#waitForLock(work);
    } catch (error) {
      throw toDriverError(error);
    } finally {
      this.#leaveNoTransactionOpen();
      release();
    }
  }

  /**
   * Outside the adapter's own transactions the write connection is in none: a raw `BEGIN`, or a
   * script that stopped half-way, would otherwise leave every later plain write uncommitted and
   * the file locked for other processes.
   */
  #leaveNoTransactionOpen() {
    const { db } = this.#writer;
    if (db.open && db.inTransaction) db.exec('ROLLBACK');
  }

  /**
   * Runs `work`, and while another process holds the lock it needs, runs it again after a
   * pause (1 ms, doubling up to MAX_RETRY_PAUSE_MS) until the lock timeout has passed.
   */
  async #waitForLock<T>(work: () => T): Promise<T> {
    let deadline = 0;
    let pause = 1;
    for (;;) {
      try {
        return work();
      } catch (error) {
        if (!isBusy(error)) throw error;
        const now = Date.now();
        if (deadline === 0) deadline = now + this.#lockTimeoutMs;
        if (now >= deadline) throw new LockTimeoutError(this.#lockTimeoutMs);
        this.#stats.lockWaits++;
        this.#markWaiting();
        await sleep(Math.min(pause, deadline - now));
        pause = Math.min(pause * 2, MAX_RETRY_PAUSE_MS);
      }
    }
  }
}

/**
 * The adapter factory for `new PrismaClient({ adapter })`. Each `connect()` opens a write and a
 * read connection to the file (one connection for ":memory:"). The journal mode stays as the
 * file has it: switching to WAL is the server start's decision, and it needs the file to itself.
 */
export class LotseSqlite implements SqlDriverAdapterFactory {
  readonly provider = 'sqlite' as const;
  readonly adapterName = ADAPTER_NAME;
  readonly #file: string;
  readonly #lockTimeoutMs: number;
  readonly #cacheSize: number;
  readonly #stats = newStats();

  constructor(options: SqliteAdapterOptions) {
    this.#file = options.file;
    this.#lockTimeoutMs = options.lockTimeoutMs ?? 5000;
    this.#cacheSize = options.statementCacheSize ?? 200;
  }

  /** What the adapters this factory connected have done so far (a copy). */
  stats(): SqliteAdapterStats {
    return { ...this.#stats };
  }

  async connect(): Promise<SqlDriverAdapter> {
    const inMemory = this.#file === ':memory:' || this.#file === '';
    const writer = new Connection(this.#file, this.#cacheSize, this.#stats);
    let reader = writer;
    try {
      if (!inMemory) {
        reader = new Connection(this.#file, this.#cacheSize, this.#stats);
        // a safety net: the read connection refuses to write
        reader.db.pragma('query_only = ON');
      }
    } catch (error) {
      if (reader !== writer) reader.close();
      writer.close();
      throw toDriverError(error);
    }
    const waitingMark = inMemory ? undefined : `${this.#file}-lotse-waiting`;
    return new SqliteAdapter(writer, reader, this.#lockTimeoutMs, this.#stats, waitingMark);
  }
}
