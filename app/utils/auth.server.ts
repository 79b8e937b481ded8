import { redirect } from '@remix-run/node';
import { can, type Action } from '~/domain/permissions';
import { getSessionUser, type SessionUser } from './session.server';

/** The signed-in user, or a redirect to the login page that comes back here afterwards. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (user) return user;
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  const params = back === '/' ? '' : `?${new URLSearchParams({ redirectTo: back })}`;
  throw redirect(`/login${params}`);
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
