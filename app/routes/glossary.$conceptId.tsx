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
import { GlossaryForm } from '~/components/glossary-form';
import { deleteConcept, getConcept, updateConcept } from '~/models/glossary.server';
import { DeleteSchema } from '~/forms/delete';
import { requirePermission } from '~/utils/auth.server';
import { formDataToObject, parseForm, type FieldErrors } from '~/utils/forms';
import { GlossaryFormSchema, readGlossaryForm } from '~/forms/glossary';
import { pageTitle } from '~/utils/meta';
import { invariantResponse } from '~/utils/misc';

const conceptName = (c: { de: string[]; en: string[]; both: string[]; key: string }) =>
  c.de[0] ?? c.en[0] ?? c.both[0] ?? c.key;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, 'glossary.title', data ? conceptName(data.concept) : undefined);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'glossary:manage');
  const concept = await getConcept(params.conceptId ?? '');
  invariantResponse(concept, 'Not found', { status: 404 });
  return json({ concept });
}

const PROBLEM_STATUS = { notFound: 404, conflict: 409, builtIn: 409 } as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'glossary:manage');
  const id = params.conceptId ?? '';
  const form = await request.formData();
  if (form.get('intent') === 'delete') {
    const result = parseForm(DeleteSchema, formDataToObject(form));
    if (!result.ok) {
      return json({ errors: result.errors, problem: null, values: null }, { status: 400 });
    }
    const before = await getConcept(id);
    const outcome = await deleteConcept({ id, actorId: user.id, ...result.data });
    invariantResponse(outcome.ok || outcome.problem !== 'notFound', 'Not found', { status: 404 });
    if (!outcome.ok) {
      return json(
        { errors: {} as FieldErrors, problem: outcome.problem, values: null },
        { status: PROBLEM_STATUS[outcome.problem] },
      );
    }
    return redirect(`/glossary?deleted=${encodeURIComponent(before ? conceptName(before) : '')}`);
  }
  invariantResponse(form.get('intent') === 'save', 'Unknown intent', { status: 400 });
  const { values, input } = readGlossaryForm(form);
  const result = parseForm(GlossaryFormSchema, input);
  if (!result.ok) return json({ errors: result.errors, problem: null, values }, { status: 400 });
  const outcome = await updateConcept({
    id,
    actorId: user.id,
    input: result.data,
    expectedVersion: result.data.expectedVersion ?? 0,
  });
  invariantResponse(outcome.ok || outcome.problem !== 'notFound', 'Not found', { status: 404 });
  if (!outcome.ok) {
    return json(
      { errors: {} as FieldErrors, problem: outcome.problem, values },
      { status: PROBLEM_STATUS[outcome.problem] },
    );
  }
  return redirect(`/glossary/${id}?saved=1`);
}

export default function ConceptDetail() {
  const { concept } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const lines = (terms: string[]) => terms.join('\n');
  return (
    <article aria-labelledby="concept-title">
      <p>
        <Link to="/glossary">{t('glossary.back')}</Link>
      </p>
      <h1 id="concept-title">{conceptName(concept)}</h1>
      <p>
        {t(`glossary.sources.${concept.builtIn ? 'builtIn' : 'company'}`)}
        {concept.builtIn ? ` · ${t('glossary.builtInHint')}` : null}
      </p>
      {params.get('created') ? (
        <p className="notice" role="status">
          {t('glossary.created')}
        </p>
      ) : params.get('saved') ? (
        <p className="notice" role="status">
          {t('glossary.saved')}
        </p>
      ) : null}
      {data?.problem ? (
        <p className="form-error" role="alert">
          {t(`glossary.problems.${data.problem}`)}
        </p>
      ) : null}
      <section className="card" aria-labelledby="concept-edit-title">
        <h2 id="concept-edit-title">{t('glossary.edit')}</h2>
        <GlossaryForm
          values={
            data?.values ?? {
              de: lines(concept.de),
              en: lines(concept.en),
              both: lines(concept.both),
              note: concept.note,
            }
          }
          errors={data?.values ? data.errors : undefined}
          version={concept.version}
          submitLabel={t('glossary.form.save')}
        />
      </section>
      {concept.builtIn ? null : (
        <section className="card" aria-labelledby="concept-delete-title">
          <h2 id="concept-delete-title">{t('glossary.delete')}</h2>
          <DeleteForm
            version={concept.version}
            confirmLabel={t('glossary.deleteConfirm')}
            buttonLabel={t('glossary.delete')}
            errors={data?.values ? undefined : data?.errors}
          />
        </section>
      )}
    </article>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/components/error-boundary';
