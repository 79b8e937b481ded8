import type { KpiDirection, KpiScope } from '../strategy/vocabulary';
import { daysBetween } from './dates';

/**
 * From observations to a KPI's actual value, its progress against the target, and early wins.
 *
 * How each metric is aggregated over a KPI's period:
 *
 * | metric                                                         | aggregation  |
 * |----------------------------------------------------------------|--------------|
 * | page_views, visitors, referral_visits, webinar_registrations,  | sum          |
 * | webinar_attendees, whitepaper_downloads, leads, mentions,      |              |
 * | support_tickets                                                |              |
 * | podcast_downloads_7d, podcast_downloads_30d                    | sumOfLatest  |
 * | tonality, engagement                                           | average      |
 * | nps, repurchase_rate, custom:…                                 | latest       |
 *
 * - sum: counts per period add up. An observation repeated for the same subject and period (the
 *   same export imported twice) counts once, the newest.
 * - sumOfLatest: the value is a snapshot per subject (an episode's downloads 30 days after
 *   publication): the latest per subject, added up over the subjects.
 * - average: shares over periods: the mean of the observations.
 * - latest: a state of the whole (a score, a rate): the observation with the latest period end.
 *
 * Which observations count: those whose period lies inside the window, about the KPI's scope.
 * A KPI about the workspace reads workspace observations, a KPI about a channel that channel's,
 * one about an audience that audience's; when there are none in the window, it reads the
 * observations of the pieces in its scope (all pieces; the channel's pieces; the pieces for the
 * audience). Totals a tool reports for the whole scope thus win over adding up pieces, and
 * nothing is counted twice.
 */

export type Aggregation = 'sum' | 'sumOfLatest' | 'average' | 'latest';

export const METRIC_AGGREGATION: Readonly<Record<string, Aggregation>> = {
  page_views: 'sum',
  visitors: 'sum',
  referral_visits: 'sum',
  webinar_registrations: 'sum',
  webinar_attendees: 'sum',
  whitepaper_downloads: 'sum',
  leads: 'sum',
  mentions: 'sum',
  support_tickets: 'sum',
  podcast_downloads_7d: 'sumOfLatest',
  podcast_downloads_30d: 'sumOfLatest',
  tonality: 'average',
  engagement: 'average',
  nps: 'latest',
  repurchase_rate: 'latest',
};

export function aggregationOf(metric: string): Aggregation {
  return Object.hasOwn(METRIC_AGGREGATION, metric) ? METRIC_AGGREGATION[metric]! : 'latest';
}

export type Observation = {
  id: string;
  metric: string;
  value: number;
  periodStart: string;
  periodEnd: string;
  subject: 'piece' | 'channel' | 'audience' | 'workspace';
  pieceId: string | null;
  channel: string | null;
  audienceId: string | null;
  /** when it was recorded (ISO instant), to prefer the newest of duplicates */
  createdAt: string;
  /** for piece observations: the piece's channel and audiences */
  piece?: { channel: string; audienceIds: readonly string[] } | null;
};

export type KpiForResults = {
  id: string;
  /** the observation metric (see kpiObservationMetric) */
  metric: string;
  scope: KpiScope;
  channel: string | null;
  audienceId: string | null;
  direction: KpiDirection;
  baseline: number | null;
  target: number;
  targetDate: string;
};

export type Window = { from: string; to: string };

export type KpiActual = {
  actual: number | null;
  /** scope: totals reported for the scope; pieces: added up from pieces; none: no data */
  basis: 'scope' | 'pieces' | 'none';
  observations: number;
  /** each piece's share (for sum and sumOfLatest), largest first */
  contributors: { pieceId: string; value: number }[];
};

function inScope(kpi: KpiForResults, o: Observation): 'scope' | 'piece' | null {
  if (o.metric !== kpi.metric) return null;
  if (o.subject === 'piece') {
    if (!o.piece) return kpi.scope === 'workspace' ? 'piece' : null;
    if (kpi.scope === 'workspace') return 'piece';
    if (kpi.scope === 'channel') return o.piece.channel === kpi.channel ? 'piece' : null;
    return kpi.audienceId && o.piece.audienceIds.includes(kpi.audienceId) ? 'piece' : null;
  }
  if (kpi.scope === 'workspace') return o.subject === 'workspace' ? 'scope' : null;
  if (kpi.scope === 'channel')
    return o.subject === 'channel' && o.channel === kpi.channel ? 'scope' : null;
  return o.subject === 'audience' && o.audienceId === kpi.audienceId ? 'scope' : null;
}

const subjectKey = (o: Observation) =>
  o.subject === 'piece'
    ? `p:${o.pieceId}`
    : o.subject === 'channel'
      ? `c:${o.channel}`
      : o.subject === 'audience'
        ? `a:${o.audienceId}`
        : 'w';

const newer = (a: Observation, b: Observation) =>
  a.periodEnd !== b.periodEnd ? a.periodEnd > b.periodEnd : a.createdAt > b.createdAt;

