import type { Channel } from '../calendar/vocabulary';
import { aggregate, median, targetReached, type Observation } from './aggregate';
import { daysBetween } from './dates';

/**
 * Early wins: successes worth reporting at once, not only in the half-yearly review.
 *
 * - `kpiReached`: a KPI reached its target (before or on its target date).
 * - `aboveMedian`: a piece did better than the median of its channel's pieces on the channel's
 *   main metric (at least MIN_PIECES_FOR_MEDIAN pieces with results, so that a median means
 *   something; for "less is better" metrics no channel has one).
 * - `firstResults`: a channel's first results arrived within the last FIRST_RESULTS_DAYS days.
 */

export const MIN_PIECES_FOR_MEDIAN = 3;
export const FIRST_RESULTS_DAYS = 30;

/** The metric that says how a channel's piece did. */
export const CHANNEL_MAIN_METRIC: Readonly<Record<Channel, string>> = {
  blog: 'page_views',
  podcast: 'podcast_downloads_30d',
  webinar: 'webinar_attendees',
  whitepaper: 'whitepaper_downloads',
};

export type Win =
  | { kind: 'kpiReached'; kpiId: string; actual: number; target: number; targetDate: string }
  | {
      kind: 'aboveMedian';
      pieceId: string;
      channel: string;
      metric: string;
      value: number;
      median: number;
    }
  | { kind: 'firstResults'; channel: string; since: string };

/** KPIs at their target (actual values as computed by kpiActual), on or before the target date. */
export function kpiWins(
  kpis: readonly {
    id: string;
    /** the observation metric (a "less is better" total is never reached early: targetReached) */
    metric?: string;
    direction: 'more' | 'less';
    target: number;
    targetDate: string;
    actual: number | null;
  }[],
  today: string,
): Win[] {
  return kpis.flatMap((k) =>
    k.actual !== null && today <= k.targetDate && targetReached(k, k.actual, today)
      ? [
          {
            kind: 'kpiReached' as const,
            kpiId: k.id,
            actual: k.actual,
            target: k.target,
            targetDate: k.targetDate,
          },
        ]
      : [],
  );
}

/** Pieces above their channel's median on the channel's main metric. */
export function pieceWins(observations: readonly Observation[]): Win[] {
  const wins: Win[] = [];
  for (const [channel, metric] of Object.entries(CHANNEL_MAIN_METRIC)) {
    const perPiece = new Map<string, Observation[]>();
    for (const o of observations) {
      if (o.subject !== 'piece' || !o.pieceId || o.metric !== metric) continue;
      if (o.piece?.channel !== channel) continue;
      perPiece.set(o.pieceId, [...(perPiece.get(o.pieceId) ?? []), o]);
    }
    if (perPiece.size < MIN_PIECES_FOR_MEDIAN) continue;
    const values = [...perPiece.entries()].map(([pieceId, list]) => ({
      pieceId,
      value: aggregate(metric, list).value ?? 0,
    }));
    const mid = median(values.map((v) => v.value))!;
    for (const v of values)
      if (v.value > mid)
        wins.push({
          kind: 'aboveMedian',
          pieceId: v.pieceId,
          channel,
          metric,
          value: v.value,
          median: mid,
        });
  }
  return wins.sort((a, b) =>
    a.kind === 'aboveMedian' && b.kind === 'aboveMedian'
      ? b.value / b.median - a.value / a.median
      : 0,
  );
}

/** Channels whose first results (of their pieces or the channel) came in the last days. */
export function firstResultWins(observations: readonly Observation[], today: string): Win[] {
  const first = new Map<string, string>();
  for (const o of observations) {
    const channel =
      o.subject === 'channel' ? o.channel : o.subject === 'piece' ? o.piece?.channel : null;
    if (!channel) continue;
    const had = first.get(channel);
    if (!had || o.periodEnd < had) first.set(channel, o.periodEnd);
  }
  const wins: Win[] = [];
  for (const [channel, since] of first) {
    const age = daysBetween(since, today);
    if (age >= 0 && age <= FIRST_RESULTS_DAYS) wins.push({ kind: 'firstResults', channel, since });
  }
  return wins.sort((a, b) =>
    a.kind === 'firstResults' && b.kind === 'firstResults' ? a.channel.localeCompare(b.channel) : 0,
  );
}
