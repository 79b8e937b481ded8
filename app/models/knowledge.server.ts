import type { Prisma } from '~/generated/prisma/client';
import type { InventoryQuery, SortColumn } from '~/domain/knowledge/inventory-query';
import { auditSubject } from '~/domain/audit';
import { parseTags } from '~/domain/knowledge/tags';
import type { KnowledgeStatus } from '~/domain/knowledge/vocabulary';
import {
  canEdit,
  transition,
  type KnowledgeAction,
  type TransitionProblem,
} from '~/domain/knowledge/workflow';
import { assertCan, can } from '~/domain/permissions';
import { prisma, usesPostgres, type Tx } from '~/utils/db.server';
import type { SessionUser } from '~/utils/session.server';
import { recordAudit } from './audit.server';
import { notifyKnowledgeStatus } from './notification.server';
import { publishableKnowledge } from './disclosure.server';
import { tagConnections } from './tag.server';
import {
  checkAnswerable,
  closeAnsweredTopicRequest,
  type AnswerProblem,
} from './topic-request.server';
import { bumpVersion, versionedUpdate } from './versioned.server';

type Viewer = Pick<SessionUser, 'id' | 'roles'>;

/**
 * Which knowledge items a viewer may see. Reviewers see everything but other people's drafts;
 * experts see their own items and the accepted inventory. Every query adds this to its `where`,
 * so an item outside it is "not found", also by URL.
 */
export function knowledgeVisibleTo(viewer: Viewer): Prisma.KnowledgeItemWhereInput {
  if (can(viewer.roles, 'knowledge:review')) {
    return { OR: [{ ownerId: viewer.id }, { status: { not: 'draft' } }] };
  }
  return { OR: [{ ownerId: viewer.id }, { status: 'accepted' }] };
}

// ───────────────────────────── the inventory table ─────────────────────────────

/** `contains`, case-insensitive on both databases (SQLite's LIKE is; PostgreSQL's needs the mode). */
function containing(text: string): Prisma.StringFilter {
  return (
    usesPostgres() ? { contains: text, mode: 'insensitive' } : { contains: text }
  ) as Prisma.StringFilter;
}

function queryWhere(viewer: Viewer, q: InventoryQuery): Prisma.KnowledgeItemWhereInput {
  const and: Prisma.KnowledgeItemWhereInput[] = [knowledgeVisibleTo(viewer)];
  if (q.kind.length) and.push({ kind: { in: q.kind } });
  if (q.language.length) and.push({ language: { in: q.language } });
  if (q.status.length) and.push({ status: { in: q.status } });
  if (q.department) and.push({ department: q.department });
  if (q.expert) and.push({ ownerId: q.expert });
  if (q.tag) and.push({ tags: { some: { tag: { name: q.tag } } } });
  if (q.q) {
    and.push({
      OR: [
        { title: containing(q.q) },
        { summary: containing(q.q) },
        { details: containing(q.q) },
        { department: containing(q.q) },
        { owner: { name: containing(q.q) } },
        { tags: { some: { tag: { name: containing(q.q.toLowerCase()) } } } },
      ],
    });
  }
  return { AND: and };
}

function queryOrder(
  sort: SortColumn,
  dir: 'asc' | 'desc',
): Prisma.KnowledgeItemOrderByWithRelationInput[] {
  const primary: Prisma.KnowledgeItemOrderByWithRelationInput =
    sort === 'expert'
      ? { owner: { name: dir } }
      : sort === 'updated'
        ? { updatedAt: dir }
        : { [sort]: dir };
  // a stable order, so pages never repeat or skip items
  return [primary, { id: 'asc' }];
}

const rowSelect = {
  id: true,
  title: true,
  kind: true,
  language: true,
  department: true,
  status: true,
  updatedAt: true,
  owner: { select: { id: true, name: true } },
  tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: 'asc' } } },
} satisfies Prisma.KnowledgeItemSelect;

/** One page of the inventory as the viewer may see it, filtered and sorted on the server. */
export async function queryInventory({ viewer, query }: { viewer: Viewer; query: InventoryQuery }) {
  const where = queryWhere(viewer, query);
  const total = await prisma.knowledgeItem.count({ where });
  const pages = Math.max(1, Math.ceil(total / query.size));
  const page = Math.min(query.page, pages);
  const rows = await prisma.knowledgeItem.findMany({
    where,
    orderBy: queryOrder(query.sort, query.dir),
    skip: (page - 1) * query.size,
    take: query.size,
    select: rowSelect,
  });
  return {
    total,
    page,
    pages,
    rows: rows.map((r) => ({ ...r, tags: r.tags.map((t) => t.tag.name) })),
  };
}

