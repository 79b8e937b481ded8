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
import { NewPasswordFields } from '~/components/new-password-fields';
import { findPasswordReset, resetPasswordWithToken } from '~/models/password.server';
import { formDataToObject, parseForm, type FieldErrors } from '~/utils/forms';
import { pageTitle } from '~/utils/meta';
import { MIN_PASSWORD_LENGTH } from '~/utils/password.server';
import { ResetPasswordSchema } from '~/forms/password';
import { passwordFieldError } from '~/utils/password-validation.server';
import { useValidatedForm } from '~/utils/use-validated-form';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'passwordReset.newTitle');

// The page a reset link opens (/reset-password?token=…). The token is a 256-bit secret; only its
// hash is stored, and the page loads nothing from elsewhere that could see it in a Referer.
export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get('token') ?? '';
  return json({
    valid: Boolean(token && (await findPasswordReset(token))),
    minPasswordLength: MIN_PASSWORD_LENGTH,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const result = parseForm(ResetPasswordSchema, formDataToObject(await request.formData()));
  if (!result.ok) return json({ errors: result.errors }, { status: 400 });
  const outcome = await resetPasswordWithToken({
    token: result.data.token,
    password: result.data.newPassword,
  });
  if (!outcome.ok) {
    const errors: FieldErrors =
      outcome.problem === 'invalidLink'
        ? { _form: { key: 'passwordReset.invalidLink' } }
        : passwordFieldError('newPassword', outcome.problem);
    return json({ errors }, { status: 400 });
  }
  return redirect('/login?reset=done');
}

export default function ResetPassword() {
  const { valid, minPasswordLength } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const busy = navigation.state === 'submitting';
  const validation = useValidatedForm({ schema: ResetPasswordSchema });
  const errors = validation.errorsWith(data?.errors);
  return (
    <section className="card login" aria-labelledby="reset-title">
      <h1 id="reset-title">{t('passwordReset.newTitle')}</h1>
      {!valid || errors?._form ? (
        <>
          <p className="form-error" role="alert">
            {t('passwordReset.invalidLink')}
          </p>
          <p>
            <Link to="/forgot-password">{t('passwordReset.again')}</Link>
          </p>
        </>
      ) : (
        <Form method="post" className="stack" {...validation.formProps()}>
          <input type="hidden" name="token" value={searchParams.get('token') ?? ''} />
          <NewPasswordFields errors={errors} minLength={minPasswordLength} />
          <button type="submit" disabled={busy}>
            {t('passwordReset.save')}
          </button>
        </Form>
      )}
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/components/error-boundary';
