import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { TextField } from '~/components/field';
import { reservePasswordResetMail } from '~/models/login-throttle.server';
import { RESET_LINK_MINUTES, sendPasswordResetLink } from '~/models/password.server';
import { normalizeEmail } from '~/models/user.server';
import { formDataToObject, parseForm, type FieldErrors } from '~/utils/forms';
import { getLocale } from '~/utils/i18n.server';
import { mailConfigured, publicOrigin } from '~/utils/mail.server';
import { pageTitle } from '~/utils/meta';
import { ForgotPasswordSchema } from '~/forms/password';
import { useValidatedForm } from '~/utils/use-validated-form';
import { clientAddress } from '~/utils/request.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'passwordReset.title');

export async function loader({ request }: LoaderFunctionArgs) {
  return json({
    configured: mailConfigured(),
    sent: new URL(request.url).searchParams.get('sent') === '1',
    minutes: RESET_LINK_MINUTES,
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  if (!mailConfigured()) {
    return json(
      { errors: { _form: { key: 'passwordReset.notConfigured' } } as FieldErrors },
      {
        status: 400,
      },
    );
  }
  const result = parseForm(ForgotPasswordSchema, formDataToObject(await request.formData()));
  if (!result.ok) return json({ errors: result.errors }, { status: 400 });
  const email = normalizeEmail(result.data.email);
  // counted per address and per email, whether or not the account exists: the answer tells
  // nothing about the account
  const reservation = await reservePasswordResetMail(email, clientAddress(request, context));
  if (!reservation.ok) {
    return json(
      { errors: { _form: { key: 'passwordReset.throttled' } } as FieldErrors },
      { status: 429, headers: { 'Retry-After': String(reservation.retryAfterSeconds) } },
    );
  }
  // Not awaited: the answer comes as fast for an unknown address as for a known one, which a
  // mail server's round trips would otherwise give away.
  sendPasswordResetLink({
    email,
    origin: publicOrigin(request),
    fallbackLocale: await getLocale(request),
  }).catch((error: unknown) => {
    console.error('lotse: the password reset mail could not be sent:', error);
  });
  return redirect('/forgot-password?sent=1');
}

export default function ForgotPassword() {
  const { configured, sent, minutes } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const busy = navigation.state === 'submitting';
  const validation = useValidatedForm({ schema: ForgotPasswordSchema });
  const errors = validation.errorsWith(data?.errors);
  return (
    <section className="card login" aria-labelledby="forgot-title">
      <h1 id="forgot-title">{t('passwordReset.title')}</h1>
      {!configured ? (
        <p className="notice" role="status">
          {t('passwordReset.notConfigured')}
        </p>
      ) : sent && !data ? (
        <p className="notice" role="status">
          {t('passwordReset.sent', { minutes })}
        </p>
      ) : (
        <>
          <p>{t('passwordReset.intro')}</p>
          {errors?._form ? (
            <p className="form-error" role="alert">
              {t(errors._form.key)}
            </p>
          ) : null}
          <Form method="post" className="stack" {...validation.formProps()}>
            <TextField
              name="email"
              type="email"
              label={t('login.email')}
              errors={errors}
              autoComplete="username"
              required
            />
            <button type="submit" disabled={busy}>
              {t('passwordReset.submit')}
            </button>
          </Form>
        </>
      )}
      <p>
        <Link to="/login">{t('passwordReset.backToLogin')}</Link>
      </p>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/components/error-boundary';
