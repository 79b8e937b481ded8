import Papa from 'papaparse';
import { metricLabel } from '~/components/results-table';
import { isLocale } from '~/i18n';
import type { ObservationOutput, SubjectObservationOutput } from '~/models/output.server';
import { getFixedT, getLocale } from '~/utils/i18n.server';
import { invariantResponse } from '~/utils/misc';

/**
 * One metric's entries over their periods as the CSV download of its chart: headers and words in
 * the reader's language, ISO days, values with a dot as the decimal point, one row per period,
 * oldest first. Rows that say what they were measured for (the numbers beyond single pieces: the
 * whole workspace, a channel or an audience) lead with that, the channel and the audience, so
 * that no two series read as one.
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
  results:
    | { rows: readonly (ObservationOutput | SubjectObservationOutput)[] }
    | 'notFound'
    | 'withheld'
    | null;
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
  const withSubject = rows.some((o) => 'subject' in o);
  const measuredFor = {
    workspace: t('results.workspace.wholeWorkspace'),
    channel: t('strategy.kpi.channel'),
    audience: t('strategy.kpi.audience'),
  };
  const subjectOf = (o: ObservationOutput | SubjectObservationOutput) =>
    !withSubject
      ? []
      : 'subject' in o
        ? [measuredFor[o.subject], o.channel ? t(`channels.${o.channel}`) : '', o.audience ?? '']
        : ['', '', ''];
  const csv = Papa.unparse(
    {
      fields: [
        ...(withSubject
          ? [t('results.workspace.for'), t('strategy.kpi.channel'), t('strategy.kpi.audience')]
          : []),
        t('results.workspace.periodStart'),
        t('results.workspace.periodEnd'),
        metricLabel(t, metric),
        t('results.workspace.source'),
        t('results.workspace.note'),
      ],
      data: rows.map((o) => [
        ...subjectOf(o),
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
