import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Prisma } from '~/generated/prisma/client';
import {
  dueReminders,
  REMINDER_SETTINGS,
  resultsDueReminders,
  type ReminderPiece,
} from '~/domain/notifications/reminders';
import { afterFailure, latestDigestSlot, MAX_MAIL_ATTEMPTS } from '~/domain/notifications/schedule';
import { prisma as defaultDb, usesPostgres, type PrismaClient } from '~/utils/db.server';
import { isUniqueViolation } from '~/utils/db-errors.server';
import { DEFAULT_TIME_ZONE } from '~/utils/format';
import { mailSettings, sendMail, serverOrigin } from '~/utils/mail.server';
import {
  digestMail,
  notificationMail,
  withheldTitles,
  type MailContext,
} from './notification-mail.server';
import { notificationLinks, notify } from './notification.server';
import { listResultsDue } from './results-due.server';
import { writeReviewDueReminder } from './review.server';

/**
 * The delivery worker: it mails the outbox's pending notifications, sends each person's digest
 * when it is due and writes the reminders about deadlines and stuck pieces. Several server
 * processes (and several servers on one PostgreSQL database) may run it at once: a notification
 * is claimed before it is sent (on PostgreSQL with row locks, `FOR UPDATE SKIP LOCKED`), so
 * each goes out once. A claim lapses after CLAIM_MS, so a notification held by a process that
 * died is sent by another.
 */

const CLAIM_MS = 2 * 60_000;
/** digests are due at full hours: looking once a minute is enough */
const DIGEST_CHECK_MS = 60_000;

type Options = { db?: PrismaClient; workerId: string; now?: Date };

async function mailContext(db: PrismaClient): Promise<MailContext> {
  const ws = await db.workspace.findUnique({
    where: { id: 1 },
    select: { timeZone: true, locale: true },
  });
  return {
    origin: serverOrigin(),
    locale: ws?.locale ?? 'en',
    timeZone: ws?.timeZone ?? DEFAULT_TIME_ZONE,
  };
}

const claimable = (now: Date): Prisma.NotificationWhereInput => ({
  OR: [
    { mailState: 'pending', OR: [{ mailNextAt: null }, { mailNextAt: { lte: now } }] },
    // a claim whose holder did not finish in time
    { mailState: 'sending', claimedUntil: { lt: now } },
  ],
});

