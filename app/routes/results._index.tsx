import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ResultsFilters, ResultsTable } from '~/components/results-table';
import { parseResultsQuery, resultsQueryToSearch } from '~/domain/results/table-query';
import { mayWriteResults } from '~/models/results.server';
import { queryResultsTable, resultsTableFacets } from '~/models/results-table.server';
import { requirePermission } from '~/utils/auth.server';
import { pageTitle } from '~/utils/meta';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'results.table.title');

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'results:read');
  const query = parseResultsQuery(new URL(request.url).searchParams);
  const [table, facets, canWrite] = await Promise.all([
    queryResultsTable({ viewer: user, query }),
    resultsTableFacets({ viewer: user }),
    mayWriteResults(user),
  ]);
  return json({ ...table, query, facets, canWrite });
}

export default function ResultsIndex() {
  const { rows, metrics, query, facets, canWrite } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const search = resultsQueryToSearch(query);
  return (
    <>
      <div className="toolbar">
        <h1>{t('results.table.title')}</h1>
        <div className="inline">
          <Link className="button button-secondary" to="/results/workspace">
            {t('results.workspace.title')}
          </Link>
          {canWrite ? (
            <Link className="button" to="/results/import">
              {t('results.import.title')}
            </Link>
          ) : null}
        </div>
      </div>
      <p className="intro">{t('results.table.intro')}</p>
      <ResultsFilters query={query} facets={facets} />
      <section aria-labelledby="results-count">
        <div className="toolbar table-tools">
          <p id="results-count" role="status">
            {t('results.table.count', { count: rows.length })}
          </p>
          {rows.length ? (
            <a className="button button-secondary" href={`/results/export${search}`} download>
              {t('results.table.exportCsv')}
            </a>
          ) : null}
        </div>
        <ResultsTable rows={rows} metrics={metrics} query={query} />
      </section>
    </>
  );
}
