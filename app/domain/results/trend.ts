import { kpiActual, type KpiForResults, type Observation, type Window } from './aggregate';

/**
 * A KPI's trend: its actual value as it stood at the end of each period results came in for,
 * computed by the same rule as the actual value itself (kpiActual over the KPI's window up to
 * that day). For a summed metric the line climbs as results add up; for a score it follows the
 * latest value; for a share it follows the running average. The target is drawn beside it.
 */
export type TrendPoint = { day: string; value: number };

export function kpiTrend(
  kpi: KpiForResults,
  observations: readonly Observation[],
  window: Window,
): TrendPoint[] {
  const days = [
    ...new Set(
      observations
        .filter(
          (o) =>
            o.metric === kpi.metric && o.periodStart >= window.from && o.periodEnd <= window.to,
        )
        .map((o) => o.periodEnd),
    ),
  ].sort();
  const points: TrendPoint[] = [];
  for (const day of days) {
    const { actual } = kpiActual(kpi, observations, { from: window.from, to: day });
    if (actual !== null) points.push({ day, value: actual });
  }
  return points;
}
