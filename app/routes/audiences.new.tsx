import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { useActionData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AudienceForm } from '~/components/audience-form';
import { createAudience } from '~/models/audience.server';
import { AudienceFormSchema, readAudienceForm } from '~/forms/audience';
import { requirePermission } from '~/utils/auth.server';
import { intent, intentAction } from '~/utils/intent-action.server';
import { failureOf } from '~/utils/intent-result';
import { pageTitle } from '~/utils/meta';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'audiences.new');

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'audiences:manage');
  return json({});
}

export async function action(args: ActionFunctionArgs) {
  return intentAction(
    args,
    {
      save: intent({
        schema: AudienceFormSchema,
        read: readAudienceForm,
        run: ({ user, data }) => createAudience({ actorId: user.id, input: data }),
        problems: { nameTaken: { status: 409, field: 'name', key: 'audiences.form.nameTaken' } },
        done: ({ id }) => redirect(`/audiences/${id}?created=1`),
      }),
    },
    { default: 'save', guard: 'audiences:manage' },
  );
}

export default function NewAudience() {
  const failed = failureOf(useActionData<typeof action>(), 'save');
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="new-audience-title">
      <h1 id="new-audience-title">{t('audiences.new')}</h1>
      <AudienceForm
        values={failed?.values ?? { name: '', description: '' }}
        errors={failed?.errors}
        submitLabel={t('audiences.form.create')}
        cancelTo="/audiences"
      />
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/components/error-boundary';
