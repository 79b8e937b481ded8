import type { LoaderFunctionArgs } from '@remix-run/node';
import { pieceResultsForOutput } from '~/models/output.server';
import { requirePermission } from '~/utils/auth.server';
import { metricOf, observationsCsv } from './__observations-csv.server';

/**
 * The figures of one chart of a published piece's Results section as CSV (`?metric=<key>`), for
 * those who read the piece's results (experts: the pieces they contribute to). A piece a
 * disclosure rule blocks gives no file.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'calendar:read');
  const metric = metricOf(request);
  const pieceId = params.pieceId ?? '';
  const results = await pieceResultsForOutput({ viewer: user, pieceId, metric: metric ?? '' });
  return observationsCsv({ request, metric, results, name: `lotse-piece-${pieceId}` });
}
