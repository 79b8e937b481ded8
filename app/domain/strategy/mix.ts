import {
  coverageWindow,
  pursuedWithin,
  DEFAULT_COVERAGE_WEEKS,
  plannedWithin,
  type CoverageGoal,
  type CoveragePiece,
} from './coverage';
import { countsInPlan } from './workflow';

/**
 * Goal mix: does the plan serve the agreed goals in proportion to their weights? For the window
 * of the coverage check (the next weeks), each agreed goal's share of the planned pieces is set
 * against its share of the goals' total weight. A goal whose planned share lies more than
 * `MIX_TOLERANCE` percentage points below its wanted share is under-served; more than that above,
 * over-served.
 *
 * Counting: a piece linked to several agreed goals counts fractionally, 1/k for each of its k
 * agreed goals. A piece is one piece of work; counting it fully for every goal would let one
 * piece tagged with every goal make the whole plan look balanced, and the shares would no longer
 * add up to 100. Links to goals that are not agreed do not count (only agreed goals count in the
 * plan); a planned piece serving no agreed goal is reported as `unlinked` and stays out of the
 * shares.
 *
 * Weights: a goal's wanted share is its weight over the sum of the agreed goals' weights. A weight
 * that is not a positive number counts as 0; when no agreed goal has a positive weight, every
 * agreed goal is wanted equally (the weights then say nothing about priorities).
 */

/** How far (percentage points) a goal's planned share may stray from its wanted share. */
export const MIX_TOLERANCE = 15;
/** Fewer planned pieces than this (serving agreed goals) say too little to judge the mix. */
export const MIX_MIN_PIECES = 3;

export type MixVerdict = 'under' | 'over' | 'fits';

export type GoalMixRow = {
  goal: CoverageGoal;
  /** planned pieces serving the goal in the window; fractional for pieces serving several goals */
  planned: number;
  /** the goal's part of the planned pieces, in percent (0–100) */
  plannedShare: number;
  /** the goal's part of the agreed goals' total weight, in percent (0–100) */
  wantedShare: number;
  /** plannedShare − wantedShare, in percentage points */
  difference: number;
  /** under or over only when the mix is judged */
  verdict: MixVerdict;
};

export type GoalMix = {
  /** planned pieces in the window that serve at least one agreed goal */
  total: number;
  /** planned pieces in the window that serve no agreed goal */
  unlinked: number;
  /** false when too few pieces serve agreed goals to judge the mix (no goal is flagged then) */
  judged: boolean;
  /** agreed goals, heaviest wanted share first */
  rows: GoalMixRow[];
  under: GoalMixRow[];
  over: GoalMixRow[];
};

const positive = (n: number) => (Number.isFinite(n) && n > 0 ? n : 0);

/** The planned mix of pieces per agreed goal in the next weeks, against the goals' weights. */
export function goalMix({
  goals,
  pieces,
  now,
  weeks = DEFAULT_COVERAGE_WEEKS,
  tolerance = MIX_TOLERANCE,
  minPieces = MIX_MIN_PIECES,
}: {
  goals: readonly CoverageGoal[];
  pieces: readonly CoveragePiece[];
  now: Date;
  weeks?: number;
  tolerance?: number;
  minPieces?: number;
}): GoalMix {
  const { from, to } = coverageWindow(now, weeks);
  // goals pursued in the window only: an ended goal wants no share of the coming pieces
  const agreed = goals.filter((g) => countsInPlan(g) && pursuedWithin(g, from, to));
  const agreedIds = new Set(agreed.map((g) => g.id));
  const planned = new Map<string, number>();
  let total = 0;
  let unlinked = 0;
  for (const piece of pieces) {
    if (!plannedWithin(piece, from, to)) continue;
    const served = [...new Set(piece.goalIds)].filter((id) => agreedIds.has(id));
    if (served.length === 0) {
      unlinked++;
      continue;
    }
    total++;
    for (const id of served) planned.set(id, (planned.get(id) ?? 0) + 1 / served.length);
  }
  const weightSum = agreed.reduce((s, g) => s + positive(g.weight), 0);
  const wanted = (g: CoverageGoal) =>
    weightSum > 0 ? (positive(g.weight) / weightSum) * 100 : 100 / agreed.length;
  const judged = total >= minPieces;
  const rows = agreed
    .map((goal): GoalMixRow => {
      const count = planned.get(goal.id) ?? 0;
      const plannedShare = total > 0 ? (count / total) * 100 : 0;
      const wantedShare = wanted(goal);
      const difference = plannedShare - wantedShare;
      const verdict: MixVerdict = !judged
        ? 'fits'
        : difference < -tolerance
          ? 'under'
          : difference > tolerance
            ? 'over'
            : 'fits';
      return { goal, planned: count, plannedShare, wantedShare, difference, verdict };
    })
    .sort((a, b) => b.wantedShare - a.wantedShare || a.goal.title.localeCompare(b.goal.title));
  return {
    total,
    unlinked,
    judged,
    rows,
    under: rows.filter((r) => r.verdict === 'under'),
    over: rows.filter((r) => r.verdict === 'over'),
  };
}
