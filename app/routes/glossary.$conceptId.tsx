import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ConceptWarningReasons } from '~/components/concept-warnings';
import { DeleteForm } from '~/components/delete-form';
import { GlossaryForm } from '~/components/glossary-form';
import { ProblemAlert } from '~/components/problem-alert';
import { conceptWarning } from '~/models/glossary-health.server';
import { deleteConcept, getConcept, updateConcept } from '~/models/glossary.server';
import { DeleteSchema } from '~/forms/delete';
import { requirePermission } from '~/utils/auth.server';
import { intent, intentAction } from '~/utils/intent-action.server';
import { errorsOf, failureOf } from '~/utils/intent-result';
import { GlossaryFormSchema, readGlossaryForm } from '~/forms/glossary';
import { pageTitle } from '~/utils/meta';
import { invariantResponse } from '~/utils/misc';

const conceptName = (c: { de: string[]; en: string[]; both: string[]; key: string }) =>
  c.de[0] ?? c.en[0] ?? c.both[0] ?? c.key;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, 'glossary.title', data ? conceptName(data.concept) : undefined);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'glossary:manage');
  const id = params.conceptId ?? '';
  const concept = await getConcept(id);
  invariantResponse(concept, 'Not found', { status: 404 });
  // why the concept seems to join words that mean different things, if it does
  return json({ concept, warning: await conceptWarning(id) });
}

export async function action(args: ActionFunctionArgs) {
  return intentAction(
    args,
    {
      save: intent({
        schema: GlossaryFormSchema,
        read: readGlossaryForm,
        run: ({ user, data, params }) =>
          updateConcept({
            id: params.conceptId ?? '',
            actorId: user.id,
            input: data,
            expectedVersion: data.expectedVersion ?? 0,
          }),
        problems: { notFound: 404, conflict: 409, builtIn: 409 },
        done: (_, { params }) => redirect(`/glossary/${params.conceptId}?saved=1`),
      }),
      delete: intent({
        schema: DeleteSchema,
        run: async ({ user, data, params }) => {
          const id = params.conceptId ?? '';
          const before = await getConcept(id);
          const outcome = await deleteConcept({ id, actorId: user.id, ...data });
          return outcome.ok ? { ...outcome, name: before ? conceptName(before) : '' } : outcome;
        },
        problems: { notFound: 404, conflict: 409, builtIn: 409 },
        done: ({ name }) => redirect(`/glossary?deleted=${encodeURIComponent(name)}`),
      }),
    },
    { guard: 'glossary:manage' },
  );
}

export default function ConceptDetail() {
  const { concept, warning } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const saveFailure = failureOf(data, 'save');
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
      <ProblemAlert data={data} message={(p) => t(`glossary.problems.${p}`)} />
      {warning ? (
        <section className="callout" aria-labelledby="concept-warning-title">
          <h2 id="concept-warning-title">{t('glossary.health.conceptTitle')}</h2>
          <ConceptWarningReasons warning={warning} />
        </section>
      ) : null}
      <section className="card" aria-labelledby="concept-edit-title">
        <h2 id="concept-edit-title">{t('glossary.edit')}</h2>
        <GlossaryForm
          values={
            saveFailure?.values ?? {
              de: lines(concept.de),
              en: lines(concept.en),
              both: lines(concept.both),
              note: concept.note,
            }
          }
          errors={saveFailure?.errors}
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
            errors={errorsOf(data, 'delete')}
          />
        </section>
      )}
    </article>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/components/error-boundary';
