import { redirect } from '@remix-run/node';
import { can, type Action } from '~/domain/permissions';
import { getSessionUser, type SessionUser } from './session.server';

/** The page where a user signed in with a one-time password chooses their own. */
export const PASSWORD_CHANGE_PATH = '/account/password';

function backTo(request: Request, to: string): string {
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  return back === '/' ? to : `${to}?${new URLSearchParams({ redirectTo: back })}`;
}

/**
 * The signed-in user, or a redirect to the login page that comes back here afterwards.
 * A user who signed in with a one-time password is sent to the password change first, from
 * every page (all of them pass here); only that page lets them through (`passwordChange`).
 */
export async function requireUser(
  request: Request,
  { passwordChange = false }: { passwordChange?: boolean } = {},
): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (!user) throw redirect(backTo(request, '/login'));
  if (user.mustChangePassword && !passwordChange) {
    throw redirect(backTo(request, PASSWORD_CHANGE_PATH));
  }
  return user;
}

/** The signed-in user when one of their roles grants the action; a 403 response otherwise. */
export async function requirePermission(request: Request, action: Action): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!can(user.roles, action)) {
    throw new Response('Forbidden', { status: 403, statusText: 'Forbidden' });
  }
  return user;
}

export { can };
