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
import { parseForm } from '~/utils/forms';
import { GlossaryFormSchema, readGlossaryForm } from '~/forms/glossary';
import { pageTitle } from '~/utils/meta';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'glossary.new');

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'glossary:manage');
  return json({});
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'glossary:manage');
  const { values, input } = readGlossaryForm(await request.formData());
  const result = parseForm(GlossaryFormSchema, input);
  if (!result.ok) return json({ errors: result.errors, values }, { status: 400 });
  const outcome = await createConcept({ actorId: user.id, input: result.data });
  return redirect(`/glossary/${outcome.id}?created=1`);
}

export default function NewConcept() {
  const data = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="new-concept-title">
      <p>
        <Link to="/glossary">{t('glossary.back')}</Link>
      </p>
      <h1 id="new-concept-title">{t('glossary.new')}</h1>
      <GlossaryForm
        values={data?.values ?? { de: '', en: '', both: '', note: '' }}
        errors={data?.errors}
        submitLabel={t('glossary.form.create')}
      />
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/components/error-boundary';
