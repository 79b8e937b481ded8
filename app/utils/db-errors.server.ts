import { Prisma } from '~/generated/prisma/client';

/**
 * What the database refused, told apart so models can answer with a problem instead of a crash.
 * Both SQLite and PostgreSQL (through their driver adapters) report constraint failures with
 * Prisma's codes.
 */

/** The constraint kind the driver adapter reported for a failed raw query (P2010), if any. */
function rawQueryFailure(error: Prisma.PrismaClientKnownRequestError): string | undefined {
  const cause = (error.meta as { driverAdapterError?: { cause?: { kind?: unknown } } } | undefined)
    ?.driverAdapterError?.cause;
  return typeof cause?.kind === 'string' ? cause.kind : undefined;
}

/** A unique constraint refused a write (a name taken, a second idea for one match, …). */
export function isUniqueViolation(error: unknown) {
  return (
    error instanceof Prisma.PrismaClientKnownRequestError &&
    (error.code === 'P2002' ||
      (error.code === 'P2010' && rawQueryFailure(error) === 'UniqueConstraintViolation'))
  );
}

/** A foreign key refused a write: a referenced row does not exist (any more). */
export function isForeignKeyViolation(error: unknown) {
  return (
    error instanceof Prisma.PrismaClientKnownRequestError &&
    (error.code === 'P2003' || error.code === 'P2025')
  );
}
