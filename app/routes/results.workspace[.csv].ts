import type { LoaderFunctionArgs } from '@remix-run/node';
import { workspaceResultsForOutput } from '~/models/output.server';
import { requirePermission } from '~/utils/auth.server';
import { metricOf, observationsCsv } from './__observations-csv.server';

/** The figures of one chart of the workspace's numbers as CSV (`?metric=<key>`). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'results:read');
  const metric = metricOf(request);
  const results = await workspaceResultsForOutput({ viewer: user, metric: metric ?? '' });
  return observationsCsv({ request, metric, results, name: 'lotse-workspace' });
}
