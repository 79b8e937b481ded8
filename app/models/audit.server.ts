import { addDays } from 'date-fns';
import {
  AUDIT_PAGE_SIZE,
  auditChanges,
  recordedName,
  subjectPermission,
  type AuditEntity,
  type AuditQuery,
  type AuditSubject,
} from '~/domain/audit';
import { startOfLocalDay } from '~/domain/calendar/grid';
import { can, type Action } from '~/domain/permissions';
import type { Prisma } from '~/generated/prisma/client';
import { prisma, type Tx } from '~/utils/db.server';
import type { SessionUser } from '~/utils/session.server';

/** An entry: an action of the vocabulary (domain/audit.ts) with the kind of record it is about. */
export type AuditInput = AuditSubject & {
  actorId: string | null;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

/** Records who did what to which record, inside the caller's transaction. */
export async function recordAudit(tx: Tx, event: AuditInput) {
  await tx.auditEvent.create({
    data: {
      actorId: event.actorId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      before: event.before === undefined ? null : JSON.stringify(event.before),
      after: event.after === undefined ? null : JSON.stringify(event.after),
    },
  });
}

// ───────────────────────────── the audit log page ─────────────────────────────

type Viewer = Pick<SessionUser, 'id' | 'roles'>;

/** The actor filter's value for entries the system recorded on its own (no person). */
export const SYSTEM_ACTOR = 'system';

/** One page of entries, newest first, as the viewer may see them (see SUBJECT_PERMISSION). */
export async function listAuditEvents({
  query,
  timeZone,
  viewer,
}: {
  query: AuditQuery;
  timeZone: string;
  viewer: Viewer;
}) {
  const where: Prisma.AuditEventWhereInput = {};
  if (query.actor === SYSTEM_ACTOR) where.actorId = null;
  else if (query.actor) where.actorId = query.actor;
  if (query.action) where.action = query.action;
  if (query.from || query.to) {
    where.createdAt = {
      ...(query.from ? { gte: new Date(startOfLocalDay(query.from, timeZone).getTime()) } : {}),
      ...(query.to
        ? { lt: new Date(addDays(startOfLocalDay(query.to, timeZone), 1).getTime()) }
        : {}),
    };
  }
  const total = await prisma.auditEvent.count({ where });
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(query.page, pages);
  const rows = await prisma.auditEvent.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
    select: {
      id: true,
      createdAt: true,
      action: true,
      entityType: true,
      entityId: true,
      before: true,
      after: true,
      actor: { select: { id: true, name: true } },
    },
  });
  // stored entries may name kinds of record this version no longer knows: those show neither
  const permitted = (type: string) => {
    const action = subjectPermission(type);
    return Boolean(action && can(viewer.roles, action));
  };
  const subjects = await currentSubjects(
    rows.filter((r) => permitted(r.entityType) && r.entityId !== '*'),
    viewer,
  );
  const events = rows.map((row) => {
    const many = row.entityId === '*';
    const current = subjects.get(`${row.entityType}:${row.entityId}`);
    // a record that still exists but is out of the viewer's sight (e.g. someone's draft) shows
    // no more than a record of a kind they may not read
    const visible = permitted(row.entityType) && (many || current !== 'hidden');
    const subject = current && current !== 'hidden' ? current : null;
    return {
      id: row.id,
      createdAt: row.createdAt,
      action: row.action,
      actor: row.actor,
      subject: {
        type: row.entityType,
        many,
        name: visible && !many ? (subject?.name ?? recordedName(row.before, row.after)) : null,
        href: visible ? (subject?.href ?? null) : null,
      },
      changes: visible ? auditChanges(row.before, row.after) : null,
    };
  });
  return { events, total, page, pages };
}

type Subject = { name: string; href: string | null };

/**
 * The current names of the entries' records (and a link where the viewer may open them), keyed
 * by "type:id"; 'hidden' for records the viewer may not see. Records that are gone are missing.
 */
