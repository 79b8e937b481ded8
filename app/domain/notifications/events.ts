/**
 * The notification vocabulary: which events Lotse tells people about, the ways a person can
 * hear about them, and who hears how by default.
 */

export const NOTIFICATION_EVENTS = [
  'knowledge.submitted',
  'knowledge.changes_requested',
  'knowledge.accepted',
  'knowledge.declined',
  'piece.owner_assigned',
  'piece.expert_added',
  'piece.deadline_soon',
  'piece.overdue',
  'piece.stuck',
  'piece.sent_back_by_rule',
  'exemption.requested',
  'exemption.decided',
  'comment.mention',
  'results.due',
  'review.due',
  'topic.requested',
  'topic.answered',
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

/** off: nothing; app: only in the app; email: in the app and by mail at once; digest: in the app and in the next digest mail. */
export const NOTIFICATION_MODES = ['off', 'app', 'email', 'digest'] as const;
export type NotificationMode = (typeof NOTIFICATION_MODES)[number];

export function isNotificationEvent(v: unknown): v is NotificationEvent {
  return typeof v === 'string' && (NOTIFICATION_EVENTS as readonly string[]).includes(v);
}

export function isNotificationMode(v: unknown): v is NotificationMode {
  return typeof v === 'string' && (NOTIFICATION_MODES as readonly string[]).includes(v);
}

/** What a notification is about; decides the link and the wording. */
export type NotificationSubject =
  'knowledge' | 'piece' | 'exemption' | 'goal' | 'review' | 'rule' | 'topicRequest';

/** The events grouped for the preferences page, in display order. */
export const NOTIFICATION_EVENT_GROUPS: readonly {
  group: string;
  events: readonly NotificationEvent[];
}[] = [
  {
    group: 'knowledge',
    events: [
      'knowledge.submitted',
      'knowledge.changes_requested',
      'knowledge.accepted',
      'knowledge.declined',
    ],
  },
  {
    group: 'pieces',
    events: [
      'piece.owner_assigned',
      'piece.expert_added',
      'piece.deadline_soon',
      'piece.overdue',
      'piece.stuck',
      'piece.sent_back_by_rule',
      'comment.mention',
    ],
  },
  { group: 'disclosure', events: ['exemption.requested', 'exemption.decided'] },
  { group: 'results', events: ['results.due', 'review.due'] },
  { group: 'topics', events: ['topic.requested', 'topic.answered'] },
];

/**
 * Events that ask a person with one of these roles to act soon enough that a mail is the
 * default: editors for what waits for their review, experts for decisions on their
 * submissions and for topics their department is asked for, management for exemption requests.
 */
const EMAIL_BY_DEFAULT: Readonly<Record<string, readonly NotificationEvent[]>> = {
  editor: ['knowledge.submitted'],
  expert: [
    'knowledge.changes_requested',
    'knowledge.accepted',
    'knowledge.declined',
    'topic.requested',
  ],
  management: ['exemption.requested'],
};

/** The mode a person with these roles gets without a preference of their own. */
export function defaultMode(event: NotificationEvent, roles: readonly string[]): NotificationMode {
  for (const role of roles) {
    if (EMAIL_BY_DEFAULT[role]?.includes(event)) return 'email';
  }
  return 'app';
}

/** The mode that applies: the person's own choice, else the default for their roles. */
export function resolveMode(
  event: NotificationEvent,
  roles: readonly string[],
  preferences: readonly { event: string; mode: string }[],
): NotificationMode {
  const own = preferences.find((p) => p.event === event);
  if (own && isNotificationMode(own.mode)) return own.mode;
  return defaultMode(event, roles);
}

/** The outbox's mail state for a mode (null: write no notification at all). */
export function mailStateFor(
  mode: NotificationMode,
  mailEnabled: boolean,
): 'none' | 'pending' | 'digest' | null {
  if (mode === 'off') return null;
  if (!mailEnabled || mode === 'app') return 'none';
  return mode === 'email' ? 'pending' : 'digest';
}

/** The people Lotse tells about an item's next step, and how each hears of it. */
export type NotifiedPerson = { id: string; name: string; mode: Exclude<NotificationMode, 'off'> };
export type NextNotified = { event: NotificationEvent; people: NotifiedPerson[] };
