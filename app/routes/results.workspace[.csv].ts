import type { LoaderFunctionArgs } from '@remix-run/node';
import Papa from 'papaparse';
import { metricLabel } from '~/components/results-table';
import { isLocale } from '~/i18n';
import { workspaceResultsForOutput } from '~/models/output.server';
import { requirePermission } from '~/utils/auth.server';
import { getFixedT, getLocale } from '~/utils/i18n.server';
import { invariantResponse } from '~/utils/misc';
import { metricOf } from './__observations-csv.server';

/**
 * The figures of one chart on /results/workspace as CSV (`?metric=<key>`): the metric's entries
 * of the whole workspace, each channel and each audience, one row per subject and period, each
 * saying what it was measured for (the whole workspace, a channel or an audience), which channel
 * and which audience, so that no two series read as one. Headers and words in the reader's
 * language, ISO days, values with a dot as the decimal point.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'results:read');
  const metric = metricOf(request);
  const results = await workspaceResultsForOutput({ viewer: user, metric: metric ?? '' });
  // a refusal first, so that it gives nothing away about what exists
  invariantResponse(results, 'Forbidden', { status: 403 });
  invariantResponse(metric, 'Bad request', { status: 400 });
  invariantResponse(results !== 'notFound', 'Not found', { status: 404 });
  const locale = await getLocale(request);
  const t = await getFixedT(isLocale(locale) ? locale : 'en');
  const measuredFor = {
    workspace: t('results.workspace.wholeWorkspace'),
    channel: t('strategy.kpi.channel'),
    audience: t('strategy.kpi.audience'),
  };
  const csv = Papa.unparse(
    {
      fields: [
        t('results.workspace.for'),
        t('strategy.kpi.channel'),
        t('strategy.kpi.audience'),
        t('results.workspace.periodStart'),
        t('results.workspace.periodEnd'),
        metricLabel(t, metric),
        t('results.workspace.source'),
        t('results.workspace.note'),
      ],
      data: results.rows.map((o) => [
        measuredFor[o.subject],
        o.channel ? t(`channels.${o.channel}`) : '',
        o.audience ?? '',
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
      'Content-Disposition': `attachment; filename="lotse-workspace-${fileSafe(metric)}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}

/** A metric key as part of a file name: letters, digits, dashes and underscores only. */
const fileSafe = (metric: string) => metric.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60);
