import { auditSubject } from '~/domain/audit';
import {
  defaultMode,
  NOTIFICATION_EVENTS,
  type NotificationEvent,
  type NotificationMode,
} from '~/domain/notifications/events';
import type { PreferencesInput } from '~/forms/notifications';
import { prisma } from '~/utils/db.server';
import { mailSettings } from '~/utils/mail.server';
import { safeRedirect } from '~/utils/redirect';
import { assertActorCan } from './actor.server';
import { recordAudit } from './audit.server';

/**
 * What a person reads of their notifications (the inbox, the bell's count), their preferences,
 * and the administrator's view of the mail queue. The outbox rows themselves are written by the
 * events (notification.server.ts) and delivered by the mail worker.
 */

export const INBOX_PAGE_SIZE = 25;

/** The mail states of a notification, in the order the queue page lists them. */
export const MAIL_STATES = [
  'pending',
  'sending',
  'digest',
  'failed',
  'sent',
  'skipped',
  'none',
] as const;
export type MailState = (typeof MAIL_STATES)[number];

/** How many failures and retries the queue page lists at most. */
export const QUEUE_LIST_LIMIT = 50;

function parseParams(params: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(params);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/**
 * A notification's link when it is a path of Lotse itself (the one safe-redirect check: no other
 * host, no "//", no tab or backslash a browser would turn into one); anything else is never
 * rendered or followed.
 */
function appPath(link: string): string | null {
  return safeRedirect(link, '') || null;
}

/** The number of the person's unread notifications: one count for every page's bell. */
export async function countUnread(userId: string): Promise<number> {
  return prisma.notification.count({ where: { recipientId: userId, readAt: null } });
}

/** One page of the person's own notifications, newest first. */
export async function listNotifications({ userId, page = 1 }: { userId: string; page?: number }) {
  const where = { recipientId: userId };
  const [total, unread] = await Promise.all([
    prisma.notification.count({ where }),
    countUnread(userId),
  ]);
  const pages = Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const rows = await prisma.notification.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: (current - 1) * INBOX_PAGE_SIZE,
    take: INBOX_PAGE_SIZE,
    select: {
      id: true,
      event: true,
      subjectType: true,
      title: true,
      link: true,
      params: true,
      readAt: true,
      createdAt: true,
      actor: { select: { name: true } },
    },
  });
  return {
    notifications: rows.map((n) => ({
      id: n.id,
      event: n.event,
      subjectType: n.subjectType,
      title: n.title,
      link: appPath(n.link),
      params: parseParams(n.params),
      read: n.readAt !== null,
      readAt: n.readAt,
      createdAt: n.createdAt,
      actorName: n.actor?.name ?? null,
    })),
    total,
    unread,
    page: current,
    pages,
  };
}

/**
 * Marks one of the person's own notifications read (again: no change). Someone else's
 * notification is as unknown as one that does not exist.
 */
export async function markNotificationRead({
  userId,
  id,
  now = new Date(),
}: {
  userId: string;
  id: string;
  now?: Date;
}): Promise<{ ok: true; link: string | null } | { ok: false; problem: 'notFound' }> {
  const found = await prisma.notification.findFirst({
    where: { id, recipientId: userId },
    select: { link: true, readAt: true },
  });
  if (!found) return { ok: false, problem: 'notFound' };
  if (!found.readAt) {
    await prisma.notification.updateMany({
      where: { id, recipientId: userId, readAt: null },
      data: { readAt: now },
    });
  }
  return { ok: true, link: appPath(found.link) };
}

/** Marks all of the person's unread notifications read. */
export async function markAllNotificationsRead({
  userId,
  now = new Date(),
}: {
  userId: string;
  now?: Date;
}): Promise<{ ok: true; count: number }> {
  const { count } = await prisma.notification.updateMany({
    where: { recipientId: userId, readAt: null },
    data: { readAt: now },
  });
  return { ok: true, count };
}

// ───────────────────────────── preferences ─────────────────────────────

export type PreferenceRow = {
  event: NotificationEvent;
  /** the mode that applies now: the person's own choice, else the default */
  mode: NotificationMode;
  /** the default for the person's roles */
  defaultMode: NotificationMode;
  /** whether the person chose the mode themselves */
  own: boolean;
};

/** The person's preferences per event (with the defaults of their roles) and digest settings. */
export async function getNotificationPreferences({ userId }: { userId: string }) {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      digestFrequency: true,
      digestHour: true,
      digestWeekday: true,
      roles: { select: { role: true } },
      notificationPreferences: { select: { event: true, mode: true } },
    },
  });
  if (!user) return null;
  const roles = user.roles.map((r) => r.role);
  const own = new Map(user.notificationPreferences.map((p) => [p.event, p.mode]));
  const rows: PreferenceRow[] = NOTIFICATION_EVENTS.map((event) => {
    const fallback = defaultMode(event, roles);
    const chosen = own.get(event);
    const valid = chosen === 'off' || chosen === 'app' || chosen === 'email' || chosen === 'digest';
    return {
      event,
      mode: valid ? chosen : fallback,
      defaultMode: fallback,
      own: valid,
    };
  });
  return {
    rows,
    digest: {
      frequency: user.digestFrequency === 'weekly' ? ('weekly' as const) : ('daily' as const),
      hour: user.digestHour,
      weekday: user.digestWeekday,
    },
    mailConfigured: mailSettings() !== null,
  };
}

