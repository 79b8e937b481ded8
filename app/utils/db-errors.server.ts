import { Prisma } from '~/generated/prisma/client';

/**
 * What the database refused, told apart so models can answer with a problem instead of a crash.
 * Both SQLite and PostgreSQL (through their driver adapters) report constraint failures with
 * Prisma's codes.
 */

/** A unique constraint refused a write (a name taken, a second idea for one match, …). */
export function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/** A foreign key refused a write: a referenced row does not exist (any more). */
export function isForeignKeyViolation(error: unknown) {
  return (
    error instanceof Prisma.PrismaClientKnownRequestError &&
    (error.code === 'P2003' || error.code === 'P2025')
  );
}
