import { auditSubject } from '~/domain/audit';
import { TopicRequestFormSchema } from '~/forms/topic-request';
import { refusalAsProblem } from '~/domain/permissions';
import { prisma, type Tx } from '~/utils/db.server';
import type { SessionUser } from '~/utils/session.server';
import { assertActorCan } from './actor.server';
import { recordAudit } from './audit.server';
import { notificationLinks, notify } from './notification.server';
import { bumpVersion, versionedUpdate } from './versioned.server';

/**
 * Topic requests: an editor asks the experts of a department for the knowledge a need lacks
 * (a content gap). The department's experts are notified and see the open requests on their
 * dashboard; one of them submits a knowledge item answering it. A request closes when an editor
 * accepts such an item (answered) or when an editor withdraws it.
 */

/** How long a request's text may be as a notification's title. */
const TITLE_LENGTH = 120;

function shortTitle(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > TITLE_LENGTH ? `${flat.slice(0, TITLE_LENGTH - 1).trimEnd()}…` : flat;
}

/** The active experts whose profile names the department (compared without surrounding spaces). */
async function departmentExpertIds(tx: Tx, department: string): Promise<string[]> {
  const wanted = department.trim();
  if (!wanted) return [];
  const experts = await tx.user.findMany({
    where: {
      active: true,
      roles: { some: { role: 'expert' } },
      expertProfile: { department: { contains: wanted } },
    },
    select: { id: true, expertProfile: { select: { department: true } } },
  });
  return experts.filter((e) => e.expertProfile?.department.trim() === wanted).map((e) => e.id);
}

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
 * Creates an open topic request for a need, with its audit entry and the notifications of the
 * department's experts (`topic.requested`), in one transaction. Refused (nothing written) for an
 * unknown need or department, invalid text, or an actor without `topics:request`.
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
      await notify(tx, {
        event: 'topic.requested',
        to: { userIds: await departmentExpertIds(tx, created.department) },
        actorId: actor.id,
        subject: {
          type: 'topicRequest',
          id: created.id,
          title: shortTitle(created.text),
          link: notificationLinks.answerTopicRequest(created.id),
        },
        params: { department: created.department },
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
      version: true,
      requestedBy: { select: { name: true } },
    },
  });
}

/**
 * The need's answered topic requests, most recently answered first, each with the accepted
 * items that answer it (for the need's page).
 */
export function answeredTopicRequestsForNeed({ needId }: { needId: string }) {
  return prisma.topicRequest.findMany({
    where: { needId, status: 'closed', closedReason: 'answered' },
    orderBy: { closedAt: 'desc' },
    take: 20,
    select: {
      id: true,
      department: true,
      text: true,
      closedAt: true,
      answers: {
        where: { status: 'accepted' },
        orderBy: { acceptedAt: 'asc' },
        select: { id: true, title: true, language: true },
      },
    },
  });
}

export type WithdrawProblem = 'notFound' | 'conflict' | 'closed' | 'notAllowed';

/**
 * Withdraws an open topic request of the need: it closes (reason `withdrawn`) and leaves the
 * experts' dashboards. `expectedVersion` is the version the editor saw; a change made meanwhile
 * answers `conflict`, a request closed meanwhile `closed`. Needs `topics:request`.
 */
export async function withdrawTopicRequest({
  id,
  needId,
  expectedVersion,
  actor,
  now = new Date(),
}: {
  id: string;
  needId: string;
  expectedVersion: number;
  actor: Pick<SessionUser, 'id'>;
  now?: Date;
}): Promise<{ ok: true } | { ok: false; problem: WithdrawProblem }> {
  return refusalAsProblem(() =>
    prisma.$transaction(async (tx) => {
      await assertActorCan(tx, actor.id, 'topics:request');
      const written = await versionedUpdate(tx.topicRequest, {
        id,
        expectedVersion,
        where: { needId, status: 'open' },
        data: {
          status: 'closed',
          closedAt: now,
          closedById: actor.id,
          closedReason: 'withdrawn',
        },
      });
      if (!written.ok) {
        if (written.problem === 'conflict') return written;
        // not open: closed already, or no such request of this need
        const closed = await tx.topicRequest.count({ where: { id, needId } });
        return {
          ok: false as const,
          problem: closed ? ('closed' as const) : ('notFound' as const),
        };
      }
      await recordAudit(tx, {
        ...auditSubject('topicRequest', 'withdraw'),
        actorId: actor.id,
        entityId: id,
        before: { status: 'open' },
        after: { status: 'closed', closedReason: 'withdrawn' },
      });
      return { ok: true as const };
    }),
  );
}

export type AnswerProblem = 'requestNotFound' | 'requestClosed';

/**
 * Whether a knowledge item may be submitted as the answer to the request: it must exist and be
 * open. Call it inside the transaction that writes the item.
 */
export async function checkAnswerable(
  tx: Tx,
  requestId: string,
): Promise<{ ok: true } | { ok: false; problem: AnswerProblem }> {
  const request = await tx.topicRequest.findUnique({
    where: { id: requestId },
    select: { status: true },
  });
  if (!request) return { ok: false, problem: 'requestNotFound' };
  if (request.status !== 'open') return { ok: false, problem: 'requestClosed' };
  return { ok: true };
}

/** A request as the new-knowledge form shows it when an expert answers it; null if unknown. */
export function topicRequestToAnswer({ id }: { id: string }) {
  return prisma.topicRequest.findUnique({
    where: { id },
    select: {
      id: true,
      department: true,
      text: true,
      status: true,
      need: { select: { id: true, text: true, language: true } },
    },
  });
}

/**
 * An editor accepted a knowledge item: the open topic request it answers closes (reason
 * `answered`) in the same transaction, with its audit entry, and the editor who asked is told
 * (`topic.answered`). Nothing happens for an item that answers no request, or one already closed.
 */
export async function closeAnsweredTopicRequest(
  tx: Tx,
  { itemId, actorId, now = new Date() }: { itemId: string; actorId: string; now?: Date },
): Promise<void> {
  const item = await tx.knowledgeItem.findUnique({
    where: { id: itemId },
    select: { title: true, answersRequestId: true },
  });
  const requestId = item?.answersRequestId;
  if (!item || !requestId) return;
  const closed = await bumpVersion(tx.topicRequest, {
    id: requestId,
    where: { status: 'open' },
    data: { status: 'closed', closedAt: now, closedById: actorId, closedReason: 'answered' },
  });
  if (!closed) return;
  const request = await tx.topicRequest.findUniqueOrThrow({
    where: { id: requestId },
    select: { requestedById: true },
  });
  await recordAudit(tx, {
    ...auditSubject('topicRequest', 'answer'),
    actorId,
    entityId: requestId,
    before: { status: 'open' },
    after: { status: 'closed', closedReason: 'answered', answeredBy: itemId },
  });
  await notify(tx, {
    event: 'topic.answered',
    to: { userIds: [request.requestedById] },
    actorId,
    subject: {
      type: 'knowledge',
      id: itemId,
      title: item.title,
      link: notificationLinks.knowledge(itemId),
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
