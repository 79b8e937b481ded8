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
import { RoleFieldset } from '~/components/role-fieldset';
import { TextField } from '~/components/field';
import { createUser, emailTaken } from '~/models/user.server';
import { isUniqueViolation } from '~/utils/db-errors.server';
import { requirePermission } from '~/utils/auth.server';
import { formDataToObject, parseForm } from '~/utils/forms';
import { MIN_PASSWORD_LENGTH } from '~/utils/password.server';
import { NewUserSchema } from '~/utils/user-validation.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'users.new');

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'users:manage');
  return json({ minPasswordLength: MIN_PASSWORD_LENGTH });
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, 'users:manage');
  const input = formDataToObject(await request.formData(), ['roles']);
  const result = parseForm(NewUserSchema, input);
  const values = {
    name: String(input.name ?? ''),
    email: String(input.email ?? ''),
    roles: input.roles as string[],
  };
  if (!result.ok) return json({ errors: result.errors, values }, { status: 400 });
  const taken = () =>
    json({ errors: { email: { key: 'validation.emailTaken' } }, values }, { status: 400 });
  if (await emailTaken(result.data.email)) return taken();
  try {
    const user = await createUser({ ...result.data, actorId: admin.id });
    return redirect(`/users?${new URLSearchParams({ created: user.email })}`);
  } catch (error) {
    // the same address created by a request that ran at the same moment
    if (isUniqueViolation(error)) return taken();
    throw error;
  }
}

export default function NewUser() {
  const { minPasswordLength } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const busy = navigation.state === 'submitting';
  const errors = data?.errors;
  return (
    <section className="card" aria-labelledby="new-user-title">
      <h1 id="new-user-title">{t('users.new')}</h1>
      <Form method="post" className="stack" noValidate>
        <TextField
          name="name"
          label={t('users.name')}
          errors={errors}
          defaultValue={data?.values.name}
          required
          autoComplete="off"
        />
        <TextField
          name="email"
          label={t('users.email')}
          errors={errors}
          defaultValue={data?.values.email}
          type="email"
          required
          autoComplete="off"
        />
        <TextField
          name="password"
          label={t('users.password')}
          errors={errors}
          type="password"
          required
          autoComplete="new-password"
          hint={t('users.passwordHint', { min: minPasswordLength })}
        />
        <RoleFieldset selected={data?.values.roles ?? ['expert']} errors={errors} />
        <div className="toolbar">
          <Link to="/users">{t('common.cancel')}</Link>
          <button type="submit" disabled={busy}>
            {busy ? t('users.creating') : t('users.create')}
          </button>
        </div>
      </Form>
    </section>
  );
}
