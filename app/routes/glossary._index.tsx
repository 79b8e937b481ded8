import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FilterSelect } from '~/components/filter-select';
import { can } from '~/domain/permissions';
import { listGlossary } from '~/models/glossary.server';
import { requirePermission } from '~/utils/auth.server';
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
  const { concepts, total } = await listGlossary({ q, source });
  return json({
    concepts,
    total,
    q,
    source: source === 'all' ? '' : source,
    canManage: can(user.roles, 'glossary:manage'),
  });
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
  const { concepts, total, q, source, canManage } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const searching = navigation.state === 'loading' && navigation.location.pathname === '/glossary';
  const deleted = params.get('deleted');
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
      {deleted ? (
        <p className="notice" role="status">
          {t('glossary.deleted', { name: deleted })}
        </p>
      ) : null}
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
                    <td>{t(`glossary.sources.${c.builtIn ? 'builtIn' : 'company'}`)}</td>
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
