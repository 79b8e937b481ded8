import { countsInPlan } from './workflow';

/**
 * Goal coverage: does the plan serve every agreed goal soon? An agreed goal with no planned piece
 * in the next weeks is flagged, so the plan can be corrected before the goal is forgotten.
 */

/** Piece statuses that count as planned (an idea is not yet a plan; cancelled is none). */
export const PLANNED_STATUSES = [
  'planned',
  'in_production',
  'in_review',
  'approved',
  'scheduled',
  'published',
] as const;

export const DEFAULT_COVERAGE_WEEKS = 6;

export type CoverageGoal = {
  id: string;
  title: string;
  status: string;
  weight: number;
  /** the days the goal is pursued in (YYYY-MM-DD, both included); without them, always */
  periodStart?: string;
  periodEnd?: string;
};
export type CoveragePiece = {
  status: string;
  publishAt: Date | string | null;
  goalIds: readonly string[];
};

export type GoalCoverage = {
  goal: CoverageGoal;
  /** planned pieces serving the goal that are published within the window */
  planned: number;
  covered: boolean;
};

/** The window of the coverage check: from `now` for `weeks` weeks. */
export function coverageWindow(now: Date, weeks = DEFAULT_COVERAGE_WEEKS) {
  return { from: now, to: new Date(now.getTime() + weeks * 7 * 24 * 3600 * 1000) };
}

/** Whether a piece is planned for publication inside the window. */
export function plannedWithin(piece: CoveragePiece, from: Date, to: Date): boolean {
  if (!piece.publishAt || !(PLANNED_STATUSES as readonly string[]).includes(piece.status))
    return false;
  const at = new Date(piece.publishAt).getTime();
  return at >= from.getTime() && at < to.getTime();
}

/**
 * Whether the goal is pursued at some time in the window: its period overlaps it. A goal whose
 * period has ended, or has not begun by the window's end, asks nothing of this plan. Days are
 * compared as calendar days of the window's instants in UTC (a day's difference at most).
 */
export function pursuedWithin(goal: CoverageGoal, from: Date, to: Date): boolean {
  const first = from.toISOString().slice(0, 10);
  const last = new Date(to.getTime() - 1).toISOString().slice(0, 10);
  return (
    (!goal.periodEnd || goal.periodEnd >= first) && (!goal.periodStart || goal.periodStart <= last)
  );
}

/**
 * Every agreed goal pursued in the window with the number of planned pieces serving it in the window; uncovered goals
 * first, then by weight (heavier goals matter more).
 */
export function goalCoverage({
  goals,
  pieces,
  now,
  weeks = DEFAULT_COVERAGE_WEEKS,
}: {
  goals: readonly CoverageGoal[];
  pieces: readonly CoveragePiece[];
  now: Date;
  weeks?: number;
}): GoalCoverage[] {
  const { from, to } = coverageWindow(now, weeks);
  const counts = new Map<string, number>();
  for (const piece of pieces) {
    if (!plannedWithin(piece, from, to)) continue;
    for (const id of new Set(piece.goalIds)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return goals
    .filter((goal) => countsInPlan(goal) && pursuedWithin(goal, from, to))
    .map((goal) => {
      const planned = counts.get(goal.id) ?? 0;
      return { goal, planned, covered: planned > 0 };
    })
    .sort(
      (a, b) =>
        Number(a.covered) - Number(b.covered) ||
        b.goal.weight - a.goal.weight ||
        a.goal.title.localeCompare(b.goal.title),
    );
}
