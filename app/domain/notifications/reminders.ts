import { hasReached } from '../calendar/workflow';
import type { PieceStatus } from '../calendar/vocabulary';
import type { ResultsDue } from '../results/due';
import type { NotificationEvent } from './events';

/**
 * Reminders about pieces: a stage deadline in a few days, a deadline passed without the piece
 * reaching the stage, and a piece that has not moved on from its stage for a long time. Each
 * reminder carries a key that names exactly what it is about, so it is written once per person
 * however often the reminders are computed.
 */
export const REMINDER_SETTINGS = {
  /** a deadline this many days ahead (or fewer) is announced */
  deadlineSoonDays: 2,
  /** deadlines that passed longer ago than this are not reported any more (a new install
   * does not greet everyone with last year's misses) */
  overdueLookbackDays: 7,
  /** a piece in the same working stage for this many days is stuck */
  stuckDays: 14,
} as const;
export type ReminderSettings = {
  deadlineSoonDays: number;
  overdueLookbackDays: number;
  stuckDays: number;
};

/** Stages in which a piece waits for someone's work (ideas and scheduled pieces do not). */
const WORKING_STAGES: readonly PieceStatus[] = [
  'planned',
  'in_production',
  'in_review',
  'approved',
];

export type ReminderPiece = {
  id: string;
  title: string;
  status: string;
  ownerId: string | null;
  expertIds: readonly string[];
  deadlines: readonly { stage: string; dueAt: Date }[];
  /** when the piece entered its current status */
  statusSince: Date;
};

export type Reminder = {
  event: Extract<
    NotificationEvent,
    'piece.deadline_soon' | 'piece.overdue' | 'piece.stuck' | 'results.due'
  >;
  pieceId: string;
  title: string;
  recipientIds: string[];
  params: { stage: string; dueAt?: string; since?: string; days: number };
  dedupeKey: string;
};

const DAY_MS = 24 * 3600_000;

export function dueReminders(
  pieces: readonly ReminderPiece[],
  now: Date,
  settings: ReminderSettings = REMINDER_SETTINGS,
): Reminder[] {
  const reminders: Reminder[] = [];
  const t = now.getTime();
  for (const piece of pieces) {
    const status = piece.status as PieceStatus;
    if (status === 'published' || status === 'cancelled') continue;
    const people = [
      ...new Set([piece.ownerId, ...piece.expertIds].filter((id): id is string => !!id)),
    ];
    for (const { stage, dueAt } of piece.deadlines) {
      if (hasReached(status, stage as PieceStatus)) continue;
      const due = dueAt.getTime();
      const at = dueAt.toISOString();
      if (due > t && due - t <= settings.deadlineSoonDays * DAY_MS) {
        reminders.push({
          event: 'piece.deadline_soon',
          pieceId: piece.id,
          title: piece.title,
          recipientIds: people,
          params: { stage, dueAt: at, days: Math.max(1, Math.ceil((due - t) / DAY_MS)) },
          dedupeKey: `piece.deadline_soon:${piece.id}:${stage}:${at}`,
        });
      } else if (due <= t && t - due <= settings.overdueLookbackDays * DAY_MS) {
        reminders.push({
          event: 'piece.overdue',
          pieceId: piece.id,
          title: piece.title,
          recipientIds: people,
          params: { stage, dueAt: at, days: Math.floor((t - due) / DAY_MS) },
          dedupeKey: `piece.overdue:${piece.id}:${stage}:${at}`,
        });
      }
    }
    const stuckFor = Math.floor((t - piece.statusSince.getTime()) / DAY_MS);
    if (WORKING_STAGES.includes(status) && piece.ownerId && stuckFor >= settings.stuckDays) {
      const since = piece.statusSince.toISOString();
      reminders.push({
        event: 'piece.stuck',
        pieceId: piece.id,
        title: piece.title,
        recipientIds: [piece.ownerId],
        params: { stage: status, since, days: stuckFor },
        dedupeKey: `piece.stuck:${piece.id}:${status}:${since}`,
      });
    }
  }
  return reminders;
}

/**
 * The results due for published pieces (app/domain/results/due.ts) as reminders to each piece's
 * owner: once per piece and window (7, 30, 90 days), whatever the stage it is in (`published`).
 */
export function resultsDueReminders(due: readonly ResultsDue[]): Reminder[] {
  return due.flatMap((d) =>
    d.ownerId
      ? [
          {
            event: 'results.due' as const,
            pieceId: d.pieceId,
            title: d.title,
            recipientIds: [d.ownerId],
            params: { stage: 'published', dueAt: d.dueOn, days: d.window },
            dedupeKey: d.dedupeKey,
          },
        ]
      : [],
  );
}

/**
 * The strategy review that is due (domain/strategy/review-snapshot.ts: dueReview) as a reminder
 * to the strategy's owner and management: once per person and due day, until it is opened.
 */
export function reviewDueReminder(
  due: { dueOn: string; periodStart: string; periodEnd: string } | null,
  recipientIds: readonly string[],
): {
  event: 'review.due';
  dueOn: string;
  recipientIds: string[];
  params: { dueAt: string; from: string };
  dedupeKey: string;
} | null {
  const ids = [...new Set(recipientIds)];
  if (!due || !ids.length) return null;
  return {
    event: 'review.due',
    dueOn: due.dueOn,
    recipientIds: ids,
    params: { dueAt: due.dueOn, from: due.periodStart },
    dedupeKey: `review.due:${due.dueOn}`,
  };
}
