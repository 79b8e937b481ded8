import type { LoaderFunctionArgs } from '@remix-run/node';
import Papa from 'papaparse';
import { localDay } from '~/domain/calendar/grid';
import { parseResultsQuery } from '~/domain/results/table-query';
import { isLocale } from '~/i18n';
import { resultsForExport } from '~/models/output.server';
import { getWorkspace } from '~/models/workspace.server';
import { requirePermission } from '~/utils/auth.server';
import { getFixedT, getLocale } from '~/utils/i18n.server';

/**
 * The results table on screen (same filters and order) as CSV, in the reader's language: one
 * row per piece, one column per metric, numbers with a dot as the decimal point.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'results:read');
  const query = parseResultsQuery(new URL(request.url).searchParams);
  // through the output gate: a piece a disclosure rule blocks leaves neither title nor numbers
  const { rows, metrics } = await resultsForExport({ viewer: user, query });
  const { timeZone } = await getWorkspace();
  const locale = await getLocale(request);
  const t = await getFixedT(isLocale(locale) ? locale : 'en');
  const label = (metric: string) =>
    metric.startsWith('custom:') ? metric.slice('custom:'.length) : t(`strategy.metrics.${metric}`);
  const csv = Papa.unparse(
    {
      fields: [
        t('results.table.columns.title'),
        t('results.table.columns.channel'),
        t('results.table.columns.published'),
        ...metrics.map(label),
      ],
      data: rows.map((r) => [
        r.title,
        t(`channels.${r.channel}`),
        r.publishAt ? localDay(new Date(r.publishAt), timeZone) : '',
        ...metrics.map((m) => (r.values[m] === undefined ? '' : String(r.values[m]))),
      ]),
    },
    { escapeFormulae: true },
  );
  return new Response(`\uFEFF${csv}\r\n`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="lotse-results.csv"',
      'Cache-Control': 'no-store',
    },
  });
}