/**
 * Saves the person's preferences in one transaction. A mode equal to the default of their roles
 * keeps no row of its own, so the default follows a change of roles.
 */
export async function saveNotificationPreferences({
  userId,
  input,
}: {
  userId: string;
  input: PreferencesInput;
}): Promise<{ ok: true } | { ok: false; problem: 'notFound' }> {
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { roles: { select: { role: true } } },
    });
    if (!user) return { ok: false, problem: 'notFound' } as const;
    const roles = user.roles.map((r) => r.role);
    for (const event of NOTIFICATION_EVENTS) {
      const mode = input.modes[event];
      if (mode === defaultMode(event, roles)) {
        await tx.notificationPreference.deleteMany({ where: { userId, event } });
      } else {
        await tx.notificationPreference.upsert({
          where: { userId_event: { userId, event } },
          create: { userId, event, mode },
          update: { mode },
        });
      }
    }
    await tx.user.update({
      where: { id: userId },
      data: {
        digestFrequency: input.digestFrequency,
        digestHour: input.digestHour,
        digestWeekday: input.digestWeekday,
      },
    });
    return { ok: true } as const;
  });
}

// ───────────────────────────── the mail queue (administrators) ─────────────────────────────

// no titles: the administrator may not read the pieces and knowledge items the notifications
// are about; the event, the recipient and the mail's fate are what the queue is for
const queueSelect = {
  id: true,
  event: true,
  mailState: true,
  mailAttempts: true,
  mailNextAt: true,
  mailError: true,
  createdAt: true,
  recipient: { select: { name: true, email: true } },
} as const;

/**
 * The mail queue as an administrator sees it: whether mail is on, how many notifications are in
 * each mail state, those that failed for good and those waiting for another attempt.
 */
export async function getNotificationQueue() {
  const [groups, failed, retrying, nextDue] = await Promise.all([
    prisma.notification.groupBy({ by: ['mailState'], _count: { _all: true } }),
    prisma.notification.findMany({
      where: { mailState: 'failed' },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: QUEUE_LIST_LIMIT,
      select: queueSelect,
    }),
    prisma.notification.findMany({
      where: { mailState: 'pending', mailAttempts: { gt: 0 } },
      orderBy: [{ mailNextAt: 'asc' }, { id: 'asc' }],
      take: QUEUE_LIST_LIMIT,
      select: queueSelect,
    }),
    prisma.notification.findFirst({
      where: { mailState: 'pending' },
      orderBy: [{ mailNextAt: 'asc' }],
      select: { mailNextAt: true },
    }),
  ]);
  const counts = Object.fromEntries(MAIL_STATES.map((s) => [s, 0])) as Record<MailState, number>;
  for (const g of groups) {
    if ((MAIL_STATES as readonly string[]).includes(g.mailState))
      counts[g.mailState as MailState] = g._count._all;
  }
  const shape = (n: (typeof failed)[number]) => ({
    id: n.id,
    event: n.event,
    attempts: n.mailAttempts,
    nextAt: n.mailNextAt,
    error: n.mailError,
    createdAt: n.createdAt,
    recipient: n.recipient,
  });
  return {
    mailConfigured: mailSettings() !== null,
    counts,
    failed: failed.map(shape),
    retrying: retrying.map(shape),
    nextAttemptAt: nextDue?.mailNextAt ?? null,
  };
}

/**
 * Sends failed notifications again: back to pending, due at once (the mail worker picks them up
 * on its next round), each recorded in the audit log. Without `id`, every failed one.
 */
export async function retryFailedNotifications({
  actorId,
  id,
  now = new Date(),
}: {
  actorId: string;
  id?: string;
  now?: Date;
}): Promise<{ ok: true; count: number } | { ok: false; problem: 'notFound' | 'notFailed' }> {
  return prisma.$transaction(async (tx) => {
    await assertActorCan(tx, actorId, 'notifications:queue');
    if (id !== undefined) {
      const found = await tx.notification.findUnique({
        where: { id },
        select: { mailState: true },
      });
      if (!found) return { ok: false, problem: 'notFound' } as const;
      if (found.mailState !== 'failed') return { ok: false, problem: 'notFailed' } as const;
    }
    const targets = await tx.notification.findMany({
      where: { mailState: 'failed', ...(id !== undefined ? { id } : {}) },
      select: {
        id: true,
        event: true,
        mailAttempts: true,
        mailError: true,
        recipient: { select: { email: true } },
      },
    });
    if (!targets.length) return { ok: true, count: 0 } as const;
    const { count } = await tx.notification.updateMany({
      // the state in the where: a worker cannot have changed them in between
      where: { id: { in: targets.map((t) => t.id) }, mailState: 'failed' },
      data: { mailState: 'pending', mailNextAt: now, claimedBy: null, claimedUntil: null },
    });
    for (const t of targets) {
      await recordAudit(tx, {
        ...auditSubject('notification', 'retry'),
        actorId,
        entityId: t.id,
        before: { mailState: 'failed', attempts: t.mailAttempts, error: t.mailError },
        after: {
          event: t.event,
          recipient: t.recipient.email,
          mailState: 'pending',
        },
      });
    }
    return { ok: true, count } as const;
  });
}
