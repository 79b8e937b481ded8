import { CHANNELS, type Channel } from '../calendar/vocabulary';
import {
  aggregate,
  kpiActual,
  kpiProgress,
  median,
  type KpiForResults,
  type Observation,
} from '../results/aggregate';
import { CHANNEL_MAIN_METRIC } from '../results/wins';
import type { KpiDirection } from './vocabulary';
import { addMonthsToDay, isIsoDay, nextReviewDay } from './review';

/**
 * The strategy review: when one is due, and the snapshot it is opened with.
 *
 * A review is due once the next review day (the cadence after the last review; before the first
 * review, after the start of the earliest agreed goal) has come and no review exists for that
 * day. Lotse does not open it by itself: the owner or management open it ("Open the review"),
 * and until then the reviews page and the reminder say it is due. The snapshot covers the
 * period from the last review (or the cadence before the due day) up to the day it is opened,
 * and is stored as it was computed: results entered later do not change it.
 */

export const REVIEW_STATUSES = ['open', 'signed_off'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const DECISION_KINDS = ['goal', 'kpi_target', 'channel_plan', 'audience'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const MAX_REVIEW_TEXT = 4000;

/** The review due on a day, if one is: its due day and the period it covers. */
export function dueReview({
  lastReviewOn,
  cadenceMonths,
  since,
  today,
  existingDueDays,
}: {
  lastReviewOn: string | null;
  cadenceMonths: number;
  /** the start of the earliest agreed goal, for the first review */
  since: string | null;
  today: string;
  existingDueDays: readonly string[];
}): { dueOn: string; periodStart: string; periodEnd: string } | null {
  const dueOn = nextReviewDay({ lastReviewOn, cadenceMonths, since });
  if (!dueOn || dueOn > today || existingDueDays.includes(dueOn)) return null;
  const periodStart = isIsoDay(lastReviewOn)
    ? lastReviewOn
    : isIsoDay(since)
      ? since
      : addMonthsToDay(dueOn, -cadenceMonths);
  return { dueOn, periodStart, periodEnd: today };
}

/**
 * Whether a review period starting on `periodStart` overlaps a signed off review that ended on
 * `signedOffUntil` (null: none was signed off). Two reviews may share their boundary day (one
 * ends the day the next begins), no more: a period already signed off is not reviewed again.
 */
export function overlapsSignedOff(periodStart: string, signedOffUntil: string | null): boolean {
  return signedOffUntil !== null && periodStart < signedOffUntil;
}

/** Why a review refuses a write: signed off reviews are frozen. */
export function reviewWriteProblem(review: { status: string }): 'signedOff' | null {
  return review.status === 'open' ? null : 'signedOff';
}

export type SnapshotKpi = {
  kpiId: string;
  goalId: string;
  metric: string;
  customLabel: string | null;
  unit: string;
  direction: KpiDirection;
  baseline: number | null;
  target: number;
  targetDate: string;
  actual: number | null;
  share: number | null;
  reached: boolean;
  status: 'reached' | 'onTrack' | 'behind' | 'noData';
};

export type SnapshotPiece = {
  pieceId: string;
  title: string;
  channel: string;
  metric: string;
  value: number;
  /** the value against the median of the channel's pieces in the period (1 = the median) */
  relative: number;
};

export type ReviewSnapshot = {
  period: { from: string; to: string };
  goals: {
    goalId: string;
    title: string;
    kpis: SnapshotKpi[];
    /** the pieces of the period serving the goal, best first (at most three) */
    best: SnapshotPiece[];
    /** the weakest (at most three, weakest first) of those not among the best */
    weakest: SnapshotPiece[];
    published: number;
  }[];
  /** agreed goals no piece served in the period; channels nothing was published on */
  gaps: { goals: { goalId: string; title: string }[]; channels: string[] };
  /** needs no piece of the period answered */
  unservedNeeds: { needId: string; text: string; audience: string }[];
  /** pieces published in the period */
  published: number;
};

export type SnapshotInput = {
  period: { from: string; to: string };
  goals: {
    id: string;
    title: string;
    periodStart: string;
    kpis: (KpiForResults & { goalId: string; customLabel: string | null; unit: string })[];
  }[];
  /** the pieces published in the period */
  pieces: {
    id: string;
    title: string;
    channel: string;
    goalIds: readonly string[];
    needIds: readonly string[];
  }[];
  needs: { id: string; text: string; audience: string }[];
  observations: readonly Observation[];
};

const PIECES_SHOWN = 3;

/** The snapshot a review is opened with (pure: same input, same snapshot). */
export function buildReviewSnapshot(input: SnapshotInput): ReviewSnapshot {
  const { period } = input;
  const inPeriod = input.observations.filter(
    (o) => o.periodStart >= period.from && o.periodEnd <= period.to,
  );
  // each piece's main metric over the period, and the channel medians it is measured against
  const pieceValue = new Map<string, { metric: string; value: number }>();
  for (const piece of input.pieces) {
    const metric = CHANNEL_MAIN_METRIC[piece.channel as Channel];
    if (!metric) continue;
    const own = inPeriod.filter(
      (o) => o.subject === 'piece' && o.pieceId === piece.id && o.metric === metric,
    );
    const { value } = aggregate(metric, own);
    if (value !== null) pieceValue.set(piece.id, { metric, value });
  }
  const medians = new Map<string, number>();
  for (const channel of CHANNELS) {
    const values = input.pieces
      .filter((p) => p.channel === channel)
      .flatMap((p) => (pieceValue.has(p.id) ? [pieceValue.get(p.id)!.value] : []));
    const m = median(values);
    if (m !== null) medians.set(channel, m);
  }
  const rated = (ids: Set<string>): SnapshotPiece[] =>
    input.pieces
      .filter((p) => ids.has(p.id) && pieceValue.has(p.id))
      .map((p) => {
        const { metric, value } = pieceValue.get(p.id)!;
        const m = medians.get(p.channel) ?? 0;
        return {
          pieceId: p.id,
          title: p.title,
          channel: p.channel,
          metric,
          value,
          relative: m > 0 ? Math.round((value / m) * 100) / 100 : 1,
        };
      })
      .sort((a, b) => b.relative - a.relative || a.title.localeCompare(b.title));

  const goals = input.goals.map((goal) => {
    const kpis = goal.kpis.map((kpi): SnapshotKpi => {
      const actual = kpiActual(kpi, inPeriod, period);
      const progress = kpiProgress(kpi, actual.actual, { start: period.from, today: period.to });
      return {
        kpiId: kpi.id,
        goalId: goal.id,
        metric: kpi.metric,
        customLabel: kpi.customLabel,
        unit: kpi.unit,
        direction: kpi.direction,
        baseline: kpi.baseline,
        target: kpi.target,
        targetDate: kpi.targetDate,
        actual: actual.actual,
        share: progress.share === null ? null : Math.round(progress.share * 1000) / 1000,
        reached: progress.reached,
        status: progress.status,
      };
    });
    const serving = input.pieces.filter((p) => p.goalIds.includes(goal.id));
    const ranked = rated(new Set(serving.map((p) => p.id)));
    return {
      goalId: goal.id,
      title: goal.title,
      kpis,
      best: ranked.slice(0, PIECES_SHOWN),
      // a piece named among the best is not named among the weakest as well
      weakest: ranked.slice(PIECES_SHOWN).slice(-PIECES_SHOWN).reverse(),
      published: serving.length,
    };
  });

  const served = new Set(input.pieces.flatMap((p) => p.needIds));
  const channelsUsed = new Set(input.pieces.map((p) => p.channel));
  return {
    period,
    goals,
    gaps: {
      goals: goals
        .filter((g) => g.published === 0)
        .map((g) => ({ goalId: g.goalId, title: g.title })),
      channels: CHANNELS.filter((c) => !channelsUsed.has(c)),
    },
    unservedNeeds: input.needs
      .filter((n) => !served.has(n.id))
      .map((n) => ({ needId: n.id, text: n.text, audience: n.audience })),
    published: input.pieces.length,
  };
}

/** The stored snapshot read back (null when it is not one). */
export function parseSnapshot(json: string): ReviewSnapshot | null {
  try {
    const value = JSON.parse(json) as ReviewSnapshot;
    return value && typeof value === 'object' && Array.isArray(value.goals) ? value : null;
  } catch {
    return null;
  }
}
