import type { LoaderFunctionArgs } from '@remix-run/node';
import { workspaceResultsForOutput } from '~/models/output.server';
import { requirePermission } from '~/utils/auth.server';
import { metricOf, observationsCsv } from './__observations-csv.server';

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
  return observationsCsv({ request, metric, results, name: 'lotse-workspace' });
}