/** Aggregates one metric's observations by the metric's rule (see the table above). */
export function aggregate(
  metric: string,
  observations: readonly Observation[],
): { value: number | null; perSubject: Map<string, number> } {
  const perSubject = new Map<string, number>();
  if (!observations.length) return { value: null, perSubject };
  const rule = aggregationOf(metric);
  if (rule === 'average') {
    const sum = observations.reduce((s, o) => s + o.value, 0);
    return { value: sum / observations.length, perSubject };
  }
  if (rule === 'latest') {
    const latest = observations.reduce((a, b) => (newer(b, a) ? b : a));
    return { value: latest.value, perSubject };
  }
  const kept = new Map<string, Observation>();
  for (const o of observations) {
    const key = rule === 'sum' ? `${subjectKey(o)}|${o.periodStart}|${o.periodEnd}` : subjectKey(o);
    const had = kept.get(key);
    if (!had || newer(o, had)) kept.set(key, o);
  }
  let total = 0;
  for (const o of kept.values()) {
    total += o.value;
    const key = subjectKey(o);
    perSubject.set(key, (perSubject.get(key) ?? 0) + o.value);
  }
  return { value: total, perSubject };
}

/** A KPI's actual value over a window (its period, a review's half-year). */
export function kpiActual(
  kpi: KpiForResults,
  observations: readonly Observation[],
  window: Window,
): KpiActual {
  const inWindow = observations.filter(
    (o) => o.periodStart >= window.from && o.periodEnd <= window.to,
  );
  const scope: Observation[] = [];
  const pieces: Observation[] = [];
  for (const o of inWindow) {
    const where = inScope(kpi, o);
    if (where === 'scope') scope.push(o);
    else if (where === 'piece') pieces.push(o);
  }
  const used = scope.length ? scope : pieces;
  if (!used.length) return { actual: null, basis: 'none', observations: 0, contributors: [] };
  const { value, perSubject } = aggregate(kpi.metric, used);
  const contributors = scope.length
    ? []
    : [...perSubject.entries()]
        .filter(([key]) => key.startsWith('p:'))
        .map(([key, v]) => ({ pieceId: key.slice(2), value: v }))
        .sort((a, b) => b.value - a.value || a.pieceId.localeCompare(b.pieceId));
  return {
    actual: value,
    basis: scope.length ? 'scope' : 'pieces',
    observations: used.length,
    contributors,
  };
}

export type Progress = {
  /** how far from the baseline towards the target (0 at the baseline, 1 at the target; may
   * exceed 1 or fall below 0) */
  share: number | null;
  reached: boolean;
  /** reached; onTrack / behind: compared with the share of the time gone by (when a start and
   * today are given); noData: no actual value yet */
  status: 'reached' | 'onTrack' | 'behind' | 'noData';
};

/** Whether a metric's values add up over a period (a total: page views, support tickets). */
export function isTotal(metric: string): boolean {
  const rule = aggregationOf(metric);
  return rule === 'sum' || rule === 'sumOfLatest';
}

type TargetOf = Pick<KpiForResults, 'direction' | 'target' | 'targetDate'> & { metric?: string };

/**
 * Whether a KPI is at its target. A total that is to stay below its target ("at most 1,400
 * support tickets") keeps growing until its period ends, so it is reached only then (`today` on
 * or after the target date), never early; every other KPI as soon as its value gets there.
 */
export function targetReached(kpi: TargetOf, actual: number, today?: string): boolean {
  if (kpi.direction === 'more') return actual >= kpi.target;
  if (actual > kpi.target) return false;
  if (kpi.metric !== undefined && isTotal(kpi.metric))
    return today !== undefined && today >= kpi.targetDate;
  return true;
}

/**
 * Progress against the target, by direction. The baseline is where the KPI started (0 when a
 * "more is better" KPI has none); a "less is better" KPI without a baseline has no share, only
 * whether it is reached. A "less is better" total (see targetReached) is judged before its
 * target date by where it is heading: its value so far, carried forward over the whole period
 * at the same pace; it is behind as soon as it passes the target.
 */
export function kpiProgress(
  kpi: Pick<KpiForResults, 'direction' | 'baseline' | 'target' | 'targetDate'> & {
    metric?: string;
  },
  actual: number | null,
  time?: { start: string; today: string },
): Progress {
  if (actual === null) return { share: null, reached: false, status: 'noData' };
  const more = kpi.direction === 'more';
  const reached = targetReached(kpi, actual, time?.today);
  const total = time ? daysBetween(time.start, kpi.targetDate) : 0;
  const gone = time
    ? Math.min(Math.max(daysBetween(time.start, time.today), 0), Math.max(total, 0))
    : 0;
  const timeShare = total > 0 ? gone / total : 1;
  const lowTotal = !more && kpi.metric !== undefined && isTotal(kpi.metric);
  const paced =
    lowTotal &&
    !reached &&
    actual <= kpi.target &&
    time !== undefined &&
    time.today < kpi.targetDate;
  // the value the period is heading for (the value itself, unless a total is still growing)
  const heading = paced && timeShare > 0 ? actual / timeShare : actual;
  const base = kpi.baseline ?? (more ? 0 : null);
  let share: number | null = null;
  if (base !== null) {
    const span = kpi.target - base;
    share = span === 0 ? (reached ? 1 : 0) : (heading - base) / span;
  }
  if (reached) return { share, reached, status: 'reached' };
  // a total past the target can only grow further
  if (lowTotal && actual > kpi.target) return { share, reached, status: 'behind' };
  if (paced) return { share, reached, status: heading <= kpi.target ? 'onTrack' : 'behind' };
  if (!time || share === null) return { share, reached, status: 'behind' };
  return { share, reached, status: share >= timeShare ? 'onTrack' : 'behind' };
}

/** The median of some numbers (null for none). */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
