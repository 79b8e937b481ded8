import Papa from 'papaparse';
import { metricLabel } from '~/components/results-table';
import { isLocale } from '~/i18n';
import type { ObservationOutput } from '~/models/output.server';
import { getFixedT, getLocale } from '~/utils/i18n.server';
import { invariantResponse } from '~/utils/misc';

/**
 * One metric's entries over their periods as the CSV download of its chart on a piece page's
 * Results section (the numbers beyond single pieces have their own, with subject columns): headers in the reader's language, ISO days, values
 * with a dot as the decimal point, one row per period, oldest first.
 */
export async function observationsCsv({
  request,
  metric,
  results,
  name,
}: {
  request: Request;
  /** the metric asked for (`metricOf`) */
  metric: string | null;
  /** the output gate's answer: null when the reader may not read them, `withheld` when a
   * disclosure rule keeps them in the house */
  results: { rows: readonly ObservationOutput[] } | 'notFound' | 'withheld' | null;
  /** the file's name before the metric (`lotse-workspace`) */
  name: string;
}) {
  // a refusal first, so that it gives nothing away about what exists
  invariantResponse(results, 'Forbidden', { status: 403 });
  invariantResponse(metric, 'Bad request', { status: 400 });
  invariantResponse(results !== 'withheld', 'Withheld by a disclosure rule', { status: 403 });
  invariantResponse(results !== 'notFound', 'Not found', { status: 404 });
  const { rows } = results;
  const locale = await getLocale(request);
  const t = await getFixedT(isLocale(locale) ? locale : 'en');
  const csv = Papa.unparse(
    {
      fields: [
        t('results.workspace.periodStart'),
        t('results.workspace.periodEnd'),
        metricLabel(t, metric),
        t('results.workspace.source'),
        t('results.workspace.note'),
      ],
      data: rows.map((o) => [
        o.periodStart,
        o.periodEnd,
        o.value,
        t(`results.workspace.sources.${o.source === 'import' ? 'import' : 'manual'}`),
        o.note,
      ]),
    },
    { escapeFormulae: true },
  );
  return new Response(`\uFEFF${csv}\r\n`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileSafe(name)}-${fileSafe(metric)}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}

/** The metric a chart's download asks for (`?metric=`), in the form its file name can carry. */
export function metricOf(request: Request): string | null {
  const metric = new URL(request.url).searchParams.get('metric')?.trim() ?? '';
  return metric && metric.length <= 200 ? metric : null;
}

/** A metric key as part of a file name: letters, digits, dashes and underscores only. */
const fileSafe = (metric: string) => metric.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60);