/** The choices of the table's filters, from what the viewer may see. */
export async function inventoryFacets({ viewer }: { viewer: Viewer }) {
  const visible = knowledgeVisibleTo(viewer);
  const [departments, owners, tags] = await Promise.all([
    prisma.knowledgeItem.groupBy({
      by: ['department'],
      where: visible,
      orderBy: { department: 'asc' },
    }),
    prisma.user.findMany({
      where: { knowledgeItems: { some: visible } },
      orderBy: { name: 'asc' },
      select: { id: true, name: true },
    }),
    listTagNames(),
  ]);
  return {
    departments: departments.map((d) => d.department).filter(Boolean),
    experts: owners,
    tags,
  };
}

/** Existing tags, most used first, for suggestions while typing. */
export async function listTagNames(limit = 300) {
  const tags = await prisma.tag.findMany({
    orderBy: [{ knowledge: { _count: 'desc' } }, { name: 'asc' }],
    take: limit,
    select: { name: true },
  });
  return tags.map((t) => t.name);
}

/**
 * Every item of the current view (no paging), for export; capped to keep exports bounded. Items
 * a disclosure rule blocks are left out (`withheld` counts them).
 */
export async function exportInventory({
  viewer,
  query,
  limit = 20_000,
}: {
  viewer: Viewer;
  query: InventoryQuery;
  limit?: number;
}) {
  const rows = await prisma.knowledgeItem.findMany({
    where: queryWhere(viewer, query),
    orderBy: queryOrder(query.sort, query.dir),
    take: limit,
    select: {
      id: true,
      externalId: true,
      title: true,
      summary: true,
      details: true,
      kind: true,
      language: true,
      department: true,
      status: true,
      updatedAt: true,
      owner: { select: { name: true, email: true } },
      tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: 'asc' } } },
    },
  });
  // the output gate: an item with a blocking finding in any text the export carries stays out
  const { items, withheld } = await publishableKnowledge(rows);
  return { items: items.map((r) => ({ ...r, tags: r.tags.map((t) => t.tag.name) })), withheld };
}

// ───────────────────────────── one item ─────────────────────────────

export function getKnowledgeItem({ id, viewer }: { id: string; viewer: Viewer }) {
  return prisma.knowledgeItem.findFirst({
    where: { AND: [{ id }, knowledgeVisibleTo(viewer)] },
    select: {
      id: true,
      title: true,
      summary: true,
      details: true,
      kind: true,
      language: true,
      department: true,
      status: true,
      links: true,
      version: true,
      createdAt: true,
      updatedAt: true,
      ownerId: true,
      owner: { select: { id: true, name: true } },
      tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: 'asc' } } },
      // the editor's topic request this item answers, if any
      answersRequest: {
        select: {
          id: true,
          text: true,
          department: true,
          status: true,
          closedReason: true,
          createdAt: true,
          requestedBy: { select: { name: true } },
          need: { select: { id: true, text: true, language: true } },
        },
      },
      transitions: {
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          fromStatus: true,
          toStatus: true,
          comment: true,
          createdAt: true,
          actor: { select: { name: true } },
        },
      },
    },
  });
}

export type KnowledgeInput = {
  title: string;
  summary: string;
  details: string;
  kind: string;
  language: string;
  department: string;
  tags: string[];
  links: { label?: string; url: string }[];
};

function itemData(input: KnowledgeInput) {
  return {
    title: input.title.trim(),
    summary: input.summary.trim(),
    details: input.details.trim(),
    kind: input.kind,
    language: input.language,
    department: input.department.trim(),
    links: JSON.stringify(input.links),
  };
}

/** What the audit log records of an item's content (its details shortened by the log). */
function auditedContent(input: KnowledgeInput) {
  const { links: _links, ...data } = itemData(input);
  // sorted, so that the log shows a change of tags only when the set changed
  return { ...data, tags: parseTags(input.tags).sort() };
}

/** An expert proposes a topic: saved as a draft, or submitted for review at once. */
export async function createKnowledgeItem({
  owner,
  input,
  submit,
}: {
  owner: Viewer;
  input: KnowledgeInput;
  submit: boolean;
}) {
  assertCan(owner, 'knowledge:submit');
  return prisma.$transaction((tx) => insertKnowledgeItem(tx, { owner, input, submit }));
}

/**
 * An expert proposes a topic that answers an editor's topic request: the item remembers the
 * request, which closes when an editor accepts the item. Refused, with nothing written, when the
 * request does not exist or is no longer open.
 */
