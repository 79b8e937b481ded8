import type { NotificationEvent } from '~/domain/notifications/events';
import type { Tx } from '~/utils/db.server';

/**
 * A few notifications for each demo account, about real items of the demo workspace: unread ones
 * at the top and some already read below them. They stay in the app (mail state "none"), so
 * starting the demo with mail configured sends nothing. Each has a demo key of its own, so
 * seeding again changes nothing.
 */

const HOUR = 3600 * 1000;

type Subject =
  | { type: 'knowledge'; key: string }
  | { type: 'piece'; title: string }
  | { type: 'exemption'; pieceTitle: string }
  | { type: 'review' };

type DemoNotification = {
  key: string;
  to: 'expert' | 'editor' | 'management' | 'admin';
  event: NotificationEvent;
  subject: Subject;
  actor: string | null;
  /** hours before now */
  hoursAgo: number;
  read: boolean;
  params?: Record<string, unknown>;
};

const WHITEPAPER = 'Wearing habits 2026: what 4,800 lens wearers really do';
const PODCAST = 'Klarblick Podcast #12: Trockene Augen im Homeoffice';
const CARE_BLOG = 'Die fünf häufigsten Pflegefehler – und wie Sie sie vermeiden';

export const DEMO_NOTIFICATIONS: DemoNotification[] = [
  // the editor: submissions waiting for review, one already seen (deadline reminders come from
  // the notification worker itself)
  {
    key: 'editor-k03',
    to: 'editor',
    event: 'knowledge.submitted',
    subject: { type: 'knowledge', key: 'k03' },
    actor: 'expert',
    hoursAgo: 2,
    read: false,
  },
  {
    key: 'editor-k11',
    to: 'editor',
    event: 'knowledge.submitted',
    subject: { type: 'knowledge', key: 'k11' },
    actor: 'sophie',
    hoursAgo: 20,
    read: false,
  },
  {
    key: 'editor-care-blog',
    to: 'editor',
    event: 'piece.owner_assigned',
    subject: { type: 'piece', title: CARE_BLOG },
    actor: 'editor2',
    hoursAgo: 24 * 6,
    read: true,
  },
  // the expert: a decision on a submission, a podcast to contribute to, an older acceptance
  {
    key: 'expert-k04',
    to: 'expert',
    event: 'knowledge.changes_requested',
    subject: { type: 'knowledge', key: 'k04' },
    actor: 'editor',
    hoursAgo: 5,
    read: false,
  },
  {
    key: 'expert-podcast',
    to: 'expert',
    event: 'piece.expert_added',
    subject: { type: 'piece', title: PODCAST },
    actor: 'editor',
    hoursAgo: 30,
    read: false,
  },
  {
    key: 'expert-k01',
    to: 'expert',
    event: 'knowledge.accepted',
    subject: { type: 'knowledge', key: 'k01' },
    actor: 'editor',
    hoursAgo: 24 * 10,
    read: true,
  },
  // management: the open exemption request, a mention in a piece's comments, an older one read
  {
    key: 'management-exemption',
    to: 'management',
    event: 'exemption.requested',
    subject: { type: 'exemption', pieceTitle: WHITEPAPER },
    actor: 'editor',
    hoursAgo: 3,
    read: false,
  },
  {
    key: 'management-podcast-mention',
    to: 'management',
    event: 'comment.mention',
    subject: { type: 'piece', title: PODCAST },
    actor: 'editor',
    hoursAgo: 28,
    read: false,
  },
  {
    key: 'management-review',
    to: 'management',
    event: 'review.due',
    subject: { type: 'review' },
    actor: null,
    hoursAgo: 24 * 4,
    read: true,
  },
  // the administrator: the strategy review coming up
  {
    key: 'admin-review',
    to: 'admin',
    event: 'review.due',
    subject: { type: 'review' },
    actor: null,
    hoursAgo: 6,
    read: false,
  },
  {
    key: 'admin-review-earlier',
    to: 'admin',
    event: 'review.due',
    subject: { type: 'review' },
    actor: null,
    hoursAgo: 24 * 14,
    read: true,
  },
];

export async function seedDemoNotifications(
  tx: Tx,
  {
    now,
    userId,
    itemId,
    pieceId,
  }: {
    now: Date;
    userId: (key: string) => string;
    itemId: (key: string) => string;
    pieceId: (title: string) => string;
  },
) {
  for (const n of DEMO_NOTIFICATIONS) {
    const subject = await resolve(tx, n.subject, { itemId, pieceId });
    const createdAt = new Date(now.getTime() - n.hoursAgo * HOUR);
    const recipientId = userId(n.to);
    const dedupeKey = `demo:${n.key}`;
    await tx.notification.upsert({
      where: { recipientId_dedupeKey: { recipientId, dedupeKey } },
      update: {},
      create: {
        recipientId,
        dedupeKey,
        event: n.event,
        subjectType: n.subject.type,
        subjectId: subject.id,
        title: subject.title,
        link: subject.link,
        actorId: n.actor ? userId(n.actor) : null,
        params: JSON.stringify(n.params ?? {}),
        createdAt,
        readAt: n.read ? new Date(createdAt.getTime() + HOUR) : null,
        mailState: 'none',
      },
    });
  }
}

async function resolve(
  tx: Tx,
  subject: Subject,
  { itemId, pieceId }: { itemId: (key: string) => string; pieceId: (title: string) => string },
): Promise<{ id: string; title: string; link: string }> {
  switch (subject.type) {
    case 'knowledge': {
      const item = await tx.knowledgeItem.findUniqueOrThrow({
        where: { id: itemId(subject.key) },
        select: { id: true, title: true },
      });
      return { ...item, link: `/knowledge/${item.id}` };
    }
    case 'piece': {
      const id = pieceId(subject.title);
      return { id, title: subject.title, link: `/calendar/${id}` };
    }
    case 'exemption': {
      const exemption = await tx.disclosureExemption.findFirstOrThrow({
        where: { pieceId: pieceId(subject.pieceTitle) },
        select: { id: true, rule: { select: { name: true } } },
      });
      // management decides exemption requests on the rules page
      return {
        id: exemption.id,
        title: `${exemption.rule.name} · ${subject.pieceTitle}`,
        link: '/rules#exemptions-title',
      };
    }
    case 'review': {
      const strategy = await tx.strategy.findUniqueOrThrow({
        where: { id: 1 },
        select: { id: true },
      });
      return { id: String(strategy.id), title: 'Half-yearly strategy review', link: '/strategy' };
    }
  }
}
