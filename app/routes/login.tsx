import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { pageTitle } from '~/utils/meta';
import { z } from 'zod';
import { rememberLoginAddress, reserveLoginAttempt } from '~/models/login-throttle.server';
import { normalizeEmail, verifyLogin } from '~/models/user.server';
import { clientAddress } from '~/utils/request.server';
import { createSession, getSessionUser } from '~/utils/session.server';
import { getEnv } from '~/utils/env.server';
import { mailConfigured } from '~/utils/mail.server';
import { safeRedirect } from '~/utils/redirect';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'login.title');

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  if (user) {
    const redirectTo = new URL(request.url).searchParams.get('redirectTo');
    throw redirect(safeRedirect(redirectTo));
  }
  const reset = new URL(request.url).searchParams.get('reset');
  return json({
    demo: getEnv().LOTSE_DEMO === 'on',
    // "forgot password" only where a link can be mailed
    forgotPassword: mailConfigured(),
    passwordReset: reset === 'done',
  });
}

const LoginSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
  redirectTo: z.string().max(2048).optional(),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const form = Object.fromEntries(await request.formData());
  const parsed = LoginSchema.safeParse(form);
  // one message for every failure: it never says which part was wrong
  if (!parsed.success) return json({ error: 'login.failed' as const }, { status: 400 });
  const { password, redirectTo } = parsed.data;
  const email = normalizeEmail(parsed.data.email);
  const address = clientAddress(request, context);

  // the slot is reserved before the password is checked, so parallel guesses cannot overrun it
  const attempt = await reserveLoginAttempt(email, address);
  if (!attempt.ok) {
    return json(
      { error: 'login.throttled' as const },
      { status: 429, headers: { 'Retry-After': String(attempt.retryAfterSeconds) } },
    );
  }
  const userId = await verifyLogin({ email, password });
  if (!userId) {
    await attempt.failed();
    return json({ error: 'login.failed' as const }, { status: 401 });
  }
  await attempt.succeeded();
  await rememberLoginAddress(userId, address);
  const cookie = await createSession(userId, request);
  return redirect(safeRedirect(redirectTo), { headers: { 'Set-Cookie': cookie } });
}

export default function LoginPage() {
  const { t } = useTranslation();
  const { demo, forgotPassword, passwordReset } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const submitting = navigation.state !== 'idle' && navigation.formAction?.startsWith('/login');
  const error = actionData && 'error' in actionData ? actionData.error : null;
  return (
    <section className="login card" aria-labelledby="login-title">
      <h1 id="login-title">{t('login.title')}</h1>
      <p className="intro">{t('app.tagline')}</p>
      {passwordReset ? (
        <p className="notice" role="status">
          {t('passwordReset.done')}
        </p>
      ) : null}
      <Form method="post" className="stack" replace>
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        {error ? (
          <p className="form-error" role="alert" id="login-error">
            {t(error)}
          </p>
        ) : null}
        <div className="field">
          <label htmlFor="email">{t('login.email')}</label>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            required
            autoFocus
            aria-describedby={error ? 'login-error' : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor="password">{t('login.password')}</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
          />
        </div>
        <button type="submit" disabled={submitting}>
          {submitting ? t('login.submitting') : t('login.submit')}
        </button>
      </Form>
      {forgotPassword ? (
        <p>
          <Link to="/forgot-password">{t('passwordReset.forgotLink')}</Link>
        </p>
      ) : null}
      {demo ? <p className="hint">{t('login.demoHint')}</p> : null}
    </section>
  );
}