async function currentSubjects(
  rows: readonly { entityType: string; entityId: string }[],
  viewer: Viewer,
): Promise<Map<string, Subject | 'hidden'>> {
  const ids = (type: AuditEntity) => [
    ...new Set(rows.filter((r) => r.entityType === type).map((r) => r.entityId)),
  ];
  const out = new Map<string, Subject | 'hidden'>();
  const put = (type: AuditEntity, id: string, name: string, href: string | null) =>
    out.set(`${type}:${id}`, { name: name.length > 120 ? `${name.slice(0, 119)}…` : name, href });
  const link = (action: Action, href: string) => (can(viewer.roles, action) ? href : null);

  const [users, items, pieces, rules, exemptions, audiences, needs, matches, concepts] =
    await Promise.all([
      prisma.user.findMany({
        where: { id: { in: ids('user') } },
        select: { id: true, name: true },
      }),
      prisma.knowledgeItem.findMany({
        where: { id: { in: ids('knowledge_item') } },
        select: { id: true, title: true, ownerId: true, status: true },
      }),
      prisma.contentPiece.findMany({
        where: { id: { in: ids('content_piece') } },
        select: { id: true, title: true },
      }),
      prisma.disclosureRule.findMany({
        where: { id: { in: ids('disclosure_rule') } },
        select: { id: true, name: true },
      }),
      prisma.disclosureExemption.findMany({
        where: { id: { in: ids('disclosure_exemption') } },
        select: {
          id: true,
          pieceId: true,
          piece: { select: { title: true } },
          rule: { select: { name: true } },
        },
      }),
      prisma.audience.findMany({
        where: { id: { in: ids('audience') } },
        select: { id: true, name: true },
      }),
      prisma.need.findMany({
        where: { id: { in: ids('need') } },
        select: { id: true, text: true },
      }),
      prisma.match.findMany({
        where: { id: { in: ids('match') } },
        select: { id: true, needId: true, knowledgeItem: { select: { title: true } } },
      }),
      prisma.glossaryConcept.findMany({
        where: { id: { in: ids('glossaryConcept') } },
        select: { id: true, key: true },
      }),
    ]);
  for (const u of users) put('user', u.id, u.name, link('users:manage', `/users/${u.id}`));
  for (const i of items) {
    // reviewers see everything but other people's drafts (knowledgeVisibleTo)
    if (i.status === 'draft' && i.ownerId !== viewer.id)
      out.set(`knowledge_item:${i.id}`, 'hidden');
    else put('knowledge_item', i.id, i.title, `/knowledge/${i.id}`);
  }
  for (const p of pieces) put('content_piece', p.id, p.title, `/calendar/${p.id}`);
  for (const r of rules)
    put('disclosure_rule', r.id, r.name, link('rules:manage', `/rules/${r.id}`));
  for (const e of exemptions)
    put(
      'disclosure_exemption',
      e.id,
      `${e.rule.name} · ${e.piece.title}`,
      link('calendar:read-all', `/calendar/${e.pieceId}`),
    );
  for (const a of audiences) put('audience', a.id, a.name, `/audiences/${a.id}`);
  for (const n of needs) put('need', n.id, n.text, link('matches:read', `/matches/${n.id}`));
  for (const m of matches)
    put('match', m.id, m.knowledgeItem.title, link('matches:read', `/matches/${m.needId}`));
  for (const c of concepts) put('glossaryConcept', c.id, c.key, null);
  return out;
}

/** The choices of the filters: who has entries, and which actions were recorded. */
export async function auditFilterOptions() {
  const [actors, actions] = await Promise.all([
    prisma.user.findMany({
      where: { auditEvents: { some: {} } },
      orderBy: { name: 'asc' },
      select: { id: true, name: true },
    }),
    prisma.auditEvent.groupBy({ by: ['action'], orderBy: { action: 'asc' } }),
  ]);
  return { actors, actions: actions.map((a) => a.action) };
}
