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
import { intent, intentAction } from '~/utils/intent-action.server';
import { failureOf } from '~/utils/intent-result';
import { pageTitle } from '~/utils/meta';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'needs.new');

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'audiences:manage');
  const [audiences, tags] = await Promise.all([listAudienceChoices(), listTagNames()]);
  const wanted = new URL(request.url).searchParams.get('audience');
  const audienceId = audiences.find((a) => a.id === wanted)?.id ?? '';
  return json({ audiences, tags, audienceId });
}

export async function action(args: ActionFunctionArgs) {
  return intentAction(
    args,
    {
      save: intent({
        schema: NeedFormSchema,
        read: readNeedForm,
        run: ({ user, data }) => createNeed({ actorId: user.id, input: data }),
        problems: {
          audienceGone: { status: 409, field: 'audienceId', key: 'needs.form.audienceGone' },
        },
        done: ({ id }) => redirect(`/needs/${id}?created=1`),
      }),
    },
    { default: 'save', guard: 'audiences:manage' },
  );
}

export default function NewNeed() {
  const { audiences, tags, audienceId } = useLoaderData<typeof loader>();
  const failed = failureOf(useActionData<typeof action>(), 'save');
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="new-need-title">
      <h1 id="new-need-title">{t('needs.new')}</h1>
      {audiences.length ? (
        <NeedForm
          values={failed?.values ?? { audienceId, text: '', tags: [], priority: '2', language: '' }}
          errors={failed?.errors}
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
