import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { DeleteForm } from '~/components/delete-form';
import { NeedForm } from '~/components/need-form';
import { ProblemAlert } from '~/components/problem-alert';
import { can } from '~/domain/permissions';
import { deleteNeed, getNeed, listAudienceChoices, updateNeed } from '~/models/audience.server';
import { listTagNames } from '~/models/knowledge.server';
import { NeedFormSchema, readNeedForm } from '~/forms/audience';
import { DeleteSchema } from '~/forms/delete';
import { requirePermission } from '~/utils/auth.server';
import { intent, intentAction } from '~/utils/intent-action.server';
import { errorsOf, failureOf } from '~/utils/intent-result';
import { pageTitle } from '~/utils/meta';
import { invariantResponse } from '~/utils/misc';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, 'needs.edit', data?.need.text.slice(0, 60));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'audiences:manage');
  const need = await getNeed(params.needId ?? '');
  invariantResponse(need, 'Not found', { status: 404 });
  const [audiences, tags] = await Promise.all([listAudienceChoices(), listTagNames()]);
  return json({ need, audiences, tags, canMatch: can(user.roles, 'matches:read') });
}

export async function action(args: ActionFunctionArgs) {
  return intentAction(
    args,
    {
      save: intent({
        schema: NeedFormSchema,
        read: readNeedForm,
        run: ({ user, data, params }) =>
          updateNeed({
            id: params.needId ?? '',
            actorId: user.id,
            input: data,
            expectedVersion: data.expectedVersion ?? 0,
          }),
        problems: {
          notFound: 404,
          conflict: 409,
          audienceGone: { status: 404, field: 'audienceId', key: 'needs.form.audienceGone' },
        },
        done: (_, { params }) => redirect(`/needs/${params.needId}?saved=1`),
      }),
      delete: intent({
        schema: DeleteSchema,
        run: ({ user, data, params }) =>
          deleteNeed({ id: params.needId ?? '', actorId: user.id, ...data }),
        problems: { notFound: 404, conflict: 409, inUse: 409 },
        done: ({ audienceId }) => redirect(`/audiences/${audienceId}?needDeleted=1`),
      }),
    },
    { guard: 'audiences:manage' },
  );
}

export default function EditNeed() {
  const { need, audiences, tags, canMatch } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const saveFailure = failureOf(data, 'save');
  const [params] = useSearchParams();
  const { t } = useTranslation();
  return (
    <article aria-labelledby="need-title">
      <p>
        <Link to={`/audiences/${need.audience.id}`}>
          {t('needs.backTo', { audience: need.audience.name })}
        </Link>
      </p>
      <h1 id="need-title">{t('needs.edit')}</h1>
      {params.get('created') ? (
        <p className="notice" role="status">
          {t('needs.created')}
        </p>
      ) : params.get('saved') ? (
        <p className="notice" role="status">
          {t('needs.saved')}
        </p>
      ) : null}
      <ProblemAlert data={data} message={(p) => t(`needs.problems.${p}`)} />
      {canMatch ? (
        <p>
          <Link to={`/matches/${need.id}`}>{t('needs.seeSuggestions')}</Link>
        </p>
      ) : null}
      <section className="card" aria-label={t('needs.edit')}>
        <NeedForm
          values={
            saveFailure?.values ?? {
              audienceId: need.audience.id,
              text: need.text,
              tags: need.tags,
              priority: String(need.priority),
              language: need.language,
            }
          }
          errors={saveFailure?.errors}
          version={need.version}
          audiences={audiences}
          tagSuggestions={tags}
          submitLabel={t('needs.form.save')}
          cancelTo={`/audiences/${need.audience.id}`}
        />
      </section>
      <section className="card" aria-labelledby="need-delete-title">
        <h2 id="need-delete-title">{t('needs.delete')}</h2>
        {need._count.pieces > 0 ? (
          <p>{t('needs.deleteBlocked', { count: need._count.pieces })}</p>
        ) : (
          <DeleteForm
            version={need.version}
            confirmLabel={t('needs.deleteConfirm', { count: need._count.matches })}
            buttonLabel={t('needs.delete')}
            errors={errorsOf(data, 'delete')}
          />
        )}
      </section>
    </article>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/components/error-boundary';
