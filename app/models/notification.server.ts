import {
  isNotificationMode,
  mailStateFor,
  resolveMode,
  type NextNotified,
  type NotificationEvent,
  type NotificationSubject,
  type NotifiedPerson,
} from '~/domain/notifications/events';
import { findMentions } from '~/domain/notifications/mentions';
import { can, type Role } from '~/domain/permissions';
import { prisma, type Tx } from '~/utils/db.server';
import { mailConfigured } from '~/utils/mail.server';

/**
 * The notification outbox: an event writes one row per recipient in the transaction of the
 * change that caused it, so a notification exists exactly when its cause does. The delivery
 * worker (notification-delivery.server.ts) mails the rows marked for mail.
 */

export type NotifyInput = {
  event: NotificationEvent;
  /** people named directly, and everyone holding one of the roles */
  to: { userIds?: readonly (string | null | undefined)[]; roles?: readonly Role[] };
  /** who caused the event; they are not told about their own doing */
  actorId: string | null;
  subject: { type: NotificationSubject; id: string; title: string; link: string };
  /** details for the texts (stage, days, decision …); never a body */
  params?: Record<string, string | number | boolean>;
  /** for reminders: at most one notification per recipient and key */
  dedupeKey?: string;
};

/**
 * Writes the event's notifications inside the caller's transaction: to active recipients other
 * than the actor, each after their preference for the event (off: nothing; in the app; email at
 * once; in the digest). Without mail configured every row stays in the app. Returns the
 * recipients' ids.
 */
export async function notify(tx: Tx, input: NotifyInput): Promise<string[]> {
  const ids = [...new Set((input.to.userIds ?? []).filter((id): id is string => !!id))];
  const roles = input.to.roles ?? [];
  if (!ids.length && !roles.length) return [];
  const people = await tx.user.findMany({
    where: {
      active: true,
      ...(input.actorId ? { id: { not: input.actorId } } : {}),
      OR: [
        ...(ids.length ? [{ id: { in: ids } }] : []),
        ...(roles.length ? [{ roles: { some: { role: { in: [...roles] } } } }] : []),
      ],
    },
    select: {
      id: true,
      roles: { select: { role: true } },
      notificationPreferences: {
        where: { event: input.event },
        select: { event: true, mode: true },
      },
    },
    orderBy: { id: 'asc' },
  });
  const mail = mailConfigured();
  const rows = people.flatMap((p) => {
    const mode = resolveMode(
      input.event,
      p.roles.map((r) => r.role),
      p.notificationPreferences,
    );
    const mailState = mailStateFor(mode, mail);
    return mailState ? [{ recipientId: p.id, mailState }] : [];
  });
  if (input.dedupeKey && rows.length) {
    const known = await tx.notification.findMany({
      where: { dedupeKey: input.dedupeKey, recipientId: { in: rows.map((r) => r.recipientId) } },
      select: { recipientId: true },
    });
    const skip = new Set(known.map((k) => k.recipientId));
    rows.splice(0, rows.length, ...rows.filter((r) => !skip.has(r.recipientId)));
  }
  if (!rows.length) return [];
  await tx.notification.createMany({
    data: rows.map((r) => ({
      recipientId: r.recipientId,
      event: input.event,
      subjectType: input.subject.type,
      subjectId: input.subject.id,
      title: input.subject.title,
      link: input.subject.link,
      actorId: input.actorId,
      params: JSON.stringify(input.params ?? {}),
      dedupeKey: input.dedupeKey ?? null,
      mailState: r.mailState,
    })),
  });
  return rows.map((r) => r.recipientId);
}

/** The app paths notifications lead to. */
export const notificationLinks = {
  knowledge: (id: string) => `/knowledge/${id}`,
  piece: (id: string) => `/calendar/${id}`,
  exemptions: () => '/rules',
  /** the new-knowledge form, set to answer the topic request */
  answerTopicRequest: (id: string) => `/knowledge/new?request=${encodeURIComponent(id)}`,
};

async function whoHears(
  event: NotificationEvent,
  to: { userIds?: readonly (string | null)[]; roles?: readonly Role[] },
  actorId: string | null,
): Promise<NotifiedPerson[]> {
  const ids = (to.userIds ?? []).filter((id): id is string => !!id);
  const roles = to.roles ?? [];
  if (!ids.length && !roles.length) return [];
  const people = await prisma.user.findMany({
    where: {
      active: true,
      ...(actorId ? { id: { not: actorId } } : {}),
      OR: [
        ...(ids.length ? [{ id: { in: ids } }] : []),
        ...(roles.length ? [{ roles: { some: { role: { in: [...roles] } } } }] : []),
      ],
    },
    select: {
      id: true,
      name: true,
      roles: { select: { role: true } },
      notificationPreferences: { where: { event }, select: { event: true, mode: true } },
    },
    orderBy: { name: 'asc' },
  });
  const mail = mailConfigured();
  return people.flatMap((p) => {
    const mode = resolveMode(
      event,
      p.roles.map((r) => r.role),
      p.notificationPreferences.filter((x) => isNotificationMode(x.mode)),
    );
    if (mode === 'off') return [];
    // without mail, email and digest notifications stay in the app
    return [{ id: p.id, name: p.name, mode: mail ? mode : 'app' }];
  });
}

