import type { LoaderFunctionArgs } from '@remix-run/node';
import Papa from 'papaparse';
import { localDay } from '~/domain/calendar/grid';
import { isLocale } from '~/i18n';
import { kpiResultsForOutput } from '~/models/output.server';
import { getWorkspace } from '~/models/workspace.server';
import { requirePermission } from '~/utils/auth.server';
import { getFixedT, getLocale } from '~/utils/i18n.server';
import { invariantResponse } from '~/utils/misc';

const CHARTS = ['progress', 'trend', 'pieces'] as const;
type Chart = (typeof CHARTS)[number];
const isChart = (value: string | null): value is Chart =>
  value !== null && (CHARTS as readonly string[]).includes(value);

/**
 * The figures of one chart of a goal page's results as CSV (`?kpi=<id>&chart=progress|trend|
 * pieces`), headers in the reader's language, values as plain numbers and ISO days. Pieces a
 * disclosure rule blocks are left out of the pieces' file.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'strategy:read');
  const search = new URL(request.url).searchParams;
  const chart = search.get('chart');
  const kpiId = search.get('kpi') ?? '';
  const { timeZone } = await getWorkspace();
  // null: the reader may not see results (asked first, so a refusal gives nothing away)
  const results = await kpiResultsForOutput({
    viewer: user,
    goalId: params.goalId ?? '',
    kpiId,
    today: localDay(new Date(), timeZone),
  });
  invariantResponse(results, 'Forbidden', { status: 403 });
  invariantResponse(isChart(chart) && kpiId, 'Bad request', { status: 400 });
  invariantResponse(results !== 'notFound', 'Not found', { status: 404 });
  const locale = await getLocale(request);
  const t = await getFixedT(isLocale(locale) ? locale : 'en');
  const { kpi } = results;
  const metric =
    kpi.metric === 'custom' && kpi.customLabel
      ? kpi.customLabel
      : t(`strategy.metrics.${kpi.metric}`);
  const table: { fields: string[]; data: (string | number)[][] } =
    chart === 'progress'
      ? {
          fields: [t('strategy.results.row'), t('strategy.results.value')],
          data: [
            ...(kpi.baseline !== null ? [[t('strategy.kpi.baseline'), kpi.baseline]] : []),
            [t('strategy.results.actual'), kpi.actual ?? ''],
            [t('strategy.kpi.target'), kpi.target],
            [t('strategy.kpi.targetDate'), kpi.targetDate],
            [
              t('strategy.results.statusColumn'),
              t(`strategy.results.statusWord.${kpi.progress.status}`),
            ],
          ],
        }
      : chart === 'trend'
        ? {
            fields: [t('strategy.results.day'), metric, t('strategy.kpi.target')],
            data: kpi.trend.map((p) => [p.day, p.value, kpi.target]),
          }
        : {
            fields: [t('strategy.results.piece'), t('strategy.results.channel'), metric],
            data: kpi.contributors.map((c) => [c.title, t(`channels.${c.channel}`), c.value]),
          };
  const csv = Papa.unparse(table, { escapeFormulae: true });
  return new Response(`\uFEFF${csv}\r\n`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="lotse-kpi-${chart}-${kpi.id}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
