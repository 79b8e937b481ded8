// How values and errors cross between Prisma's query engine and better-sqlite3, for Lotse's
// SQLite adapter (sqlite-adapter.server.ts): the arguments Prisma sends, the column types and
// row values it expects back, and SQLite's error codes as Prisma's driver adapter errors.
import {
  ColumnTypeEnum,
  DriverAdapterError,
  type ArgType,
  type ColumnType,
  type Error as DriverError,
  type SqlQuery,
} from '@prisma/driver-adapter-utils';

/** The `code` of a driver error ("SQLITE_BUSY", "SQLITE_CONSTRAINT_UNIQUE", …). */
export function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A query's arguments as better-sqlite3 binds them. */
export function toSqliteArgs(query: SqlQuery): unknown[] {
  const { args, argTypes } = query;
  const out = new Array<unknown>(args.length);
  for (let i = 0; i < args.length; i++) out[i] = toSqlite(args[i], argTypes[i]);
  return out;
}

/** One query argument as better-sqlite3 binds it. */
function toSqlite(value: unknown, type: ArgType | undefined): unknown {
  if (value === null || value === undefined) return null;
  const scalar = type?.scalarType;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') {
    switch (scalar) {
      case 'int':
        return Number.parseInt(value, 10);
      case 'float':
      case 'decimal':
        return Number.parseFloat(value);
      case 'bigint':
        return BigInt(value);
      case 'datetime':
        return isoTimestamp(new Date(value));
      case 'bytes':
        return Buffer.from(value, 'base64');
      default:
        return value;
    }
  }
  if (value instanceof Date) return isoTimestamp(value);
  if (Array.isArray(value) && scalar === 'bytes') return Buffer.from(value as number[]);
  return value;
}

/** Prisma's SQLite timestamp text: ISO 8601 with an explicit "+00:00" offset. */
function isoTimestamp(date: Date): string {
  return date.toISOString().replace('Z', '+00:00');
}

/** The column type Prisma reads a declared SQLite type as; null when it does not say. */
function declaredColumnType(declared: string | null): ColumnType | null {
  if (!declared) return null;
  switch (declared.toUpperCase()) {
    case 'DECIMAL':
      return ColumnTypeEnum.Numeric;
    case 'FLOAT':
      return ColumnTypeEnum.Float;
    case 'REAL':
    case 'DOUBLE':
    case 'DOUBLE PRECISION':
    case 'NUMERIC':
      return ColumnTypeEnum.Double;
    case 'INT':
    case 'INT2':
    case 'INTEGER':
    case 'TINYINT':
    case 'SMALLINT':
    case 'MEDIUMINT':
    case 'SERIAL':
      return ColumnTypeEnum.Int32;
    case 'BIGINT':
    case 'INT8':
    case 'UNSIGNED BIG INT':
      return ColumnTypeEnum.Int64;
    case 'DATETIME':
    case 'TIMESTAMP':
      return ColumnTypeEnum.DateTime;
    case 'DATE':
      return ColumnTypeEnum.Date;
    case 'TIME':
      return ColumnTypeEnum.Time;
    case 'TEXT':
    case 'CLOB':
    case 'CHARACTER':
    case 'VARCHAR':
    case 'VARYING CHARACTER':
    case 'NCHAR':
    case 'NATIVE CHARACTER':
    case 'NVARCHAR':
      return ColumnTypeEnum.Text;
    case 'BLOB':
      return ColumnTypeEnum.Bytes;
    case 'BOOLEAN':
      return ColumnTypeEnum.Boolean;
    case 'JSONB':
      return ColumnTypeEnum.Json;
    default:
      return null;
  }
}

/** A column without a declared type (an expression) is typed by its first non-null value. */
function valueColumnType(value: unknown): ColumnType {
  switch (typeof value) {
    case 'string':
      return ColumnTypeEnum.Text;
    case 'bigint':
      return ColumnTypeEnum.Int64;
    case 'boolean':
      return ColumnTypeEnum.Boolean;
    case 'number':
      return ColumnTypeEnum.UnknownNumber;
    default:
      if (value instanceof Uint8Array || value instanceof ArrayBuffer) return ColumnTypeEnum.Bytes;
      throw new TypeError(`SQLite returned a value Prisma cannot take: ${String(value)}`);
  }
}

