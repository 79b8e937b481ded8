import { aggregate, aggregationOf, type Observation } from './aggregate';
import { CHANNEL_MAIN_METRIC } from './wins';

/**
 * What pieces achieved, for the people whose knowledge fed them: each piece's value per metric
 * (aggregated by the metric's rule over all its observations), the channel's main metric first;
 * and a summary over pieces: per counted metric (summed ones: views, downloads, attendees) the
 * total. Shares, scores and rates are not added up over pieces.
 */
export type MetricValue = { metric: string; value: number };

export function pieceResults(channel: string, observations: readonly Observation[]): MetricValue[] {
  const metrics = [...new Set(observations.map((o) => o.metric))];
  const main = (CHANNEL_MAIN_METRIC as Readonly<Record<string, string>>)[channel];
  return metrics
    .map((metric) => ({
      metric,
      value: aggregate(
        metric,
        observations.filter((o) => o.metric === metric),
      ).value!,
    }))
    .sort(
      (a, b) =>
        Number(b.metric === main) - Number(a.metric === main) || a.metric.localeCompare(b.metric),
    );
}

export function impactSummary(pieces: readonly { results: readonly MetricValue[] }[]) {
  const totals = new Map<string, number>();
  let withResults = 0;
  for (const piece of pieces) {
    if (piece.results.length) withResults++;
    for (const r of piece.results) {
      const rule = aggregationOf(r.metric);
      if (rule !== 'sum' && rule !== 'sumOfLatest') continue;
      totals.set(r.metric, (totals.get(r.metric) ?? 0) + r.value);
    }
  }
  return {
    pieces: pieces.length,
    withResults,
    totals: [...totals.entries()]
      .map(([metric, value]) => ({ metric, value }))
      .sort((a, b) => b.value - a.value || a.metric.localeCompare(b.metric)),
  };
}
