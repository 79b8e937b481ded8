import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AudienceForm } from '~/components/audience-form';
import { DeleteForm } from '~/components/delete-form';
import { NeedsTable } from '~/components/needs-table';
import { can } from '~/domain/permissions';
import { deleteAudience, getAudience, updateAudience } from '~/models/audience.server';
import { AudienceFormSchema, readAudienceForm } from '~/forms/audience';
import { requirePermission } from '~/utils/auth.server';
import { DeleteSchema } from '~/forms/delete';
import { formDataToObject, parseForm, type FieldErrors } from '~/utils/forms';
import { pageTitle } from '~/utils/meta';
import { invariantResponse } from '~/utils/misc';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, 'audiences.title', data?.audience.name);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'audiences:read');
  const audience = await getAudience(params.audienceId ?? '');
  invariantResponse(audience, 'Not found', { status: 404 });
  return json({
    audience,
    canManage: can(user.roles, 'audiences:manage'),
    canMatch: can(user.roles, 'matches:read'),
  });
}

const PROBLEM_STATUS = { notFound: 404, conflict: 409, nameTaken: 409, inUse: 409 } as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'audiences:manage');
  const id = params.audienceId ?? '';
  const form = await request.formData();
  if (form.get('intent') === 'delete') {
    const result = parseForm(DeleteSchema, formDataToObject(form));
    if (!result.ok) {
      return json({ errors: result.errors, problem: null, values: null }, { status: 400 });
    }
    const name = (await getAudience(id))?.name ?? '';
    const outcome = await deleteAudience({ id, actorId: user.id, ...result.data });
    invariantResponse(outcome.ok || outcome.problem !== 'notFound', 'Not found', { status: 404 });
    if (!outcome.ok) {
      return json(
        { errors: {} as FieldErrors, problem: outcome.problem, values: null },
        { status: PROBLEM_STATUS[outcome.problem] },
      );
    }
    return redirect(`/audiences?deleted=${encodeURIComponent(name)}`);
  }
  invariantResponse(form.get('intent') === 'save', 'Unknown intent', { status: 400 });
  const { values, input } = readAudienceForm(form);
  const result = parseForm(AudienceFormSchema, input);
  if (!result.ok) return json({ errors: result.errors, problem: null, values }, { status: 400 });
  const outcome = await updateAudience({
    id,
    actorId: user.id,
    input: result.data,
    expectedVersion: result.data.expectedVersion ?? 0,
  });
  invariantResponse(outcome.ok || outcome.problem !== 'notFound', 'Not found', { status: 404 });
  if (!outcome.ok) {
    const errors: FieldErrors =
      outcome.problem === 'nameTaken' ? { name: { key: 'audiences.form.nameTaken' } } : {};
    return json(
      { errors, problem: outcome.problem === 'nameTaken' ? null : outcome.problem, values },
      { status: PROBLEM_STATUS[outcome.problem] },
    );
  }
  return redirect(`/audiences/${id}?saved=1`);
}

export default function AudienceDetail() {
  const { audience, canManage, canMatch } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const plannedNeeds = audience.needs.reduce((sum, n) => sum + n._count.pieces, 0);
  return (
    <article aria-labelledby="audience-title">
      <p>
        <Link to="/audiences">{t('audiences.back')}</Link>
      </p>
      <h1 id="audience-title">{audience.name}</h1>
      {params.get('created') ? (
        <p className="notice" role="status">
          {t('audiences.created')}
        </p>
      ) : params.get('saved') ? (
        <p className="notice" role="status">
          {t('audiences.saved')}
        </p>
      ) : params.get('needDeleted') ? (
        <p className="notice" role="status">
          {t('audiences.needDeleted')}
        </p>
      ) : null}
      {data?.problem ? (
        <p className="form-error" role="alert">
          {t(`audiences.problems.${data.problem}`)}
        </p>
      ) : null}
      {canManage ? (
        <section className="card" aria-labelledby="audience-edit-title">
          <h2 id="audience-edit-title">{t('audiences.edit')}</h2>
          <AudienceForm
            values={data?.values ?? audience}
            errors={data?.values ? data.errors : undefined}
            version={audience.version}
            submitLabel={t('audiences.form.save')}
            cancelTo="/audiences"
          />
        </section>
      ) : audience.description ? (
        <p>{audience.description}</p>
      ) : null}
      <section className="card" aria-labelledby="audience-needs-title">
        <div className="toolbar">
          <h2 id="audience-needs-title">{t('audiences.needs')}</h2>
          {canManage ? (
            <Link className="button" to={`/needs/new?audience=${audience.id}`}>
              {t('needs.new')}
            </Link>
          ) : null}
        </div>
        <NeedsTable needs={audience.needs} canManage={canManage} canMatch={canMatch} />
      </section>
      {canManage ? (
        <section className="card" aria-labelledby="audience-delete-title">
          <h2 id="audience-delete-title">{t('audiences.delete')}</h2>
          {audience._count.pieces + plannedNeeds > 0 ? (
            <p>{t('audiences.deleteBlocked')}</p>
          ) : (
            <DeleteForm
              version={audience.version}
              confirmLabel={t('audiences.deleteConfirm', { count: audience.needs.length })}
              buttonLabel={t('audiences.delete')}
              errors={data?.values ? undefined : data?.errors}
            />
          )}
        </section>
      ) : null}
    </article>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/components/error-boundary';
