import { json } from '@remix-run/node';
import { prisma } from '~/utils/db.server';

/** 200 when the app serves and its database answers; 503 otherwise. */
export async function loader() {
  try {
    await prisma.$queryRawUnsafe('SELECT 1');
    return json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
  } catch {
    return json(
      { status: 'database unavailable' },
      { status: 503, headers: { 'Cache-Control': 'no-store' } },
    );
  }
}
