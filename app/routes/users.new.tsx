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
import { formDataToObject } from '~/utils/forms';
import { intent, intentAction } from '~/utils/intent-action.server';
import { failureOf } from '~/utils/intent-result';
import { MIN_PASSWORD_LENGTH } from '~/utils/password.server';
import { NewUserFormSchema } from '~/forms/user';
import { NewUserSchema } from '~/utils/user-validation.server';
import { useValidatedForm } from '~/utils/use-validated-form';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'users.new');

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'users:manage');
  return json({ minPasswordLength: MIN_PASSWORD_LENGTH });
}

/** The new-user form as entered, to show again (never the password). */
function readNewUserForm(form: FormData) {
  const input = formDataToObject(form, ['roles']);
  const values = {
    name: String(input.name ?? ''),
    email: String(input.email ?? ''),
    roles: input.roles as string[],
  };
  return { values, input };
}

export async function action(args: ActionFunctionArgs) {
  return intentAction(
    args,
    {
      save: intent({
        schema: NewUserSchema,
        read: readNewUserForm,
        run: async ({ user, data }) => {
          const taken = { ok: false as const, problem: 'emailTaken' as const };
          if (await emailTaken(data.email)) return taken;
          try {
            return { ok: true as const, ...(await createUser({ ...data, actorId: user.id })) };
          } catch (error) {
            // the same address created by a request that ran at the same moment
            if (isUniqueViolation(error)) return taken;
            throw error;
          }
        },
        problems: { emailTaken: { status: 400, field: 'email', key: 'validation.emailTaken' } },
        done: ({ email }) => redirect(`/users?${new URLSearchParams({ created: email })}`),
      }),
    },
    { default: 'save', guard: 'users:manage' },
  );
}

export default function NewUser() {
  const { minPasswordLength } = useLoaderData<typeof loader>();
  const data = failureOf(useActionData<typeof action>(), 'save');
  const navigation = useNavigation();
  const { t } = useTranslation();
  const busy = navigation.state === 'submitting';
  const validation = useValidatedForm({ schema: NewUserFormSchema, arrays: ['roles'] });
  const errors = validation.errorsWith(data?.errors);
  return (
    <section className="card" aria-labelledby="new-user-title">
      <h1 id="new-user-title">{t('users.new')}</h1>
      <Form method="post" className="stack" {...validation.formProps()}>
        <TextField
          name="name"
          label={t('users.name')}
          errors={errors}
          defaultValue={data?.values?.name}
          required
          autoComplete="off"
        />
        <TextField
          name="email"
          label={t('users.email')}
          errors={errors}
          defaultValue={data?.values?.email}
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
        <RoleFieldset selected={data?.values?.roles ?? ['expert']} errors={errors} />
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
