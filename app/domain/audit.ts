import { isDay } from './calendar/calendar-query';
import type { Action } from './permissions';

/** The audit log's filters and page, as they live in the URL. */
export type AuditQuery = {
  actor: string;
  action: string;
  /** whole local days (YYYY-MM-DD) in the workspace's time zone, both included */
  from: string;
  to: string;
  page: number;
};

export const AUDIT_PAGE_SIZE = 50;

const text = (value: string | null, max: number) => (value ?? '').trim().slice(0, max);

/** Reads the query from the URL; what does not parse is left out rather than refused. */
export function parseAuditQuery(params: URLSearchParams): AuditQuery {
  const page = Number(params.get('page'));
  const from = params.get('from');
  const to = params.get('to');
  return {
    actor: text(params.get('actor'), 100),
    action: text(params.get('action'), 100),
    from: isDay(from) ? from : '',
    to: isDay(to) ? to : '',
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

/** The URL search of a query (with "?"), leaving out what is empty so links stay short. */
export function auditQueryToSearch(query: AuditQuery): string {
  const params = new URLSearchParams();
  for (const key of ['actor', 'action', 'from', 'to'] as const)
    if (query[key]) params.set(key, query[key]);
  if (query.page > 1) params.set('page', String(query.page));
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** The kinds of record the audit log knows (an entry's `entityType`). */
export const AUDIT_ENTITIES = [
  'user',
  'knowledge_item',
  'content_piece',
  'disclosure_rule',
  'disclosure_exemption',
  'audience',
  'need',
  'match',
  'glossaryConcept',
  'strategy',
  'goal',
  'kpi',
  'stock_take_entry',
  'milestone',
  'notification',
  'metric_observation',
  'result_import',
  'result_mapping',
  'strategy_review',
  'topic_request',
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

/**
 * What the audit log records, by the prefix of the action (`piece.status`): the kind of record
 * the actions of that prefix are about, and the actions. Every action has a label in the
 * message catalogs (`audit.actions.<prefix>.<action>`).
 */
export const AUDIT_VOCABULARY = {
  user: {
    entity: 'user',
    actions: [
      'create',
      'update',
      'passwordChange',
      'oneTimePassword',
      'passwordResetRequested',
      'passwordReset',
    ],
  },
  audience: { entity: 'audience', actions: ['create', 'update', 'delete', 'profile'] },
  need: { entity: 'need', actions: ['create', 'update', 'delete'] },
  glossaryConcept: { entity: 'glossaryConcept', actions: ['create', 'update', 'delete'] },
  glossaryProposal: { entity: 'glossaryConcept', actions: ['confirm', 'reject'] },
  knowledge: {
    entity: 'knowledge_item',
    actions: [
      'create',
      'update',
      'submit',
      'withdraw',
      'accept',
      'request_changes',
      'decline',
      'archive',
      'import',
    ],
  },
  match: { entity: 'match', actions: ['accepted', 'dismissed'] },
  piece: { entity: 'content_piece', actions: ['create', 'update', 'move', 'status'] },
  exemption: { entity: 'disclosure_exemption', actions: ['request', 'grant', 'deny'] },
  rule: { entity: 'disclosure_rule', actions: ['create', 'update', 'import'] },
  strategy: { entity: 'strategy', actions: ['owner', 'cadence'] },
  goal: {
    entity: 'goal',
    actions: ['propose', 'update', 'agree', 'send_back', 'retire', 'link', 'unlink'],
  },
  kpi: { entity: 'kpi', actions: ['create', 'update', 'delete'] },
  stockTake: { entity: 'stock_take_entry', actions: ['create', 'update', 'delete'] },
  milestone: { entity: 'milestone', actions: ['create', 'update', 'delete'] },
  notification: { entity: 'notification', actions: ['retry'] },
  observation: { entity: 'metric_observation', actions: ['enter', 'delete'] },
  resultImport: { entity: 'result_import', actions: ['commit', 'undo'] },
  resultMapping: { entity: 'result_mapping', actions: ['save', 'delete'] },
  review: { entity: 'strategy_review', actions: ['open', 'finding', 'decision', 'signoff'] },
  topicRequest: { entity: 'topic_request', actions: ['create', 'withdraw', 'answer'] },
} as const satisfies Record<string, { entity: AuditEntity; actions: readonly string[] }>;

type Vocabulary = typeof AUDIT_VOCABULARY;
type Prefix = keyof Vocabulary;

/** One audit action (`piece.status`) with the kind of record it is about. */
export type AuditSubject = {
  [P in Prefix]: {
    action: `${P}.${Vocabulary[P]['actions'][number]}`;
    entityType: Vocabulary[P]['entity'];
  };
}[Prefix];
export type AuditAction = AuditSubject['action'];

/** An action of the vocabulary with its kind of record: `auditSubject('piece', 'move')`. */
export function auditSubject<P extends Prefix, A extends Vocabulary[P]['actions'][number]>(
  prefix: P,
  action: A,
): { action: `${P}.${A}`; entityType: Vocabulary[P]['entity'] } {
  return { action: `${prefix}.${action}`, entityType: AUDIT_VOCABULARY[prefix].entity };
}

/** Every action of the vocabulary, in its order. */
export const AUDIT_ACTIONS: readonly AuditAction[] = Object.entries(AUDIT_VOCABULARY).flatMap(
  ([prefix, { actions }]) => actions.map((action) => `${prefix}.${action}` as AuditAction),
);

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}

/**
 * Which permission shows an entry's subject and details: the one that opens that kind of record
 * elsewhere in Lotse, so the audit log never shows a role more than the rest of the app does
 * (an administrator sees that a piece changed, not its text). Kinds not listed show neither.
 */
export const SUBJECT_PERMISSION: Readonly<Record<AuditEntity, Action>> = {
  user: 'users:manage',
  knowledge_item: 'knowledge:review',
  content_piece: 'calendar:read-all',
  disclosure_rule: 'rules:read',
  disclosure_exemption: 'rules:read',
  audience: 'audiences:read',
  need: 'audiences:read',
  match: 'matches:read',
  glossaryConcept: 'matches:read',
  strategy: 'strategy:read',
  goal: 'strategy:read',
  kpi: 'strategy:read',
  stock_take_entry: 'strategy:read',
  milestone: 'strategy:read',
  notification: 'notifications:queue',
  metric_observation: 'results:read',
  result_import: 'results:read',
  result_mapping: 'results:read',
  strategy_review: 'review:read',
  topic_request: 'matches:read',
};

/** The permission that shows entries about `entityType` (as stored: any text), if any. */
export function subjectPermission(entityType: string): Action | undefined {
  return Object.hasOwn(SUBJECT_PERMISSION, entityType)
    ? SUBJECT_PERMISSION[entityType as AuditEntity]
    : undefined;
}

export type AuditChange = { field: string; before?: string; after?: string };

const MAX_VALUE = 160;
const MAX_CHANGES = 12;

function show(value: unknown): string {
  const shown =
    typeof value === 'string' ? value : value === null ? '—' : (JSON.stringify(value) ?? '');
  return shown.length > MAX_VALUE ? `${shown.slice(0, MAX_VALUE - 1)}…` : shown;
}

function parse(json: string | null): Record<string, unknown> {
  if (!json) return {};
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : { value };
  } catch {
    return { value: json };
  }
}

/**
 * What an entry changed, field by field, from its recorded before/after JSON: fields that kept
 * their value are left out, long values are shortened.
 */
export function auditChanges(before: string | null, after: string | null): AuditChange[] {
  const b = parse(before);
  const a = parse(after);
  const changes: AuditChange[] = [];
  for (const field of new Set([...Object.keys(b), ...Object.keys(a)])) {
    const inBefore = field in b && b[field] !== undefined;
    const inAfter = field in a && a[field] !== undefined;
    if (inBefore && inAfter && JSON.stringify(b[field]) === JSON.stringify(a[field])) continue;
    changes.push({
      field,
      ...(inBefore ? { before: show(b[field]) } : {}),
      ...(inAfter ? { after: show(a[field]) } : {}),
    });
  }
  return changes.slice(0, MAX_CHANGES);
}

/** A name for the record from its recorded data, for records that no longer exist. */
export function recordedName(before: string | null, after: string | null): string | null {
  for (const data of [parse(after), parse(before)]) {
    for (const key of ['name', 'title', 'text', 'email', 'key']) {
      const value = data[key];
      if (typeof value === 'string' && value.trim()) return show(value.trim());
    }
  }
  return null;
}