export async function createKnowledgeItemAnswering({
  owner,
  input,
  submit,
  requestId,
}: {
  owner: Viewer;
  input: KnowledgeInput;
  submit: boolean;
  requestId: string;
}): Promise<{ ok: true; id: string } | { ok: false; problem: AnswerProblem }> {
  assertCan(owner, 'knowledge:submit');
  return prisma.$transaction(async (tx) => {
    const answerable = await checkAnswerable(tx, requestId);
    if (!answerable.ok) return answerable;
    const item = await insertKnowledgeItem(tx, {
      owner,
      input,
      submit,
      answersRequestId: requestId,
    });
    return { ok: true as const, id: item.id };
  });
}

async function insertKnowledgeItem(
  tx: Tx,
  {
    owner,
    input,
    submit,
    answersRequestId = null,
  }: { owner: Viewer; input: KnowledgeInput; submit: boolean; answersRequestId?: string | null },
) {
  const now = new Date();
  const item = await tx.knowledgeItem.create({
    data: {
      ...itemData(input),
      ownerId: owner.id,
      status: submit ? 'submitted' : 'draft',
      submittedAt: submit ? now : null,
      answersRequestId,
      tags: { create: await tagConnections(tx, input.tags) },
    },
    select: { id: true },
  });
  await tx.knowledgeTransition.create({
    data: {
      knowledgeItemId: item.id,
      fromStatus: null,
      toStatus: 'draft',
      actorId: owner.id,
      createdAt: now,
    },
  });
  if (submit) {
    await tx.knowledgeTransition.create({
      data: {
        knowledgeItemId: item.id,
        fromStatus: 'draft',
        toStatus: 'submitted',
        actorId: owner.id,
        createdAt: now,
      },
    });
  }
  await recordAudit(tx, {
    actorId: owner.id,
    ...auditSubject('knowledge', 'create'),
    entityId: item.id,
    after: {
      ...auditedContent(input),
      status: submit ? 'submitted' : 'draft',
      ...(answersRequestId ? { answersRequestId } : {}),
    },
  });
  if (submit)
    await notifyKnowledgeStatus(tx, { id: item.id, status: 'submitted', actorId: owner.id });
  return item;
}

export type KnowledgeWriteProblem = 'notFound' | 'conflict' | 'notEditable' | TransitionProblem;
type WriteResult =
  { ok: true; status: KnowledgeStatus } | { ok: false; problem: KnowledgeWriteProblem };

/**
 * The owner edits an item that is not yet accepted; `expectedVersion` is the version they
 * edited, so a change made meanwhile (e.g. a review) is reported instead of overwritten. With
 * `submit`, the item goes (back) to review in the same transaction.
 */
export async function updateKnowledgeItem({
  id,
  actor,
  input,
  expectedVersion,
  submit,
}: {
  id: string;
  actor: Viewer;
  input: KnowledgeInput;
  expectedVersion: number;
  submit: boolean;
}): Promise<WriteResult> {
  assertCan(actor, 'knowledge:submit');
  return prisma.$transaction(async (tx) => {
    const item = await tx.knowledgeItem.findFirst({
      where: { AND: [{ id }, knowledgeVisibleTo(actor)] },
      select: {
        status: true,
        ownerId: true,
        version: true,
        title: true,
        summary: true,
        details: true,
        kind: true,
        language: true,
        department: true,
        tags: { select: { tag: { select: { name: true } } } },
      },
    });
    if (!item) return { ok: false, problem: 'notFound' } as const;
    const who = {
      isOwner: item.ownerId === actor.id,
      canReview: can(actor.roles, 'knowledge:review'),
    };
    const status = item.status as KnowledgeStatus;
    if (!canEdit(status, who)) return { ok: false, problem: 'notEditable' } as const;
    // an early answer for a form that is out of date; the write below checks it atomically
    if (item.version !== expectedVersion) return { ok: false, problem: 'conflict' } as const;
    let next = status;
    if (submit && status !== 'submitted') {
      const moved = transition(status, 'submit', who);
      if (!moved.ok) return moved;
      next = moved.to;
    }
    const written = await versionedUpdate(tx.knowledgeItem, {
      id,
      expectedVersion,
      data: {
        ...itemData(input),
        status: next,
        ...(next !== status ? { submittedAt: new Date() } : {}),
      },
    });
    if (!written.ok) return written;
    // the item's row is this transaction's now: its tags follow
    await tx.knowledgeItemTag.deleteMany({ where: { knowledgeItemId: id } });
    const tags = await tagConnections(tx, input.tags);
    if (tags.length)
      await tx.knowledgeItemTag.createMany({
        data: tags.map(({ tagId }) => ({ knowledgeItemId: id, tagId })),
      });
    if (next !== status) {
      await tx.knowledgeTransition.create({
        data: { knowledgeItemId: id, fromStatus: status, toStatus: next, actorId: actor.id },
      });
    }
    const { title, summary, details, kind, language, department } = item;
    await recordAudit(tx, {
      actorId: actor.id,
      ...auditSubject('knowledge', 'update'),
      entityId: id,
      before: {
        ...{ title, summary, details, kind, language, department },
        tags: item.tags.map((t) => t.tag.name).sort(),
        status,
      },
      after: { ...auditedContent(input), status: next },
    });
    if (next !== status) await notifyKnowledgeStatus(tx, { id, status: next, actorId: actor.id });
    return { ok: true, status: next } as const;
  });
}

