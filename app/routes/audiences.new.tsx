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
import { parseForm, type FieldErrors } from '~/utils/forms';
import { pageTitle } from '~/utils/meta';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'audiences.new');

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'audiences:manage');
  return json({});
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'audiences:manage');
  const { values, input } = readAudienceForm(await request.formData());
  const result = parseForm(AudienceFormSchema, input);
  if (!result.ok) return json({ errors: result.errors, values }, { status: 400 });
  const outcome = await createAudience({ actorId: user.id, input: result.data });
  if (!outcome.ok) {
    const errors: FieldErrors = { name: { key: 'audiences.form.nameTaken' } };
    return json({ errors, values }, { status: 409 });
  }
  return redirect(`/audiences/${outcome.id}?created=1`);
}

export default function NewAudience() {
  const data = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="new-audience-title">
      <h1 id="new-audience-title">{t('audiences.new')}</h1>
      <AudienceForm
        values={data?.values ?? { name: '', description: '' }}
        errors={data?.errors}
        submitLabel={t('audiences.form.create')}
        cancelTo="/audiences"
      />
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/components/error-boundary';
