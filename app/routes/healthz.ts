import { json } from '@remix-run/node';
import { databaseAnswers } from '~/models/health.server';

/** 200 when the app serves and its database answers; 503 otherwise. */
export async function loader() {
  if (await databaseAnswers()) {
    return json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
  }
  return json(
    { status: 'database unavailable' },
    { status: 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
