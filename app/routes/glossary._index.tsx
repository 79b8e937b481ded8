import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FilterSelect } from '~/components/filter-select';
import { GlossaryProposals } from '~/components/glossary-proposals';
import { ProblemAlert } from '~/components/problem-alert';
import { can } from '~/domain/permissions';
import { GlossaryProposalSchema } from '~/forms/glossary';
import {
  confirmGlossaryProposal,
  listGlossaryProposals,
  rejectGlossaryProposal,
} from '~/models/glossary-proposals.server';
import { listGlossary } from '~/models/glossary.server';
import { ConceptWarnings } from '~/components/concept-warnings';
import { glossaryWarnings } from '~/models/glossary-health.server';
import { requirePermission } from '~/utils/auth.server';
import { intent, intentAction } from '~/utils/intent-action.server';
import { pageTitle } from '~/utils/meta';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'glossary.title');

const SOURCES = ['company', 'builtIn'] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'matches:read');
  const url = new URL(request.url);
  const q = (url.searchParams.get('q') ?? '').slice(0, 200);
  const wanted = url.searchParams.get('source') ?? '';
  const source = (SOURCES as readonly string[]).includes(wanted)
    ? (wanted as (typeof SOURCES)[number])
    : 'all';
  const canManage = can(user.roles, 'glossary:manage');
  const [{ concepts, total }, proposals, all, warnings] = await Promise.all([
    listGlossary({ q, source }),
    canManage ? listGlossaryProposals() : [],
    canManage ? listGlossary({}) : null,
    glossaryWarnings(),
  ]);
  // the concepts proposals would extend, by key, with the name the page shows for them
  const extended = new Map(
    (all?.concepts ?? []).map((c) => [c.key, { id: c.id, name: c.de[0] ?? c.en[0] ?? c.key }]),
  );
  return json({
    concepts,
    total,
    warnings,
    q,
    source: source === 'all' ? '' : source,
    canManage,
    proposals: proposals.map((p) => ({
      ...p,
      concept: p.extendsConcept ? (extended.get(p.extendsConcept) ?? null) : null,
    })),
  });
}

/**
 * Editors decide on glossary proposals: "confirmProposal" adds the proposal's terms to the
 * glossary, "rejectProposal" keeps them out (and the proposal does not come back).
 */
export async function action(args: ActionFunctionArgs) {
  const problems = { notFound: 409, decided: 409, conceptGone: 409, notAllowed: 403 } as const;
  return intentAction(
    args,
    {
      confirmProposal: intent({
        schema: GlossaryProposalSchema,
        run: ({ user, data }) => confirmGlossaryProposal({ key: data.key, actorId: user.id }),
        problems,
        done: ({ conceptId }) =>
          redirect(`/glossary?confirmed=${encodeURIComponent(conceptId ?? '')}`),
      }),
      rejectProposal: intent({
        schema: GlossaryProposalSchema,
        run: ({ user, data }) => rejectGlossaryProposal({ key: data.key, actorId: user.id }),
        problems,
        done: () => redirect('/glossary?rejected=1'),
      }),
    },
    { guard: 'glossary:manage' },
  );
}

function Terms({ terms, lang }: { terms: string[]; lang?: string }) {
  const { t } = useTranslation();
  if (!terms.length) return <>{t('common.none')}</>;
  return (
    <ul className="term-list" lang={lang}>
      {terms.map((term) => (
        <li key={term}>{term}</li>
      ))}
    </ul>
  );
}

export default function GlossaryIndex() {
  const { concepts, total, q, source, canManage, proposals, warnings } =
    useLoaderData<typeof loader>();
  const flagged = new Set(warnings.map((w) => w.id));
  const data = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const searching = navigation.state === 'loading' && navigation.location.pathname === '/glossary';
  const deleted = params.get('deleted');
  const confirmed = params.get('confirmed');
  return (
    <>
      <div className="toolbar">
        <h1>{t('glossary.title')}</h1>
        {canManage ? (
          <Link className="button" to="/glossary/new">
            {t('glossary.new')}
          </Link>
        ) : null}
      </div>
      <p className="intro">{t('glossary.intro')}</p>
      <ConceptWarnings warnings={warnings} canManage={canManage} />
      {deleted ? (
        <p className="notice" role="status">
          {t('glossary.deleted', { name: deleted })}
        </p>
      ) : null}
      {confirmed ? (
        <p className="notice" role="status">
          {t('glossary.proposals.confirmed')}{' '}
          <Link to={`/glossary/${confirmed}`}>{t('glossary.proposals.openConfirmed')}</Link>
        </p>
      ) : null}
      {params.get('rejected') ? (
        <p className="notice" role="status">
          {t('glossary.proposals.rejected')}
        </p>
      ) : null}
      <ProblemAlert data={data} message={(p) => t(`glossary.proposals.problems.${p}`)} />
      {canManage ? <GlossaryProposals proposals={proposals} /> : null}
      <Form method="get" className="filters" role="search" aria-label={t('glossary.searchForm')}>
        <div className="field grow">
          <label htmlFor="glossary-q">{t('glossary.search')}</label>
          <input id="glossary-q" type="search" name="q" defaultValue={q} maxLength={200} />
        </div>
        <FilterSelect
          id="glossary-source"
          name="source"
          label={t('glossary.source')}
          current={source}
          options={SOURCES.map((s) => ({ value: s, label: t(`glossary.sources.${s}`) }))}
        />
        <button type="submit" disabled={searching}>
          {searching ? t('common.loading') : t('glossary.apply')}
        </button>
      </Form>
      <p aria-live="polite">{t('glossary.count', { count: concepts.length, total })}</p>
      {concepts.length ? (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t('glossary.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('glossary.columns.de')}</th>
                <th scope="col">{t('glossary.columns.en')}</th>
                <th scope="col">{t('glossary.columns.both')}</th>
                <th scope="col">{t('glossary.source')}</th>
                {canManage ? (
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {concepts.map((c) => {
                const name = c.de[0] ?? c.en[0] ?? c.both[0] ?? c.key;
                return (
                  <tr key={c.id}>
                    <td>
                      <Terms terms={c.de} lang="de" />
                    </td>
                    <td>
                      <Terms terms={c.en} lang="en" />
                    </td>
                    <td>
                      <Terms terms={c.both} />
                    </td>
                    <td>
                      {t(`glossary.sources.${c.builtIn ? 'builtIn' : 'company'}`)}
                      {flagged.has(c.id) ? (
                        <>
                          {' '}
                          <span className="badge" data-tone="warn">
                            {t('glossary.health.rowFlag')}
                          </span>
                        </>
                      ) : null}
                    </td>
                    {canManage ? (
                      <td>
                        <Link
                          to={`/glossary/${c.id}`}
                          aria-label={t('glossary.editNamed', { name })}
                        >
                          {t('common.edit')}
                        </Link>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <div className="empty">
          <p>{q || source ? t('glossary.noneFound') : t('glossary.empty')}</p>
          {canManage ? <Link to="/glossary/new">{t('glossary.new')}</Link> : null}
        </div>
      )}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/components/error-boundary';
