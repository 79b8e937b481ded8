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
import { getUser, updateUser } from '~/models/user.server';
import { requirePermission } from '~/utils/auth.server';
import { formDataToObject, parseForm, type FieldErrors } from '~/utils/forms';
import { invariantResponse } from '~/utils/misc';
import { EditUserSchema } from '~/utils/user-validation.server';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, 'users.title', data?.user.name);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, 'users:manage');
  const user = await getUser({ id: params.userId ?? '' });
  invariantResponse(user, 'Not found', { status: 404 });
  return json({ user, isSelf: user.id === admin.id });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requirePermission(request, 'users:manage');
  const input = formDataToObject(await request.formData(), ['roles']);
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

export default function EditUser() {
  const { user, isSelf } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const busy = navigation.state === 'submitting';
  const roles = user.roles.map((r) => r.role);
  return (
    <section className="card" aria-labelledby="edit-user-title">
      <h1 id="edit-user-title">{t('users.edit')}</h1>
      <p>{user.email}</p>
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
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/components/error-boundary';