/** Claims up to `limit` notifications that are due to be mailed; returns their ids. */
export async function claimPending({
  db = defaultDb,
  workerId,
  now = new Date(),
  limit = 20,
}: Options & { limit?: number }): Promise<string[]> {
  const candidates = await db.notification.findMany({
    where: claimable(now),
    orderBy: { createdAt: 'asc' },
    take: limit,
    select: { id: true },
  });
  if (!candidates.length) return [];
  const claimedUntil = new Date(now.getTime() + CLAIM_MS);
  const claim = async (tx: Prisma.TransactionClient | PrismaClient, ids: string[]) => {
    // the conditions again: a row claimed by another instance meanwhile no longer matches, and
    // one statement claims atomically (SQLite has one writer; PostgreSQL re-checks a row it
    // waited for)
    await tx.notification.updateMany({
      where: { AND: [{ id: { in: ids } }, claimable(now)] },
      data: { mailState: 'sending', claimedBy: workerId, claimedUntil },
    });
    const mine = await tx.notification.findMany({
      where: { id: { in: ids }, mailState: 'sending', claimedBy: workerId, claimedUntil },
      select: { id: true },
    });
    return mine.map((r) => r.id);
  };
  const ids = candidates.map((c) => c.id);
  if (!usesPostgres()) return claim(db, ids);
  return db.$transaction(async (tx) => {
    // rows another instance is claiming right now are left to it instead of waited for
    const free = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Notification" WHERE "id" IN (${Prisma.join(ids)})
      FOR UPDATE SKIP LOCKED`;
    return free.length
      ? claim(
          tx,
          free.map((r) => r.id),
        )
      : [];
  });
}

export type DeliveryReport = { sent: number; retrying: number; failed: number; skipped: number };

/** Mails the notifications that are due, one mail each; retries later when the server refuses. */
export async function deliverPending(
  options: Options & { limit?: number },
): Promise<DeliveryReport> {
  const { db = defaultDb, workerId, now = new Date() } = options;
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0, skipped: 0 };
  const ids = await claimPending(options);
  if (!ids.length) return report;
  const context = await mailContext(db);
  for (const id of ids) {
    // the claim again, renewed, before each mail: a batch (or a slow mail server) may outlast
    // it, and another instance may have taken over the notification meanwhile; then it is theirs
    const held = await db.notification.updateMany({
      where: { id, mailState: 'sending', claimedBy: workerId },
      data: { claimedUntil: new Date(Date.now() + CLAIM_MS) },
    });
    if (!held.count) continue;
    const n = await db.notification.findUnique({
      where: { id },
      select: {
        event: true,
        subjectType: true,
        subjectId: true,
        title: true,
        link: true,
        params: true,
        mailAttempts: true,
        actor: { select: { name: true } },
        recipient: { select: { email: true, name: true, locale: true, active: true } },
      },
    });
    if (!n) continue;
    const mine = { id, mailState: 'sending', claimedBy: workerId };
    const release = { claimedBy: null, claimedUntil: null };
    if (!n.recipient.active || !mailSettings()) {
      await db.notification.updateMany({
        where: mine,
        data: {
          ...release,
          mailState: 'skipped',
          mailError: n.recipient.active ? 'mail is off (SMTP_URL)' : 'recipient deactivated',
        },
      });
      report.skipped++;
      continue;
    }
    try {
      const [withheld] = await withheldTitles([n]);
      await sendMail(await notificationMail({ ...n, withheld }, n.recipient, context));
      await db.notification.updateMany({
        where: mine,
        data: {
          ...release,
          mailState: 'sent',
          mailSentAt: new Date(),
          mailAttempts: n.mailAttempts + 1,
          mailError: null,
        },
      });
      report.sent++;
    } catch (error) {
      const failures = n.mailAttempts + 1;
      const next = afterFailure(failures, now);
      await db.notification.updateMany({
        where: mine,
        data: {
          ...release,
          mailAttempts: failures,
          mailError: errorText(error),
          ...(next.state === 'pending'
            ? { mailState: 'pending', mailNextAt: next.nextAt }
            : { mailState: 'failed', mailNextAt: null }),
        },
      });
      if (next.state === 'pending') report.retrying++;
      else report.failed++;
    }
  }
  return report;
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

/**
 * Sends the digests that are due: one mail per person with every digest notification that
 * arrived before their latest digest time. The person's `lastDigestAt` doubles as the claim, so
 * of several instances one sends it.
 */
export async function deliverDigests(options: Options): Promise<DeliveryReport> {
  const { db = defaultDb, workerId, now = new Date() } = options;
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0, skipped: 0 };
  if (!mailSettings()) return report;
  const ready = { OR: [{ mailNextAt: null }, { mailNextAt: { lte: now } }] };
  const people = await db.user.findMany({
    where: { active: true, notifications: { some: { mailState: 'digest', ...ready } } },
    select: {
      id: true,
      email: true,
      name: true,
      locale: true,
      digestFrequency: true,
      digestHour: true,
      digestWeekday: true,
      lastDigestAt: true,
    },
  });
  if (!people.length) return report;
  const context = await mailContext(db);
  for (const person of people) {
    const slot = latestDigestSlot(
      { frequency: person.digestFrequency, hour: person.digestHour, weekday: person.digestWeekday },
      now,
      context.timeZone,
    );
    if (person.lastDigestAt && person.lastDigestAt.getTime() >= slot.getTime()) continue;
    const due = { recipientId: person.id, mailState: 'digest', createdAt: { lt: slot }, ...ready };
    if (!(await db.notification.count({ where: due }))) continue;
    const claim = await db.user.updateMany({
      where: { id: person.id, lastDigestAt: person.lastDigestAt },
      data: { lastDigestAt: slot },
    });
    if (!claim.count) continue;
    await db.notification.updateMany({
      where: due,
      data: {
        mailState: 'sending',
        claimedBy: workerId,
        claimedUntil: new Date(now.getTime() + CLAIM_MS),
      },
    });
    const mine = { recipientId: person.id, mailState: 'sending', claimedBy: workerId };
    const items = await db.notification.findMany({
      where: mine,
      orderBy: { createdAt: 'asc' },
      select: {
        event: true,
        subjectType: true,
        subjectId: true,
        title: true,
        link: true,
        params: true,
        mailAttempts: true,
        actor: { select: { name: true } },
      },
    });
    if (!items.length) continue;
    const release = { claimedBy: null, claimedUntil: null };
    try {
      const withheld = await withheldTitles(items);
      await sendMail(
        await digestMail(
          items.map((item, i) => ({ ...item, withheld: withheld[i] })),
          person,
          context,
        ),
      );
      await db.notification.updateMany({
        where: mine,
        data: { ...release, mailState: 'sent', mailSentAt: new Date(), mailError: null },
      });
      report.sent++;
    } catch (error) {
      const failures = Math.max(...items.map((i) => i.mailAttempts)) + 1;
      const next = afterFailure(failures, now);
      await db.notification.updateMany({
        where: mine,
        data: {
          ...release,
          mailAttempts: failures,
          mailError: errorText(error),
          ...(next.state === 'pending'
            ? { mailState: 'digest', mailNextAt: next.nextAt }
            : { mailState: 'failed', mailNextAt: null }),
        },
      });
      // the digest is still owed: the next attempt may send it
      await db.user.updateMany({
        where: { id: person.id, lastDigestAt: slot },
        data: { lastDigestAt: person.lastDigestAt },
      });
      if (next.state === 'pending') report.retrying++;
      else report.failed++;
    }
  }
  return report;
}

/** Mail for deactivated people and, without mail configured, all queued mail is dropped. */
export async function skipUndeliverable({ db = defaultDb }: { db?: PrismaClient } = {}) {
  const queued = { mailState: { in: ['pending', 'digest'] } };
  const inactive = await db.notification.updateMany({
    where: { ...queued, recipient: { active: false } },
    data: { mailState: 'skipped', mailError: 'recipient deactivated' },
  });
  const off = mailSettings()
    ? { count: 0 }
    : await db.notification.updateMany({
        where: queued,
        data: { mailState: 'skipped', mailError: 'mail is off (SMTP_URL)' },
      });
  return inactive.count + off.count;
}

const STUCK_STAGES = ['planned', 'in_production', 'in_review', 'approved'];
/** ids per query, well below SQLite's limit of parameters */
const SLICE = 500;

/**
 * Writes the reminders that are due (domain/notifications/reminders): deadlines in a few days,
 * missed deadlines, pieces stuck in a stage, and a published piece's results due 7, 30 and 90
 * days after publication. Each is written once per person (its dedupe key).
 */
export async function createReminders({
  db = defaultDb,
  now = new Date(),
}: { db?: PrismaClient; now?: Date } = {}): Promise<number> {
  const day = 24 * 3600_000;
  const rows = await db.contentPiece.findMany({
    where: {
      status: { notIn: ['published', 'cancelled'] },
      OR: [
        {
          deadlines: {
            some: {
              dueAt: {
                gte: new Date(now.getTime() - 8 * day),
                lte: new Date(now.getTime() + 3 * day),
              },
            },
          },
        },
        // a piece younger than the stuck period cannot be stuck yet
        {
          status: { in: STUCK_STAGES },
          ownerId: { not: null },
          createdAt: { lte: new Date(now.getTime() - REMINDER_SETTINGS.stuckDays * day) },
        },
      ],
    },
    select: {
      id: true,
      title: true,
      status: true,
      ownerId: true,
      createdAt: true,
      experts: { select: { userId: true } },
      deadlines: { select: { stage: true, dueAt: true } },
    },
  });
  const resultsDue = await listResultsDue({ db, now });
  // the strategy review due, to its owner and management
  const reviewDue = await writeReviewDueReminder({ db, now });
  if (!rows.length && !resultsDue.length) return reviewDue;
  // a piece entered its status with its last status change, else when it was created (in
  // slices: SQLite takes only so many parameters in one query)
  const changedAt = new Map<string, Date | null>();
  for (let i = 0; i < rows.length; i += SLICE) {
    const changes = await db.auditEvent.groupBy({
      by: ['entityId'],
      where: {
        entityType: 'content_piece',
        action: 'piece.status',
        entityId: { in: rows.slice(i, i + SLICE).map((r) => r.id) },
      },
      _max: { createdAt: true },
    });
    for (const c of changes) changedAt.set(c.entityId, c._max.createdAt);
  }
  const pieces: ReminderPiece[] = rows.map((r) => ({
    id: r.id,
    title: r.title,
    status: r.status,
    ownerId: r.ownerId,
    expertIds: r.experts.map((e) => e.userId),
    deadlines: r.deadlines,
    statusSince: changedAt.get(r.id) ?? r.createdAt,
  }));
  // reminders everyone has had already (most of them, from the second round on) are passed
  // over with one read, instead of a transaction each
  const reminders = [...dueReminders(pieces, now), ...resultsDueReminders(resultsDue)];
  const had = new Set<string>();
  const keys = [...new Set(reminders.map((r) => r.dedupeKey))];
  for (let i = 0; i < keys.length; i += SLICE) {
    const known = await db.notification.findMany({
      where: { dedupeKey: { in: keys.slice(i, i + SLICE) } },
      select: { recipientId: true, dedupeKey: true },
    });
    for (const k of known) had.add(`${k.recipientId} ${k.dedupeKey}`);
  }
  let written = 0;
  for (const reminder of reminders) {
    if (reminder.recipientIds.every((id) => had.has(`${id} ${reminder.dedupeKey}`))) continue;
    try {
      const to = await db.$transaction((tx) =>
        notify(tx, {
          event: reminder.event,
          to: { userIds: reminder.recipientIds },
          actorId: null,
          subject: {
            type: 'piece',
            id: reminder.pieceId,
            title: reminder.title,
            link: notificationLinks.piece(reminder.pieceId),
          },
          params: reminder.params,
          dedupeKey: reminder.dedupeKey,
        }),
      );
      written += to.length;
    } catch (error) {
      // another instance wrote the same reminder at the same moment
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return written + reviewDue;
}

export type NotificationWorker = { id: string; stop(): Promise<void> };

/**
 * Starts the worker in this process: every `pollMs` it mails what is due, every minute it sends
 * the digests that are due, every `remindersMs` it writes reminders (and drops queued mail that
 * can no longer go out). Its timers do not keep the process alive; `stop()`
 * waits for the round in progress.
 */
export function startNotificationWorker({
  db = defaultDb,
  pollMs = 3000,
  remindersMs = 5 * 60_000,
  log = (message: string) => console.error(message),
}: {
  db?: PrismaClient;
  pollMs?: number;
  remindersMs?: number;
  log?: (message: string) => void;
} = {}): NotificationWorker {
  const id = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> | null = null;
  let lastReminders = 0;
  let lastDigests = 0;
  let lastError = '';

  async function work() {
    const now = new Date();
    if (mailSettings()) {
      // a full batch means more may be waiting: go on at once
      while (!stopped) {
        const r = await deliverPending({ db, workerId: id, now: new Date() });
        if (r.sent + r.retrying + r.failed + r.skipped < 20) break;
      }
      if (now.getTime() - lastDigests >= DIGEST_CHECK_MS) {
        lastDigests = now.getTime();
        await deliverDigests({ db, workerId: id, now });
      }
    }
    if (now.getTime() - lastReminders >= remindersMs) {
      lastReminders = now.getTime();
      await skipUndeliverable({ db });
      await createReminders({ db, now });
    }
  }

  function next() {
    if (stopped) return;
    timer = setTimeout(() => {
      round = work()
        .then(() => {
          lastError = '';
        })
        .catch((error: unknown) => {
          // reported once, not every few seconds while e.g. the database is away
          const text = errorText(error);
          if (text !== lastError) log(`lotse: notifications: ${text}`);
          lastError = text;
        })
        .finally(() => {
          round = null;
          next();
        });
    }, pollMs);
    timer.unref();
  }
  next();
  return {
    id,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await round;
    },
  };
}

export { MAX_MAIL_ATTEMPTS };
