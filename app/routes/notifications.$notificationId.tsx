import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { markNotificationRead } from '~/models/notification-inbox.server';
import { requireUser } from '~/utils/auth.server';
import { invariantResponse } from '~/utils/misc';

/**
 * Opens a notification: marks it read and goes on to its item. The list (and a mail) link here,
 * so following a notification is a plain link that works in a new tab and before logging in (the
 * login comes back here). Only the recipient's own notifications open; others are not found.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const outcome = await markNotificationRead({
    userId: user.id,
    id: (params.notificationId ?? '').slice(0, 40),
  });
  invariantResponse(outcome.ok, 'Not found', { status: 404 });
  return redirect(outcome.link ?? '/notifications');
}
