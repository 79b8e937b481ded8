import {
  checkText,
  compileRules,
  type CompiledRules,
  type Finding,
} from '~/domain/disclosure/engine';
import {
  knowledgeTexts,
  pieceTexts,
  type KnowledgeTextSource,
  type PieceTextSource,
  type Texts,
} from '~/domain/disclosure/content';
import { Memo } from '~/domain/memo';
import type { Prisma } from '~/generated/prisma/client';
import { can } from '~/domain/permissions';
import { isLocale } from '~/i18n';
import { prisma } from '~/utils/db.server';
import { getFixedT } from '~/utils/i18n.server';
import { recordAudit } from './audit.server';
import { notificationLinks, notify } from './notification.server';
import { contentHash } from './content-hash.server';
import { toEngineRule } from './rule-definition.server';
import { bumpVersion } from './versioned.server';

/**
 * The one server-side place where content meets the disclosure rules: the pages, the workflow
 * and every output (iCal feed, CSV, print view, knowledge export) ask here, and all of them read a
 * record's texts through domain/disclosure/content.ts. When a check cannot run, the content
 * counts as blocked (fail closed).
 */

type Cached = {
  key: string;
  compiled: CompiledRules;
  revisions: Map<string, { id: string; revision: number; name: string }>;
};
const compiledRules = new Memo<string, Cached>(1);

/**
 * The active rules, compiled once per change of the rule set. Rules are never deleted and every
 * change raises a rule's revision, so the count of rules and the sum of their revisions change
 * with every write, from any instance, whatever its clock says; the latest `updatedAt` is kept in
 * the key as well.
 */
export async function activeRules(): Promise<Cached> {
  const stamp = await prisma.disclosureRule.aggregate({
    _max: { updatedAt: true },
    _sum: { revision: true },
    _count: { _all: true },
  });
  const key = `${stamp._count._all}:${stamp._sum.revision ?? 0}:${stamp._max.updatedAt?.getTime() ?? 0}`;
  const known = compiledRules.get(key);
  if (known) return known;
  const rows = await prisma.disclosureRule.findMany({
    where: { active: true },
    orderBy: { key: 'asc' },
  });
  return compiledRules.set(key, {
    key,
    compiled: compileRules(rows.map(toEngineRule)),
    revisions: new Map(rows.map((r) => [r.key, { id: r.id, revision: r.revision, name: r.name }])),
  });
}

/**
 * The "try it" box of the rules page: what the rules in force say about a text, with no record
 * behind it and no exemptions.
 */
export async function tryRules({ text }: { text: string }) {
  const { compiled } = await activeRules();
  const { decision, findings } = checkText(compiled, text);
  return { decision, findings };
}

export type FieldFinding = Finding & { field: string; ruleName: string; exempted: boolean };
export type ContentVerdict = {
  decision: 'allow' | 'warn' | 'block';
  findings: FieldFinding[];
  contentHash: string;
  failed?: boolean;
};

type Exemption = { ruleId: string; ruleRevision: number; contentHash: string };

/** Checks named text fields; granted exemptions (same rule revision, same content) lift findings. */
export async function checkFields(
  fields: Record<string, string | null | undefined>,
  exemptions: readonly Exemption[] = [],
  /** the compiled rules, when the caller checks many contents with the same ones */
  preloaded?: Cached,
): Promise<ContentVerdict> {
  const hash = contentHash(fields);
  try {
    const { compiled, revisions } = preloaded ?? (await activeRules());
    const findings: FieldFinding[] = [];
    for (const [field, text] of Object.entries(fields)) {
      if (!text) continue;
      for (const f of checkText(compiled, text).findings) {
        const rule = revisions.get(f.ruleId);
        const exempted = Boolean(
          rule &&
          exemptions.some(
            (e) =>
              e.ruleId === rule.id && e.ruleRevision === rule.revision && e.contentHash === hash,
          ),
        );
        findings.push({ ...f, field, ruleName: rule?.name ?? f.ruleId, exempted });
      }
    }
    const live = findings.filter((f) => !f.exempted);
    const decision = live.some((f) => f.severity === 'block')
      ? 'block'
      : live.length
        ? 'warn'
        : 'allow';
    return { decision, findings, contentHash: hash };
  } catch (error) {
    console.warn('disclosure check failed; treating the content as blocked', error);
    return { decision: 'block', findings: [], contentHash: hash, failed: true };
  }
}

