import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { destroySession, getSessionUser } from '~/utils/session.server';

// Logging out changes state, so it happens on POST only; a GET shows a confirmation.
export async function loader({ request }: LoaderFunctionArgs) {
  if (!(await getSessionUser(request))) throw redirect('/login');
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  return redirect('/login', { headers: { 'Set-Cookie': await destroySession(request) } });
}

export default function LogoutPage() {
  const { t } = useTranslation();
  return (
    <section className="card login" aria-labelledby="logout-title">
      <h1 id="logout-title">{t('logout.title')}</h1>
      <p>{t('logout.confirm')}</p>
      <Form method="post">
        <button type="submit">{t('logout.submit')}</button>
      </Form>
    </section>
  );
}
