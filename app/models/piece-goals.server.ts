import { prisma, type Tx } from '~/utils/db.server';
import { recordAudit } from './audit.server';
import { bumpVersion } from './versioned.server';

/**
 * The goals a piece serves, as the piece form and an accepted match set them. Only agreed goals
 * count in the plan, so only they can be chosen; a link to a goal that was agreed when it was
 * made stays until an editor removes it. The writes here run inside the caller's transaction
 * (the piece's save, the match's acceptance) and audit every link and unlink as the goal page does.
 */

const goalChoiceSelect = { id: true, title: true, status: true } as const;

/**
 * The goals the piece form offers: the agreed ones and, on a piece's own page, those the piece
 * is linked to already whatever their status now (so that a retired goal can be unlinked).
 */
export function listGoalChoices({ pieceId }: { pieceId?: string } = {}) {
  return prisma.goal.findMany({
    where: {
      OR: [{ status: 'agreed' }, ...(pieceId ? [{ pieces: { some: { pieceId } } }] : [])],
    },
    select: goalChoiceSelect,
    orderBy: [{ weight: 'desc' }, { title: 'asc' }],
  });
}
export type GoalChoice = Awaited<ReturnType<typeof listGoalChoices>>[number];

const unique = (ids: readonly string[]) => [...new Set(ids.filter(Boolean))];

/**
 * Why a piece may not serve these goals, as the key of the field's message; null when it may.
 * A goal must exist and be agreed, or (for a saved piece) be one the piece already serves.
 */
export async function goalsProblem(
  tx: Tx,
  { pieceId, goalIds }: { pieceId: string | null; goalIds: readonly string[] },
): Promise<'validation.unknownChoice' | 'calendar.form.goalNotAgreed' | null> {
  const ids = unique(goalIds);
  if (!ids.length) return null;
  const goals = await tx.goal.findMany({
    where: { id: { in: ids } },
    select: { id: true, status: true, pieces: pieceId ? { where: { pieceId } } : false },
  });
  if (goals.length !== ids.length) return 'validation.unknownChoice';
  const refused = goals.some((g) => g.status !== 'agreed' && !g.pieces?.length);
  return refused ? 'calendar.form.goalNotAgreed' : null;
}

/**
 * Makes the goals a piece serves exactly `goalIds`, recording `goal.link` and `goal.unlink` for
 * each change. Checks nothing: call `goalsProblem` first, in the same transaction.
 */
export async function writePieceGoals(
  tx: Tx,
  {
    actorId,
    piece,
    goalIds,
  }: { actorId: string; piece: { id: string; title: string }; goalIds: readonly string[] },
) {
  const wanted = unique(goalIds);
  const linked = await tx.pieceGoal.findMany({
    where: { pieceId: piece.id },
    select: { goalId: true, goal: { select: { title: true } } },
  });
  const removed = linked.filter((l) => !wanted.includes(l.goalId));
  const added = wanted.filter((id) => !linked.some((l) => l.goalId === id));
  if (removed.length) {
    await tx.pieceGoal.deleteMany({
      where: { pieceId: piece.id, goalId: { in: removed.map((l) => l.goalId) } },
    });
    for (const l of removed) {
      await recordAudit(tx, {
        actorId,
        action: 'goal.unlink',
        entityType: 'goal',
        entityId: l.goalId,
        before: { title: l.goal.title, piece: piece.title, pieceId: piece.id },
      });
    }
  }
  if (added.length) {
    await tx.pieceGoal.createMany({
      data: added.map((goalId) => ({ pieceId: piece.id, goalId })),
    });
    const goals = await tx.goal.findMany({
      where: { id: { in: added } },
      select: { id: true, title: true },
    });
    for (const g of goals) {
      await recordAudit(tx, {
        actorId,
        action: 'goal.link',
        entityType: 'goal',
        entityId: g.id,
        after: { title: g.title, piece: piece.title, pieceId: piece.id },
      });
    }
  }
  return { added: added.length, removed: removed.length };
}

/**
 * Links a piece to one goal or unlinks it (`serves`), as the goal's page does, with the same
 * audit entries as the piece form. A change moves the piece's version on, so that a piece form
 * opened before it reports a conflict instead of silently undoing it. The links are read again
 * once the version is taken (the piece's row is then this transaction's), so a save running at
 * the same time cannot slip a link in between.
 * Checks nothing about the goal: the caller does. Null when the piece does not exist.
 */
export async function changePieceGoal(
  tx: Tx,
  {
    actorId,
    pieceId,
    goalId,
    serves,
  }: { actorId: string; pieceId: string; goalId: string; serves: boolean },
): Promise<{ changed: boolean } | null> {
  const link = () =>
    tx.pieceGoal.findUnique({
      where: { pieceId_goalId: { pieceId, goalId } },
      select: { pieceId: true },
    });
  const piece = await tx.contentPiece.findUnique({
    where: { id: pieceId },
    select: { id: true, title: true },
  });
  if (!piece) return null;
  if (Boolean(await link()) === serves) return { changed: false };
  if (!(await bumpVersion(tx.contentPiece, { id: pieceId }))) return null;
  const linked = await tx.pieceGoal.findMany({ where: { pieceId }, select: { goalId: true } });
  const current = linked.map((l) => l.goalId);
  const goalIds = serves ? [...current, goalId] : current.filter((id) => id !== goalId);
  const { added, removed } = await writePieceGoals(tx, { actorId, piece, goalIds });
  return { changed: added + removed > 0 };
}
