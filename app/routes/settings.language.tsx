import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { isLocale } from '~/i18n';
import { setUserLocale } from '~/models/user.server';
import { localeCookie } from '~/utils/i18n.server';
import { safeRedirect } from '~/utils/redirect';
import { getSessionUser } from '~/utils/session.server';

/** Switches the interface language: saved on the user (it follows them), and in a cookie. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const locale = form.get('locale');
  if (!isLocale(locale)) throw new Response('Unsupported language', { status: 400 });
  const user = await getSessionUser(request);
  if (user) await setUserLocale({ userId: user.id, locale });
  return redirect(safeRedirect(form.get('redirectTo')), {
    headers: { 'Set-Cookie': await localeCookie.serialize(locale) },
  });
}

export async function loader() {
  throw redirect('/');
}
