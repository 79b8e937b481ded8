import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { NeedForm } from '~/components/need-form';
import { createNeed, listAudienceChoices } from '~/models/audience.server';
import { listTagNames } from '~/models/knowledge.server';
import { NeedFormSchema, readNeedForm } from '~/forms/audience';
import { requirePermission } from '~/utils/auth.server';
import { parseForm, type FieldErrors } from '~/utils/forms';
import { pageTitle } from '~/utils/meta';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'needs.new');

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'audiences:manage');
  const [audiences, tags] = await Promise.all([listAudienceChoices(), listTagNames()]);
  const wanted = new URL(request.url).searchParams.get('audience');
  const audienceId = audiences.find((a) => a.id === wanted)?.id ?? '';
  return json({ audiences, tags, audienceId });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'audiences:manage');
  const { values, input } = readNeedForm(await request.formData());
  const result = parseForm(NeedFormSchema, input);
  if (!result.ok) return json({ errors: result.errors, values }, { status: 400 });
  const outcome = await createNeed({ actorId: user.id, input: result.data });
  if (!outcome.ok) {
    const errors: FieldErrors = { audienceId: { key: 'needs.form.audienceGone' } };
    return json({ errors, values }, { status: 409 });
  }
  return redirect(`/needs/${outcome.id}?created=1`);
}

export default function NewNeed() {
  const { audiences, tags, audienceId } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="new-need-title">
      <h1 id="new-need-title">{t('needs.new')}</h1>
      {audiences.length ? (
        <NeedForm
          values={data?.values ?? { audienceId, text: '', tags: [], priority: '2', language: '' }}
          errors={data?.errors}
          audiences={audiences}
          tagSuggestions={tags}
          submitLabel={t('needs.form.create')}
          cancelTo={audienceId ? `/audiences/${audienceId}` : '/audiences'}
        />
      ) : (
        <div className="empty">
          <p>{t('needs.noAudience')}</p>
          <Link to="/audiences/new">{t('audiences.createFirst')}</Link>
        </div>
      )}
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/components/error-boundary';
