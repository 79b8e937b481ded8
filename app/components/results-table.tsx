import { Form, Link, useNavigate } from '@remix-run/react';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS } from '~/domain/calendar/vocabulary';
import {
  resultsQueryToSearch,
  toggleResultsSort,
  type ResultsQuery,
  type ResultsRow,
} from '~/domain/results/table-query';
import { useFormat } from '~/utils/use-format';
import { SortIcon } from './labels';

/** A metric's name as people read it: the catalogue's label, or a custom metric's own name. */
export function metricLabel(t: (key: string) => string, metric: string): string {
  return metric.startsWith('custom:')
    ? metric.slice('custom:'.length)
    : t(`strategy.metrics.${metric}`);
}

type Option = { id: string; name: string };
export type ResultsFacets = {
  goals: { id: string; title: string }[];
  audiences: Option[];
  experts: Option[];
};

/** The table's filters: a GET form, so the view lives in the URL and works without JavaScript. */
export function ResultsFilters({ query, facets }: { query: ResultsQuery; facets: ResultsFacets }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const select = (
    name: 'channel' | 'goal' | 'audience' | 'expert',
    options: { value: string; label: string }[],
  ) => (
    <div className="field">
      <label htmlFor={`results-${name}`}>{t(`results.table.filter.${name}`)}</label>
      <select id={`results-${name}`} name={name} defaultValue={query[name]}>
        <option value="">{t('results.table.filter.all')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <Form
      method="get"
      className="filters"
      role="search"
      aria-label={t('results.table.filter.title')}
      key={JSON.stringify(query)}
      onSubmit={(event) => {
        // with JavaScript the address carries only the filters set (without, the form's own GET)
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const value = (name: string) => String(form.get(name) ?? '');
        const next = {
          ...query,
          channel: value('channel'),
          goal: value('goal'),
          audience: value('audience'),
          expert: value('expert'),
        };
        navigate(`/results${resultsQueryToSearch(next)}`, { preventScrollReset: true });
      }}
    >
      {select(
        'channel',
        CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) })),
      )}
      {select(
        'goal',
        facets.goals.map((g) => ({ value: g.id, label: g.title })),
      )}
      {select(
        'audience',
        facets.audiences.map((a) => ({ value: a.id, label: a.name })),
      )}
      {select(
        'expert',
        facets.experts.map((e) => ({ value: e.id, label: e.name })),
      )}
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
      <div className="inline">
        <button type="submit">{t('results.table.filter.apply')}</button>
        <Link to="/results" className="button button-secondary">
          {t('results.table.filter.reset')}
        </Link>
      </div>
    </Form>
  );
}

/**
 * The results across pieces (@tanstack/react-table): one column per metric present; the server
 * filters and sorts by the query in the URL; every column sorts.
 */
export function ResultsTable({
  rows,
  metrics,
  query,
}: {
  rows: ResultsRow[];
  metrics: string[];
  query: ResultsQuery;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const go = (next: ResultsQuery) =>
    navigate(`/results${resultsQueryToSearch(next)}`, { preventScrollReset: true });

  const columns = useMemo<ColumnDef<ResultsRow>[]>(
    () => [
      {
        id: 'title',
        header: t('results.table.columns.title'),
        cell: ({ row }) => <Link to={`/calendar/${row.original.id}`}>{row.original.title}</Link>,
      },
      {
        id: 'channel',
        header: t('results.table.columns.channel'),
        cell: ({ row }) => t(`channels.${row.original.channel}`),
      },
      {
        id: 'published',
        header: t('results.table.columns.published'),
        cell: ({ row }) => (row.original.publishAt ? f.dateTime(row.original.publishAt) : '–'),
      },
      ...metrics.map<ColumnDef<ResultsRow>>((metric) => ({
        id: metric,
        header: metricLabel(t, metric),
        cell: ({ row }) => {
          const value = row.original.values[metric];
          return value === undefined ? (
            <>
              <span aria-hidden="true">–</span>
              <span className="visually-hidden">{t('results.table.noValue')}</span>
            </>
          ) : (
            f.number(Math.round(value * 100) / 100)
          );
        },
      })),
    ],
    [t, f, metrics],
  );

  const table = useReactTable({
    data: rows,
    columns,
    getRowId: (row) => row.id,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualFiltering: true,
  });

  if (!rows.length) return <p className="empty">{t('results.table.empty')}</p>;
  return (
    <div className="table-scroll">
      <table className="results-table">
        <caption className="visually-hidden">{t('results.table.caption')}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const id = header.column.id;
                const sorted = query.sort === id ? query.dir : null;
                const numeric = id !== 'title' && id !== 'channel' && id !== 'published';
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className={numeric ? 'numeric' : undefined}
                    aria-sort={sorted ? (sorted === 'asc' ? 'ascending' : 'descending') : 'none'}
                  >
                    <button
                      type="button"
                      className="sort"
                      onClick={() => go(toggleResultsSort(query, id))}
                    >
                      {flexRender(header.column.columnDef.header, header.getContext())}
                      <SortIcon direction={sorted} />
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id}>
              {row.getVisibleCells().map((cell) => {
                const id = cell.column.id;
                const numeric = id !== 'title' && id !== 'channel' && id !== 'published';
                return id === 'title' ? (
                  <th key={cell.id} scope="row">
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </th>
                ) : (
                  <td key={cell.id} className={numeric ? 'numeric' : undefined}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
