import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import {
  Form,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { TextField } from '~/components/field';
import { NewPasswordFields } from '~/components/new-password-fields';
import { reserveLoginAttempt } from '~/models/login-throttle.server';
import { changeOwnPassword } from '~/models/password.server';
import { requireUser } from '~/utils/auth.server';
import { formDataToObject, parseForm, type FieldErrors } from '~/utils/forms';
import { pageTitle } from '~/utils/meta';
import { MIN_PASSWORD_LENGTH } from '~/utils/password.server';
import { ChangePasswordSchema } from '~/forms/password';
import { passwordFieldError } from '~/utils/password-validation.server';
import { useValidatedForm } from '~/utils/use-validated-form';
import { safeRedirect } from '~/utils/redirect';
import { clientAddress } from '~/utils/request.server';
import { currentSessionId } from '~/utils/session.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'account.password.title');

// The one page a user with a one-time password may open (besides logging out): requireUser
// sends them here from every other page until they have chosen their own password.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { passwordChange: true });
  return json({
    mustChange: user.mustChangePassword,
    minPasswordLength: MIN_PASSWORD_LENGTH,
    changed: new URL(request.url).searchParams.get('changed') === '1',
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, { passwordChange: true });
  const result = parseForm(ChangePasswordSchema, formDataToObject(await request.formData()));
  if (!result.ok) return json({ errors: result.errors }, { status: 400 });
  const { currentPassword, newPassword, redirectTo } = result.data;
  // checking the current password is a password check like a login: the same throttle, so a
  // borrowed session cannot be used to guess it
  const attempt = await reserveLoginAttempt(user.email, clientAddress(request, context));
  if (!attempt.ok) {
    return json(
      { errors: { _form: { key: 'login.throttled' } } as FieldErrors },
      { status: 429, headers: { 'Retry-After': String(attempt.retryAfterSeconds) } },
    );
  }
  const outcome = await changeOwnPassword({
    userId: user.id,
    currentPassword,
    newPassword,
    keepSessionId: await currentSessionId(request),
  });
  if (!outcome.ok) {
    const { problem } = outcome;
    if (problem === 'wrongPassword') {
      await attempt.failed();
      return json(
        { errors: { currentPassword: { key: 'account.password.wrongCurrent' } } as FieldErrors },
        { status: 400 },
      );
    }
    // the current password was right: the check gives its slot back
    await attempt.succeeded();
    const errors: FieldErrors =
      problem === 'unchanged'
        ? { newPassword: { key: 'account.password.unchanged' } }
        : passwordFieldError('newPassword', problem);
    return json({ errors }, { status: 400 });
  }
  await attempt.succeeded();
  // after a one-time password: on to where the user was going
  if (user.mustChangePassword) return redirect(safeRedirect(redirectTo));
  return redirect('/account/password?changed=1');
}

export default function ChangePassword() {
  const { mustChange, minPasswordLength, changed } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const busy = navigation.state === 'submitting';
  const validation = useValidatedForm({ schema: ChangePasswordSchema });
  const errors = validation.errorsWith(data?.errors);
  const [searchParams] = useSearchParams();
  return (
    <section className="card login" aria-labelledby="password-title">
      <h1 id="password-title">{t('account.password.title')}</h1>
      {mustChange ? (
        <p className="notice" role="status">
          {t('account.password.mustChange')}
        </p>
      ) : null}
      {changed && !data ? (
        <p className="notice" role="status">
          {t('account.password.changed')}
        </p>
      ) : null}
      {errors?._form ? (
        <p className="form-error" role="alert">
          {t(errors._form.key)}
        </p>
      ) : null}
      <Form method="post" className="stack" {...validation.formProps()}>
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <TextField
          name="currentPassword"
          type="password"
          label={mustChange ? t('account.password.oneTime') : t('account.password.current')}
          errors={errors}
          autoComplete="current-password"
          required
        />
        <NewPasswordFields errors={errors} minLength={minPasswordLength} />
        <button type="submit" disabled={busy}>
          {busy ? t('users.saving') : t('account.password.submit')}
        </button>
      </Form>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/components/error-boundary';
