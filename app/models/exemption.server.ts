import { assertCan, refusalAsProblem } from '~/domain/permissions';
import { prisma } from '~/utils/db.server';
import type { SessionUser } from '~/utils/session.server';
import { recordAudit } from './audit.server';
import {
  checkPiece,
  contentHash,
  pieceContentSelect,
  pieceContentTexts,
} from './disclosure.server';
import { assertActorCan } from './actor.server';
import { notificationLinks, notify } from './notification.server';

/**
 * Exemptions: an editor asks that one piece may carry one rule's finding; management grants or
 * denies. A grant binds to the rule's revision and the content's hash, so it lapses when either
 * changes.
 */
export function listOpenExemptions() {
  return prisma.disclosureExemption.findMany({
    where: { status: 'requested' },
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      reason: true,
      createdAt: true,
      piece: { select: { id: true, title: true } },
      rule: { select: { name: true, key: true } },
      requestedBy: { select: { name: true } },
    },
  });
}

export type ExemptionProblem =
  'notFound' | 'notAllowed' | 'noFinding' | 'alreadyOpen' | 'stale' | 'decided';

export function requestExemption({
  pieceId,
  ruleKey,
  reason,
  actor,
}: {
  pieceId: string;
  ruleKey: string;
  reason: string;
  actor: Pick<SessionUser, 'id' | 'roles'>;
}): Promise<{ ok: true } | { ok: false; problem: ExemptionProblem }> {
  return refusalAsProblem(async () => {
    assertCan(actor, 'exemptions:request');
    const piece = await prisma.contentPiece.findUnique({
      where: { id: pieceId },
      select: pieceContentSelect,
    });
    const rule = await prisma.disclosureRule.findUnique({ where: { key: ruleKey } });
    if (!piece || !rule) return { ok: false, problem: 'notFound' };
    const verdict = await checkPiece(piece);
    if (!verdict.findings.some((f) => f.ruleId === ruleKey && !f.exempted))
      return { ok: false, problem: 'noFinding' };
    const open = await prisma.disclosureExemption.findFirst({
      where: { pieceId, ruleId: rule.id, status: 'requested' },
    });
    if (open) return { ok: false, problem: 'alreadyOpen' };
    await prisma.$transaction(async (tx) => {
      const ex = await tx.disclosureExemption.create({
        data: {
          pieceId,
          ruleId: rule.id,
          ruleRevision: rule.revision,
          contentHash: verdict.contentHash,
          reason,
          requestedById: actor.id,
        },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'exemption.request',
        entityType: 'disclosure_exemption',
        entityId: ex.id,
        after: { pieceId, rule: ruleKey, reason },
      });
      await notify(tx, {
        event: 'exemption.requested',
        to: { roles: ['management'] },
        actorId: actor.id,
        subject: {
          type: 'exemption',
          id: ex.id,
          title: piece.title,
          link: notificationLinks.exemptions(),
        },
        params: { rule: rule.name },
      });
    });
    return { ok: true };
  });
}

export async function decideExemption({
  id,
  actorId,
  grant,
  note,
}: {
  id: string;
  actorId: string;
  grant: boolean;
  note: string;
}): Promise<{ ok: true } | { ok: false; problem: ExemptionProblem }> {
  const ex = await prisma.disclosureExemption.findUnique({
    where: { id },
    include: {
      piece: { select: pieceContentSelect },
      rule: { select: { revision: true } },
    },
  });
  if (!ex) return { ok: false, problem: 'notFound' };
  if (ex.status !== 'requested') return { ok: false, problem: 'decided' };
  // what was asked for must still be what is there
  if (
    grant &&
    (ex.rule.revision !== ex.ruleRevision ||
      contentHash(pieceContentTexts(ex.piece)) !== ex.contentHash)
  )
    return { ok: false, problem: 'stale' };
  await prisma.$transaction(async (tx) => {
    await assertActorCan(tx, actorId, 'exemptions:decide');
    await tx.disclosureExemption.update({
      where: { id },
      data: {
        status: grant ? 'granted' : 'denied',
        decidedById: actorId,
        decidedAt: new Date(),
        decisionNote: note,
      },
    });
    await recordAudit(tx, {
      actorId,
      action: grant ? 'exemption.grant' : 'exemption.deny',
      entityType: 'disclosure_exemption',
      entityId: id,
      before: { status: 'requested' },
      after: { status: grant ? 'granted' : 'denied', note },
    });
    await notify(tx, {
      event: 'exemption.decided',
      to: { userIds: [ex.requestedById] },
      actorId,
      subject: {
        type: 'exemption',
        id,
        title: ex.piece.title,
        link: notificationLinks.piece(ex.pieceId),
      },
      params: { decision: grant ? 'granted' : 'denied' },
    });
  });
  return { ok: true };
}