async function grantedExemptions(pieceIds: readonly string[]) {
  // granted exemptions are few: read them all rather than passing thousands of ids to SQL
  const wanted = new Set(pieceIds);
  const rows = await prisma.disclosureExemption.findMany({
    where: { status: 'granted' },
    select: { pieceId: true, ruleId: true, ruleRevision: true, contentHash: true },
  });
  const byPiece = new Map<string, Exemption[]>();
  for (const r of rows)
    if (wanted.has(r.pieceId)) byPiece.set(r.pieceId, [...(byPiece.get(r.pieceId) ?? []), r]);
  return byPiece;
}

/** What a piece's check reads: every published field and the names an export prints. */
export const pieceContentSelect = {
  id: true,
  title: true,
  brief: true,
  body: true,
  slug: true,
  targetUrl: true,
  guests: true,
  speakers: true,
  registrationUrl: true,
  owner: { select: { name: true } },
  audiences: { select: { audience: { select: { name: true } } } },
  experts: { select: { user: { select: { name: true } } } },
} satisfies Prisma.ContentPieceSelect;

/** A piece as loaded with (at least) pieceContentSelect. */
export type PieceContent = Omit<PieceTextSource, 'ownerName' | 'audienceNames' | 'expertNames'> & {
  id: string;
  owner?: { name: string } | null;
  audiences?: readonly { audience: { name: string } }[];
  experts?: readonly { user: { name: string } }[];
};

/** A loaded piece's texts, as domain/disclosure/content.ts defines them. */
export function pieceContentTexts(p: PieceContent | (PieceTextSource & { id?: string })): Texts {
  if ('ownerName' in p || 'audienceNames' in p || 'expertNames' in p)
    return pieceTexts(p as PieceTextSource);
  const piece = p as PieceContent;
  return pieceTexts({
    ...piece,
    ownerName: piece.owner?.name ?? null,
    audienceNames: piece.audiences?.map((a) => a.audience.name) ?? [],
    expertNames: piece.experts?.map((e) => e.user.name) ?? [],
  });
}

/** A piece's verdict, with its granted exemptions applied. */
export async function checkPiece(p: PieceContent | (PieceTextSource & { id: string })) {
  const exemptions = (await grantedExemptions([p.id])).get(p.id) ?? [];
  return checkFields(pieceContentTexts(p), exemptions);
}

async function loadPieces(ids: readonly string[], where: Prisma.ContentPieceWhereInput = {}) {
  const pieces = [];
  // in slices: SQLite takes only so many parameters in one query
  for (let i = 0; i < ids.length; i += 500) {
    pieces.push(
      ...(await prisma.contentPiece.findMany({
        where: { AND: [{ id: { in: ids.slice(i, i + 500) } }, where] },
        select: pieceContentSelect,
      })),
    );
  }
  return pieces;
}

/** Verdicts for many loaded pieces with one rule set and one read of the exemptions. */
async function verdictsFor(pieces: readonly PieceContent[]) {
  const exemptions = await grantedExemptions(pieces.map((p) => p.id));
  const rules = await activeRules();
  return Promise.all(
    pieces.map((p) => checkFields(pieceContentTexts(p), exemptions.get(p.id) ?? [], rules)),
  );
}

/**
 * The output gate for pieces: of the given ids, those with a blocking finding. It loads every
 * published text of each piece itself (whatever the caller selected), so an output can print any
 * of them. A piece that could not be loaded counts as blocked too (fail closed). The iCal feed,
 * the CSV export and the print view call this.
 */
