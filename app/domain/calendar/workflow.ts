import type { PieceStatus } from './vocabulary';

/**
 * The workflow of a content piece: idea → planned → in_production → in_review → approved →
 * scheduled → published, or cancelled. Editors move pieces forward and back; management may also
 * approve; a contributing expert hands their draft in for review. Scheduling needs a date.
 */
export type PieceActor = { canPlan: boolean; canApprove: boolean; isContributor: boolean };

const ORDER: readonly PieceStatus[] = [
  'idea',
  'planned',
  'in_production',
  'in_review',
  'approved',
  'scheduled',
  'published',
];

/** Stages content reaches only without a blocking disclosure finding. */
export const PUBLIC_STAGES: readonly PieceStatus[] = ['approved', 'scheduled', 'published'];

export type PieceTransitionProblem = 'notAllowed' | 'wrongStatus' | 'needsDate';

export function pieceTransition(
  from: PieceStatus,
  to: PieceStatus,
  actor: PieceActor,
  piece: { publishAt: Date | string | null },
): { ok: true } | { ok: false; problem: PieceTransitionProblem } {
  if (from === to || from === 'published') return { ok: false, problem: 'wrongStatus' };
  if (to === 'cancelled')
    return actor.canPlan ? { ok: true } : { ok: false, problem: 'notAllowed' };
  const a = ORDER.indexOf(from);
  const b = ORDER.indexOf(to);
  // from cancelled, a piece comes back as an idea or as planned
  if (from === 'cancelled') {
    if (!actor.canPlan) return { ok: false, problem: 'notAllowed' };
    return to === 'idea' || to === 'planned' ? { ok: true } : { ok: false, problem: 'wrongStatus' };
  }
  // one step forward, or any number of steps back
  if (b > a + 1 || b < 0) return { ok: false, problem: 'wrongStatus' };
  const allowed =
    actor.canPlan ||
    (actor.canApprove && from === 'in_review' && to === 'approved') ||
    (actor.isContributor && from === 'in_production' && to === 'in_review');
  if (!allowed) return { ok: false, problem: 'notAllowed' };
  if ((to === 'scheduled' || to === 'published') && !piece.publishAt)
    return { ok: false, problem: 'needsDate' };
  return { ok: true };
}

/** The statuses an actor may move a piece to from its current one (for offering buttons). */
export function nextStatuses(
  from: PieceStatus,
  actor: PieceActor,
  piece: { publishAt: Date | string | null },
): PieceStatus[] {
  return ([...ORDER, 'cancelled'] as PieceStatus[]).filter(
    (to) => pieceTransition(from, to, actor, piece).ok,
  );
}

/** Whether a piece has reached a stage (for deadlines: a reached stage is no longer overdue). */
export function hasReached(status: PieceStatus, stage: PieceStatus): boolean {
  if (status === 'cancelled') return true;
  return ORDER.indexOf(status) >= ORDER.indexOf(stage);
}

/** Stage deadlines that have passed without the piece reaching the stage. */
export function overdueStages(
  status: PieceStatus,
  deadlines: readonly { stage: string; dueAt: Date | string }[],
  now: Date,
): string[] {
  return deadlines
    .filter(
      (d) =>
        new Date(d.dueAt).getTime() < now.getTime() && !hasReached(status, d.stage as PieceStatus),
    )
    .map((d) => d.stage);
}