export function columnTypesOf(declared: (string | null)[], rows: unknown[][]): ColumnType[] {
  return declared.map((type, column) => {
    const known = declaredColumnType(type);
    if (known !== null) return known;
    for (const row of rows) {
      if (row[column] !== null) return valueColumnType(row[column]);
    }
    // nothing to go by: Prisma reads a column of only nulls as any type
    return ColumnTypeEnum.Int32;
  });
}

/** One row as Prisma takes it: blobs as byte arrays, integers as text, timestamps as ISO text. */
export function fromSqlite(row: unknown[], types: ColumnType[]): unknown[] {
  const out = new Array<unknown>(row.length);
  for (let i = 0; i < row.length; i++) {
    const value = row[i];
    const type = types[i];
    if (value instanceof Uint8Array) out[i] = Array.from(value);
    else if (value instanceof ArrayBuffer) out[i] = Array.from(new Uint8Array(value));
    else if (
      (typeof value === 'number' || typeof value === 'bigint') &&
      type === ColumnTypeEnum.DateTime
    ) {
      // milliseconds since 1970, as Prisma writes timestamps in "unixepoch-ms" format
      out[i] = new Date(Number(value)).toISOString();
    } else if (typeof value === 'bigint') out[i] = value.toString();
    else if (
      typeof value === 'number' &&
      (type === ColumnTypeEnum.Int32 || type === ColumnTypeEnum.Int64) &&
      !Number.isInteger(value)
    ) {
      out[i] = Math.trunc(value);
    } else out[i] = value;
  }
  return out;
}

/** The constrained columns in "UNIQUE constraint failed: Table.a, Table.b". */
function constrainedFields(message: string): { fields: string[] } | undefined {
  const list = message.split('constraint failed: ')[1];
  if (list === undefined) return undefined;
  return { fields: list.split(', ').map((f) => f.slice(f.lastIndexOf('.') + 1)) };
}

function describe(error: Error & { code: string }): DriverError | undefined {
  const { code, message } = error;
  const base = { originalCode: code, originalMessage: message };
  switch (code) {
    case 'SQLITE_BUSY':
    case 'SQLITE_BUSY_RECOVERY':
    case 'SQLITE_BUSY_SNAPSHOT':
    case 'SQLITE_BUSY_TIMEOUT':
      return { ...base, kind: 'SocketTimeout' };
    case 'SQLITE_CONSTRAINT_UNIQUE':
    case 'SQLITE_CONSTRAINT_PRIMARYKEY':
      return { ...base, kind: 'UniqueConstraintViolation', constraint: constrainedFields(message) };
    case 'SQLITE_CONSTRAINT_NOTNULL':
      return { ...base, kind: 'NullConstraintViolation', constraint: constrainedFields(message) };
    case 'SQLITE_CONSTRAINT_FOREIGNKEY':
    case 'SQLITE_CONSTRAINT_TRIGGER':
      return { ...base, kind: 'ForeignKeyConstraintViolation', constraint: { foreignKey: {} } };
  }
  if (message.startsWith('no such table')) {
    return { ...base, kind: 'TableDoesNotExist', table: message.split(': ')[1] };
  }
  if (message.startsWith('no such column')) {
    return { ...base, kind: 'ColumnNotFound', column: message.split(': ')[1] };
  }
  if (message.includes('has no column named ')) {
    return { ...base, kind: 'ColumnNotFound', column: message.split('has no column named ')[1] };
  }
  return undefined;
}

/**
 * Prisma's form of a database error. Errors Prisma has no kind for stay SQLite's own (their
 * `code` says what happened), as do errors that are not the database's.
 */
export function toDriverError(error: unknown): unknown {
  if (error instanceof DriverAdapterError) return error;
  const code = codeOf(error);
  if (error instanceof Error && code !== undefined) {
    const described = describe(error as Error & { code: string });
    if (described) return new DriverAdapterError(described);
  }
  return error;
}
