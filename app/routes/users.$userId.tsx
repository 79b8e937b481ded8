import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { pageTitle } from '~/utils/meta';
import { TextField } from '~/components/field';
import { RoleFieldset } from '~/components/role-fieldset';
import { setOneTimePassword } from '~/models/password.server';
import { getUser, updateUser } from '~/models/user.server';
import { requirePermission } from '~/utils/auth.server';
import { formDataToObject, parseForm, type FieldErrors } from '~/utils/forms';
import { invariantResponse } from '~/utils/misc';
import { MIN_PASSWORD_LENGTH } from '~/utils/password.server';
import { OneTimePasswordSchema, passwordFieldError } from '~/utils/password-validation.server';
import { EditUserSchema } from '~/utils/user-validation.server';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, 'users.title', data?.user.name);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, 'users:manage');
  const user = await getUser({ id: params.userId ?? '' });
  invariantResponse(user, 'Not found', { status: 404 });
  const passwordSet = new URL(request.url).searchParams.get('password') === 'set';
  return json({
    user,
    isSelf: user.id === admin.id,
    passwordSet,
    minPasswordLength: MIN_PASSWORD_LENGTH,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requirePermission(request, 'users:manage');
  const input = formDataToObject(await request.formData(), ['roles']);
  // the edit form posts without an intent (its fields are a documented contract)
  if (input.intent === 'one-time-password') {
    return oneTimePassword(admin.id, params.userId ?? '', input);
  }
  invariantResponse(input.intent === undefined || input.intent === 'save', 'Unknown intent');
  const result = parseForm(EditUserSchema, input);
  if (!result.ok) return json({ errors: result.errors, problem: null }, { status: 400 });
  const outcome = await updateUser({ id: params.userId ?? '', actorId: admin.id, ...result.data });
  if (!outcome.ok) {
    invariantResponse(outcome.problem !== 'notFound', 'Not found', { status: 404 });
    return json(
      { errors: {} as FieldErrors, problem: outcome.problem },
      { status: outcome.problem === 'conflict' ? 409 : 400 },
    );
  }
  return redirect('/users');
}

/** The administrator gives the user a one-time password, to be changed at the next login. */
async function oneTimePassword(actorId: string, userId: string, input: Record<string, unknown>) {
  const result = parseForm(OneTimePasswordSchema, input);
  if (!result.ok) return json({ errors: result.errors, problem: null }, { status: 400 });
  const outcome = await setOneTimePassword({
    userId,
    actorId,
    password: result.data.password,
    via: 'admin',
  });
  if (!outcome.ok) {
    invariantResponse(outcome.problem !== 'notFound', 'Not found', { status: 404 });
    if (outcome.problem === 'self')
      return json({ errors: {} as FieldErrors, problem: 'ownPassword' as const }, { status: 400 });
    return json(
      { errors: passwordFieldError('password', outcome.problem), problem: null },
      { status: 400 },
    );
  }
  return redirect(`/users/${encodeURIComponent(userId)}?password=set`);
}

export default function EditUser() {
  const { user, isSelf, passwordSet, minPasswordLength } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const busy = navigation.state === 'submitting';
  const roles = user.roles.map((r) => r.role);
  return (
    <section className="card" aria-labelledby="edit-user-title">
      <h1 id="edit-user-title">{t('users.edit')}</h1>
      <p>{user.email}</p>
      {passwordSet ? (
        <p className="notice" role="status">
          {t('users.oneTimePasswordSet')}
        </p>
      ) : null}
      {data?.problem ? (
        <p className="form-error" role="alert">
          {t(`users.${data.problem}`)}
        </p>
      ) : null}
      <Form method="post" className="stack" noValidate key={user.version}>
        <input type="hidden" name="expectedVersion" value={user.version} />
        <TextField
          name="name"
          label={t('users.name')}
          errors={data?.errors}
          defaultValue={user.name}
          required
        />
        <RoleFieldset selected={roles} errors={data?.errors} />
        <div className="field">
          <label htmlFor="field-active">{t('users.status')}</label>
          <select
            id="field-active"
            name="active"
            defaultValue={String(user.active)}
            disabled={isSelf}
            aria-describedby="field-active-hint"
          >
            <option value="true">{t('users.active')}</option>
            <option value="false">{t('users.inactive')}</option>
          </select>
          {isSelf ? <input type="hidden" name="active" value="true" /> : null}
          <p className="field-hint" id="field-active-hint">
            {isSelf ? t('users.cannotDeactivateSelf') : t('users.deactivateHint')}
          </p>
        </div>
        <div className="toolbar">
          <Link to="/users">{t('common.cancel')}</Link>
          <button type="submit" disabled={busy}>
            {busy ? t('users.saving') : t('users.save')}
          </button>
        </div>
      </Form>
      {isSelf ? null : (
        <Form method="post" className="stack" noValidate aria-labelledby="one-time-title">
          <h2 id="one-time-title">{t('users.oneTimePassword')}</h2>
          <p>
            {user.mustChangePassword
              ? t('users.mustChangePassword')
              : t('users.oneTimePasswordIntro')}
          </p>
          <input type="hidden" name="intent" value="one-time-password" />
          <TextField
            name="password"
            type="password"
            label={t('users.oneTimePasswordField')}
            hint={t('users.passwordHint', { min: minPasswordLength })}
            errors={data?.errors}
            autoComplete="new-password"
            required
          />
          <div className="toolbar">
            <button type="submit" disabled={busy}>
              {t('users.setOneTimePassword')}
            </button>
          </div>
        </Form>
      )}
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/components/error-boundary';