export async function blockedPieceIds(ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const pieces = await loadPieces(ids);
  const verdicts = await verdictsFor(pieces);
  const allowed = new Set(
    pieces.filter((_, i) => verdicts[i]?.decision !== 'block').map((p) => p.id),
  );
  return new Set(ids.filter((id) => !allowed.has(id)));
}

/** Of the given pieces (any selection), those the output gate lets through, in their order. */
export async function publishablePieces<T extends { id: string }>(pieces: readonly T[]) {
  const blocked = await blockedPieceIds(pieces.map((p) => p.id));
  return pieces.filter((p) => !blocked.has(p.id));
}

/** What a knowledge item's check reads. */
export const knowledgeContentSelect = {
  id: true,
  title: true,
  summary: true,
  details: true,
  department: true,
  links: true,
  owner: { select: { name: true, email: true } },
  tags: { select: { tag: { select: { name: true } } } },
} satisfies Prisma.KnowledgeItemSelect;

export type KnowledgeContent = Omit<KnowledgeTextSource, 'ownerName' | 'ownerEmail' | 'tags'> & {
  owner?: { name: string; email?: string } | null;
  tags?: readonly { tag: { name: string } }[] | readonly string[];
};

/** A loaded knowledge item's texts, as domain/disclosure/content.ts defines them. */
export function knowledgeContentTexts(k: KnowledgeContent): Texts {
  return knowledgeTexts({
    ...k,
    ownerName: k.owner?.name ?? null,
    ownerEmail: k.owner?.email ?? null,
    tags: (k.tags ?? []).map((t) => (typeof t === 'string' ? t : t.tag.name)),
  });
}

/** A knowledge item's verdict (knowledge items have no exemptions: they are not published). */
export function checkKnowledge(k: KnowledgeContent) {
  return checkFields(knowledgeContentTexts(k));
}

/**
 * What the disclosure rules would say if a knowledge item went public, for its page: a warning,
 * never a block. Only its owner and those the permission map lets see findings
 * (`knowledge:findings`) get them: to other experts, findings on someone else's item would reveal
 * what the rules look for, so they get an empty verdict.
 */
export async function knowledgeVerdictFor({
  item,
  viewer,
}: {
  item: KnowledgeContent & { ownerId: string };
  viewer: { id: string; roles: readonly string[] };
}): Promise<ContentVerdict> {
  if (item.ownerId === viewer.id || can(viewer.roles, 'knowledge:findings'))
    return checkKnowledge(item);
  return { decision: 'allow', findings: [], contentHash: '' };
}

/**
 * The output gate for knowledge items: of the given ids, those with a blocking finding in any
 * text an export carries (loaded here, whatever the caller selected); missing ones count as
 * blocked.
 */
export async function blockedKnowledgeIds(ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rules = await activeRules();
  const allowed = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const items = await prisma.knowledgeItem.findMany({
      where: { id: { in: ids.slice(i, i + 500) } },
      select: knowledgeContentSelect,
    });
    for (const item of items) {
      const verdict = await checkFields(knowledgeContentTexts(item), [], rules);
      if (verdict.decision !== 'block') allowed.add(item.id);
    }
  }
  return new Set(ids.filter((id) => !allowed.has(id)));
}

/** Of the given knowledge items (any selection), those the output gate lets through. */
export async function publishableKnowledge<T extends { id: string }>(items: readonly T[]) {
  const blocked = await blockedKnowledgeIds(items.map((i) => i.id));
  return { items: items.filter((i) => !blocked.has(i.id)), withheld: blocked.size };
}

/**
 * Published pieces that the rules in force now block (a rule added or sharpened after they went
 * out): management's list to act on, with the rules and passages that block each.
 */
