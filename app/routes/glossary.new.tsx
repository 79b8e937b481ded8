import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Link, useActionData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GlossaryForm } from '~/components/glossary-form';
import { createConcept } from '~/models/glossary.server';
import { requirePermission } from '~/utils/auth.server';
import { intent, intentAction } from '~/utils/intent-action.server';
import { failureOf } from '~/utils/intent-result';
import { GlossaryFormSchema, readGlossaryForm } from '~/forms/glossary';
import { pageTitle } from '~/utils/meta';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'glossary.new');

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'glossary:manage');
  return json({});
}

export async function action(args: ActionFunctionArgs) {
  return intentAction(
    args,
    {
      save: intent({
        schema: GlossaryFormSchema,
        read: readGlossaryForm,
        run: ({ user, data }) => createConcept({ actorId: user.id, input: data }),
        done: ({ id }) => redirect(`/glossary/${id}?created=1`),
      }),
    },
    { default: 'save', guard: 'glossary:manage' },
  );
}

export default function NewConcept() {
  const failed = failureOf(useActionData<typeof action>(), 'save');
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="new-concept-title">
      <p>
        <Link to="/glossary">{t('glossary.back')}</Link>
      </p>
      <h1 id="new-concept-title">{t('glossary.new')}</h1>
      <GlossaryForm
        values={failed?.values ?? { de: '', en: '', both: '', note: '' }}
        errors={failed?.errors}
        submitLabel={t('glossary.form.create')}
      />
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/components/error-boundary';
