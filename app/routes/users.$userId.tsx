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
import { ProblemAlert } from '~/components/problem-alert';
import { RoleFieldset } from '~/components/role-fieldset';
import { setOneTimePassword } from '~/models/password.server';
import { getUser, updateUser } from '~/models/user.server';
import { requirePermission } from '~/utils/auth.server';
import { intent, intentAction } from '~/utils/intent-action.server';
import { errorsOf } from '~/utils/intent-result';
import { invariantResponse } from '~/utils/misc';
import { MIN_PASSWORD_LENGTH } from '~/utils/password.server';
import { OneTimePasswordSchema } from '~/forms/password';
import { EditUserSchema } from '~/forms/user';
import { passwordFieldError } from '~/utils/password-validation.server';
import { useValidatedForm } from '~/utils/use-validated-form';

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

export async function action(args: ActionFunctionArgs) {
  return intentAction(
    args,
    {
      // the edit form posts without an intent (its fields are a documented contract)
      save: intent({
        schema: EditUserSchema,
        arrays: ['roles'],
        run: ({ user, data, params }) =>
          updateUser({ id: params.userId ?? '', actorId: user.id, ...data }),
        problems: {
          notFound: 404,
          conflict: 409,
          cannotDeactivateSelf: 400,
          cannotRemoveOwnAdmin: 400,
          lastAdmin: 400,
        },
        done: () => redirect('/users'),
      }),
      // the administrator gives the user a one-time password, to be changed at the next login
      'one-time-password': intent({
        schema: OneTimePasswordSchema,
        run: async ({ user, data, params }) => {
          const outcome = await setOneTimePassword({
            userId: params.userId ?? '',
            actorId: user.id,
            password: data.password,
            via: 'admin',
          });
          if (outcome.ok) return outcome;
          if (outcome.problem === 'notFound')
            return { ok: false as const, problem: 'notFound' as const };
          if (outcome.problem === 'self')
            return { ok: false as const, problem: 'ownPassword' as const };
          return {
            ok: false as const,
            problem: 'weakPassword' as const,
            errors: passwordFieldError('password', outcome.problem),
          };
        },
        problems: { notFound: 404, ownPassword: 400, weakPassword: 400 },
        done: (_, { params }) =>
          redirect(`/users/${encodeURIComponent(params.userId ?? '')}?password=set`),
      }),
    },
    { default: 'save', guard: 'users:manage' },
  );
}

export default function EditUser() {
  const { user, isSelf, passwordSet, minPasswordLength } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const busy = navigation.state === 'submitting';
  const roles = user.roles.map((r) => r.role);
  const profile = useValidatedForm({ schema: EditUserSchema, arrays: ['roles'] });
  const profileErrors = profile.errorsWith(errorsOf(data, 'save'));
  const oneTime = useValidatedForm({ schema: OneTimePasswordSchema });
  const oneTimeErrors = oneTime.errorsWith(errorsOf(data, 'one-time-password'));
  return (
    <section className="card" aria-labelledby="edit-user-title">
      <h1 id="edit-user-title">{t('users.edit')}</h1>
      <p>{user.email}</p>
      {passwordSet ? (
        <p className="notice" role="status">
          {t('users.oneTimePasswordSet')}
        </p>
      ) : null}
      <ProblemAlert data={data} message={(p) => t(`users.${p}`)} />
      <Form method="post" className="stack" key={user.version} {...profile.formProps()}>
        <input type="hidden" name="expectedVersion" value={user.version} />
        <TextField
          name="name"
          label={t('users.name')}
          errors={profileErrors}
          defaultValue={user.name}
          required
        />
        <RoleFieldset selected={roles} errors={profileErrors} />
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
        <Form
          method="post"
          className="stack"
          aria-labelledby="one-time-title"
          {...oneTime.formProps()}
        >
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
            errors={oneTimeErrors}
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
