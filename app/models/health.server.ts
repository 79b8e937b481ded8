import { prisma } from '~/utils/db.server';

/** Whether the database answers a trivial query (the health check). */
export async function databaseAnswers(): Promise<boolean> {
  try {
    await prisma.$queryRawUnsafe('SELECT 1');
    return true;
  } catch {
    return false;
  }
}
