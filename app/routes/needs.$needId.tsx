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
import { can } from '~/domain/permissions';
import { deleteNeed, getNeed, listAudienceChoices, updateNeed } from '~/models/audience.server';
import { listTagNames } from '~/models/knowledge.server';
import { NeedFormSchema, readNeedForm } from '~/forms/audience';
import { DeleteSchema } from '~/forms/delete';
import { requirePermission } from '~/utils/auth.server';
import { formDataToObject, parseForm, type FieldErrors } from '~/utils/forms';
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

const PROBLEM_STATUS = { notFound: 404, conflict: 409, nameTaken: 409, inUse: 409 } as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'audiences:manage');
  const id = params.needId ?? '';
  const form = await request.formData();
  if (form.get('intent') === 'delete') {
    const result = parseForm(DeleteSchema, formDataToObject(form));
    if (!result.ok) {
      return json({ errors: result.errors, problem: null, values: null }, { status: 400 });
    }
    const outcome = await deleteNeed({ id, actorId: user.id, ...result.data });
    invariantResponse(outcome.ok || outcome.problem !== 'notFound', 'Not found', { status: 404 });
    if (!outcome.ok) {
      return json(
        { errors: {} as FieldErrors, problem: outcome.problem, values: null },
        { status: PROBLEM_STATUS[outcome.problem] },
      );
    }
    return redirect(`/audiences/${outcome.id}?needDeleted=1`);
  }
  invariantResponse(form.get('intent') === 'save', 'Unknown intent', { status: 400 });
  const { values, input } = readNeedForm(form);
  const result = parseForm(NeedFormSchema, input);
  if (!result.ok) return json({ errors: result.errors, problem: null, values }, { status: 400 });
  const outcome = await updateNeed({
    id,
    actorId: user.id,
    input: result.data,
    expectedVersion: result.data.expectedVersion ?? 0,
  });
  if (!outcome.ok && outcome.problem === 'notFound' && !(await getNeed(id))) {
    throw new Response('Not found', { status: 404 });
  }
  if (!outcome.ok) {
    const errors: FieldErrors =
      outcome.problem === 'notFound' ? { audienceId: { key: 'needs.form.audienceGone' } } : {};
    return json(
      { errors, problem: outcome.problem === 'notFound' ? null : outcome.problem, values },
      { status: PROBLEM_STATUS[outcome.problem] },
    );
  }
  return redirect(`/needs/${id}?saved=1`);
}

export default function EditNeed() {
  const { need, audiences, tags, canMatch } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
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
      {data?.problem ? (
        <p className="form-error" role="alert">
          {t(`needs.problems.${data.problem}`)}
        </p>
      ) : null}
      {canMatch ? (
        <p>
          <Link to={`/matches/${need.id}`}>{t('needs.seeSuggestions')}</Link>
        </p>
      ) : null}
      <section className="card" aria-label={t('needs.edit')}>
        <NeedForm
          values={
            data?.values ?? {
              audienceId: need.audience.id,
              text: need.text,
              tags: need.tags,
              priority: String(need.priority),
              language: need.language,
            }
          }
          errors={data?.values ? data.errors : undefined}
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
            errors={data?.values ? undefined : data?.errors}
          />
        )}
      </section>
    </article>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/components/error-boundary';
