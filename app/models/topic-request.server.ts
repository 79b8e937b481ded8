import { auditSubject } from '~/domain/audit';
import { TopicRequestFormSchema } from '~/forms/topic-request';
import { refusalAsProblem } from '~/domain/permissions';
import { prisma } from '~/utils/db.server';
import type { SessionUser } from '~/utils/session.server';
import { assertActorCan } from './actor.server';
import { recordAudit } from './audit.server';

/**
 * Topic requests: an editor asks the experts of a department for the knowledge a need lacks
 * (a content gap). The department's experts see the open requests on their dashboard.
 */

/** The departments one can ask: those of the knowledge items and of the experts, sorted. */
export async function listDepartments(): Promise<string[]> {
  const [items, experts] = await Promise.all([
    prisma.knowledgeItem.findMany({
      where: { department: { not: '' } },
      distinct: ['department'],
      select: { department: true },
    }),
    prisma.expertProfile.findMany({
      where: { department: { not: '' } },
      distinct: ['department'],
      select: { department: true },
    }),
  ]);
  return [...new Set([...items, ...experts].map((d) => d.department.trim()).filter(Boolean))].sort(
    (a, b) => a.localeCompare(b),
  );
}

export type TopicRequestProblem = 'notFound' | 'unknownDepartment' | 'invalid' | 'notAllowed';

/**
 * Creates an open topic request for a need, with its audit entry, in one transaction. Refused
 * (nothing written) for an unknown need or department, invalid text, or an actor without
 * `topics:request`.
 */
export async function createTopicRequest({
  needId,
  department,
  text,
  actor,
}: {
  needId: string;
  department: string;
  text: string;
  actor: Pick<SessionUser, 'id'>;
}): Promise<{ ok: true; id: string } | { ok: false; problem: TopicRequestProblem }> {
  const parsed = TopicRequestFormSchema.safeParse({ department, text });
  if (!parsed.success) return { ok: false, problem: 'invalid' };
  const departments = await listDepartments();
  return refusalAsProblem(() =>
    prisma.$transaction(async (tx) => {
      await assertActorCan(tx, actor.id, 'topics:request');
      const need = await tx.need.findUnique({ where: { id: needId }, select: { id: true } });
      if (!need) return { ok: false as const, problem: 'notFound' as const };
      if (!departments.includes(parsed.data.department))
        return { ok: false as const, problem: 'unknownDepartment' as const };
      const created = await tx.topicRequest.create({
        data: {
          needId,
          department: parsed.data.department,
          text: parsed.data.text,
          requestedById: actor.id,
        },
        select: { id: true, needId: true, department: true, text: true, status: true },
      });
      await recordAudit(tx, {
        ...auditSubject('topicRequest', 'create'),
        actorId: actor.id,
        entityId: created.id,
        after: created,
      });
      return { ok: true as const, id: created.id };
    }),
  );
}

/** The open topic requests for a need, newest first (for the need's page). */
export function topicRequestsForNeed({ needId }: { needId: string }) {
  return prisma.topicRequest.findMany({
    where: { needId, status: 'open' },
    orderBy: { createdAt: 'desc' },
    take: 20,
    select: {
      id: true,
      department: true,
      text: true,
      createdAt: true,
      requestedBy: { select: { name: true } },
    },
  });
}

/**
 * The open topic requests of the expert's department, newest first; none without a department
 * on their expert profile.
 */
export async function topicRequestsForExpert({ userId }: { userId: string }) {
  const profile = await prisma.expertProfile.findUnique({
    where: { userId },
    select: { department: true },
  });
  const department = profile?.department.trim() ?? '';
  if (!department) return [];
  return prisma.topicRequest.findMany({
    where: { department, status: 'open' },
    orderBy: { createdAt: 'desc' },
    take: 20,
    select: {
      id: true,
      department: true,
      text: true,
      createdAt: true,
      need: { select: { text: true, language: true, audience: { select: { name: true } } } },
      requestedBy: { select: { name: true } },
    },
  });
}