async function applyTransition(
  tx: Tx,
  {
    id,
    actor,
    action,
    comment,
    expectedVersion,
  }: {
    id: string;
    actor: Viewer;
    action: KnowledgeAction;
    comment: string;
    expectedVersion?: number;
  },
): Promise<WriteResult> {
  const item = await tx.knowledgeItem.findFirst({
    where: { AND: [{ id }, knowledgeVisibleTo(actor)] },
    select: { status: true, ownerId: true, version: true },
  });
  if (!item) return { ok: false, problem: 'notFound' };
  // without a version from the caller, the transition applies to the version just read
  const version = expectedVersion ?? item.version;
  if (item.version !== version) return { ok: false, problem: 'conflict' };
  const from = item.status as KnowledgeStatus;
  const moved = transition(
    from,
    action,
    { isOwner: item.ownerId === actor.id, canReview: can(actor.roles, 'knowledge:review') },
    comment,
  );
  if (!moved.ok) return moved;
  const now = new Date();
  // the version check is part of the update itself, so two reviewers cannot both decide
  const written = await versionedUpdate(tx.knowledgeItem, {
    id,
    expectedVersion: version,
    data: {
      status: moved.to,
      ...(moved.to === 'submitted' ? { submittedAt: now } : {}),
      ...(moved.to === 'accepted' ? { acceptedAt: now } : {}),
    },
  });
  if (!written.ok) return written;
  await tx.knowledgeTransition.create({
    data: {
      knowledgeItemId: id,
      fromStatus: from,
      toStatus: moved.to,
      actorId: actor.id,
      comment: comment.trim(),
      createdAt: now,
    },
  });
  await recordAudit(tx, {
    actorId: actor.id,
    action: `knowledge.${action}`,
    entityType: 'knowledge_item',
    entityId: id,
    before: { status: from },
    after: { status: moved.to, comment: comment.trim() || undefined },
  });
  await notifyKnowledgeStatus(tx, { id, status: moved.to, actorId: actor.id });
  // an accepted answer closes the topic request it was submitted for
  if (moved.to === 'accepted')
    await closeAnsweredTopicRequest(tx, { itemId: id, actorId: actor.id, now });
  return { ok: true, status: moved.to };
}

/** Submit, withdraw, accept, request changes, decline or archive one item. */
export function transitionKnowledgeItem(args: {
  id: string;
  actor: Viewer;
  action: KnowledgeAction;
  comment?: string;
  expectedVersion?: number;
}): Promise<WriteResult> {
  assertCan(args.actor, 'knowledge:read');
  return prisma.$transaction((tx) => applyTransition(tx, { ...args, comment: args.comment ?? '' }));
}

/**
 * A reviewer's bulk action on selected items. Items the action does not apply to (wrong status)
 * are skipped and counted; everything else changes in one transaction.
 */
export async function bulkKnowledgeAction({
  ids,
  actor,
  action,
  tag,
}: {
  ids: readonly string[];
  actor: Viewer;
  action: 'accept' | 'archive' | 'add_tag';
  tag?: string;
}): Promise<{ changed: number; skipped: number }> {
  assertCan(actor, 'knowledge:review');
  return prisma.$transaction(async (tx) => {
    let changed = 0;
    let skipped = 0;
    if (action === 'add_tag') {
      const [connection] = await tagConnections(tx, [tag ?? '']);
      if (!connection) return { changed: 0, skipped: ids.length };
      for (const id of new Set(ids)) {
        const item = await tx.knowledgeItem.findFirst({
          where: { AND: [{ id }, knowledgeVisibleTo(actor)] },
          select: { id: true },
        });
        if (!item) {
          skipped++;
          continue;
        }
        await tx.knowledgeItemTag.upsert({
          where: { knowledgeItemId_tagId: { knowledgeItemId: id, tagId: connection.tagId } },
          update: {},
          create: { knowledgeItemId: id, tagId: connection.tagId },
        });
        // a tag added here must not be undone by an edit form opened before
        await bumpVersion(tx.knowledgeItem, { id });
        changed++;
      }
      return { changed, skipped };
    }
    for (const id of new Set(ids)) {
      const result = await applyTransition(tx, { id, actor, action, comment: '' });
      if (result.ok) changed++;
      else skipped++;
    }
    return { changed, skipped };
  });
}