/**
 * Who will be told about a knowledge item's next step, and how: while the expert works on it,
 * the editors hear of its submission; while it waits for review, the expert hears of the
 * decision. Null for an item whose workflow has ended.
 */
export async function nextNotifiedForKnowledge({
  item,
  viewerId,
}: {
  item: { status: string; ownerId: string };
  viewerId: string;
}): Promise<NextNotified | null> {
  if (item.status === 'draft' || item.status === 'changes_requested') {
    // the owner submits: the editors are told
    return {
      event: 'knowledge.submitted',
      people: await whoHears('knowledge.submitted', { roles: ['editor'] }, item.ownerId),
    };
  }
  if (item.status === 'submitted') {
    return {
      event: 'knowledge.accepted',
      people: await whoHears(
        'knowledge.accepted',
        { userIds: [item.ownerId] },
        viewerId === item.ownerId ? null : viewerId,
      ),
    };
  }
  return null;
}

/**
 * Who will be reminded of a piece's next deadline, and how: its owner and contributing
 * experts, until the piece is published or cancelled.
 */
export async function nextNotifiedForPiece({
  piece,
}: {
  piece: { status: string; ownerId: string | null; expertIds: readonly string[] };
}): Promise<NextNotified | null> {
  if (piece.status === 'published' || piece.status === 'cancelled') return null;
  return {
    event: 'piece.deadline_soon',
    people: await whoHears(
      'piece.deadline_soon',
      { userIds: [piece.ownerId, ...piece.expertIds] },
      null,
    ),
  };
}

const KNOWLEDGE_EVENTS: Partial<Record<string, NotificationEvent>> = {
  submitted: 'knowledge.submitted',
  changes_requested: 'knowledge.changes_requested',
  accepted: 'knowledge.accepted',
  declined: 'knowledge.declined',
};

/**
 * A knowledge item reached a new status: a submission goes to the editors, a decision to the
 * expert who owns the item. Other statuses tell nobody.
 */
export async function notifyKnowledgeStatus(
  tx: Tx,
  { id, status, actorId }: { id: string; status: string; actorId: string },
): Promise<void> {
  const event = KNOWLEDGE_EVENTS[status];
  if (!event) return;
  const item = await tx.knowledgeItem.findUnique({
    where: { id },
    select: { title: true, ownerId: true },
  });
  if (!item) return;
  await notify(tx, {
    event,
    to: event === 'knowledge.submitted' ? { roles: ['editor'] } : { userIds: [item.ownerId] },
    actorId,
    subject: { type: 'knowledge', id, title: item.title, link: notificationLinks.knowledge(id) },
  });
}

/**
 * A piece's people changed: a new owner and newly added contributing experts are told. Call it
 * with the people before and after the change.
 */
export async function notifyPiecePeople(
  tx: Tx,
  {
    piece,
    actorId,
    before,
    after,
  }: {
    piece: { id: string; title: string };
    actorId: string;
    before: { ownerId: string | null; expertIds: readonly string[] };
    after: { ownerId: string | null; expertIds: readonly string[] };
  },
): Promise<void> {
  const subject = {
    type: 'piece' as const,
    id: piece.id,
    title: piece.title,
    link: notificationLinks.piece(piece.id),
  };
  if (after.ownerId && after.ownerId !== before.ownerId) {
    await notify(tx, {
      event: 'piece.owner_assigned',
      to: { userIds: [after.ownerId] },
      actorId,
      subject,
    });
  }
  const added = after.expertIds.filter((id) => !before.expertIds.includes(id));
  if (added.length) {
    await notify(tx, { event: 'piece.expert_added', to: { userIds: added }, actorId, subject });
  }
}

/**
 * A comment on a piece mentions people (see domain/notifications/mentions for the syntax): each
 * mentioned person who can see the piece is told. Experts see only the pieces they contribute to.
 */
export async function notifyMentions(
  tx: Tx,
  { piece, actorId, body }: { piece: { id: string; title: string }; actorId: string; body: string },
): Promise<string[]> {
  if (!body.includes('@')) return [];
  const people = await tx.user.findMany({
    where: { active: true },
    select: {
      id: true,
      name: true,
      email: true,
      roles: { select: { role: true } },
      contributions: { where: { pieceId: piece.id }, select: { pieceId: true } },
    },
  });
  const mentioned = new Set(findMentions(body, people));
  const readers = people.filter(
    (p) =>
      mentioned.has(p.id) &&
      (can(
        p.roles.map((r) => r.role),
        'calendar:read-all',
      ) ||
        p.contributions.length > 0),
  );
  return notify(tx, {
    event: 'comment.mention',
    to: { userIds: readers.map((p) => p.id) },
    actorId,
    subject: {
      type: 'piece',
      id: piece.id,
      title: piece.title,
      link: notificationLinks.piece(piece.id),
    },
  });
}