export async function publishedButBlocked() {
  const pieces = await prisma.contentPiece.findMany({
    where: { status: 'published' },
    orderBy: { publishAt: 'desc' },
    select: {
      ...pieceContentSelect,
      channel: true,
      publishAt: true,
      owner: { select: { name: true } },
    },
  });
  const verdicts = await verdictsFor(pieces);
  return pieces.flatMap((p, i) => {
    const verdict = verdicts[i];
    if (!verdict || verdict.decision !== 'block') return [];
    const findings = verdict.findings.filter((f) => !f.exempted && f.severity === 'block');
    return [
      {
        id: p.id,
        title: p.title,
        channel: p.channel,
        publishAt: p.publishAt,
        owner: p.owner?.name ?? null,
        failed: Boolean(verdict.failed),
        findings: findings.map((f) => ({
          ruleName: f.ruleName,
          field: f.field,
          excerpt: f.excerpt,
        })),
      },
    ];
  });
}

/**
 * After a rule change: checks every piece that is not yet published. Approved or scheduled pieces
 * that a rule now blocks go back to review, with a comment telling their owner why.
 */
export async function recheckPieces({ actorId }: { actorId: string }) {
  const started = Date.now();
  const pieces = await prisma.contentPiece.findMany({
    where: { status: { notIn: ['published', 'cancelled'] } },
    select: {
      ...pieceContentSelect,
      status: true,
      version: true,
      ownerId: true,
      owner: { select: { name: true, locale: true } },
    },
  });
  const exemptions = await grantedExemptions(pieces.map((p) => p.id));
  const ruleSet = await activeRules();
  let blocked = 0;
  let movedBack = 0;
  for (const p of pieces) {
    const verdict = await checkFields(pieceContentTexts(p), exemptions.get(p.id) ?? [], ruleSet);
    if (verdict.decision !== 'block') continue;
    blocked++;
    if (p.status !== 'approved' && p.status !== 'scheduled') continue;
    const rules = [
      ...new Set(
        verdict.findings
          .filter((f) => !f.exempted && f.severity === 'block')
          .map((f) => f.ruleName),
      ),
    ].join(', ');
    const t = await getFixedT(isLocale(p.owner?.locale) ? p.owner.locale : 'en');
    await prisma.$transaction(async (tx) => {
      // only the content and status just checked (a piece edited meanwhile was checked by its own
      // save); moving the version on makes a form opened before report a conflict rather than
      // put the piece back
      const moved = await bumpVersion(tx.contentPiece, {
        id: p.id,
        where: { status: p.status, version: p.version },
        data: { status: 'in_review' },
      });
      if (!moved) return;
      movedBack++;
      await tx.contentComment.create({
        data: { pieceId: p.id, authorId: actorId, body: t('disclosure.movedBack', { rules }) },
      });
      await recordAudit(tx, {
        actorId,
        action: 'piece.status',
        entityType: 'content_piece',
        entityId: p.id,
        before: { status: p.status },
        after: { status: 'in_review', reason: `disclosure: ${rules}` },
      });
      await notify(tx, {
        event: 'piece.sent_back_by_rule',
        to: { userIds: [p.ownerId] },
        actorId,
        subject: { type: 'piece', id: p.id, title: p.title, link: notificationLinks.piece(p.id) },
        params: { rules },
      });
    });
  }
  return { checked: pieces.length, blocked, movedBack, ms: Date.now() - started };
}

export { contentHash };

/** A verdict as a page shows it: the decision and, per finding, what to highlight and why. */
export function verdictForPage(verdict: ContentVerdict) {
  return {
    decision: verdict.decision,
    failed: Boolean(verdict.failed),
    findings: verdict.findings.map(
      ({ field, start, end, excerpt, severity, ruleId, ruleName, message, exempted }) => ({
        field,
        start,
        end,
        excerpt,
        severity,
        ruleId,
        ruleName,
        message,
        exempted,
      }),
    ),
  };
}
