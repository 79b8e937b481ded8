import {
  checkText,
  compileRules,
  type CompiledRules,
  type DisclosureRule,
  type Finding,
} from '~/domain/disclosure/engine';
import type { RuleKind, RuleSeverity } from '~/domain/disclosure/vocabulary';
import { contentHash, pieceFields } from '~/domain/disclosure/content';
import { isLocale } from '~/i18n';
import { prisma } from '~/utils/db.server';
import { getFixedT } from '~/utils/i18n.server';
import { parseJsonArray } from '~/utils/json';
import { recordAudit } from './audit.server';

/**
 * The one server-side place where content meets the disclosure rules: the pages, the workflow
 * and every output (iCal feed, CSV) ask here. When a check cannot run, the content counts as
 * blocked (fail closed).
 */

type Cached = {
  key: string;
  compiled: CompiledRules;
  revisions: Map<string, { id: string; revision: number; name: string }>;
};
let cache: Cached | null = null;

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
  if (cache?.key === key) return cache;
  const rows = await prisma.disclosureRule.findMany({
    where: { active: true },
    orderBy: { key: 'asc' },
  });
  const rules: DisclosureRule[] = rows.map((r) => ({
    id: r.key,
    name: r.name,
    category: r.category,
    severity: r.severity as RuleSeverity,
    kind: r.kind as RuleKind,
    patterns: parseJsonArray(r.patterns),
    exceptions: parseJsonArray(r.exceptions),
    window: r.window ?? undefined,
    message: r.message || undefined,
  }));
  cache = {
    key,
    compiled: compileRules(rules),
    revisions: new Map(rows.map((r) => [r.key, { id: r.id, revision: r.revision, name: r.name }])),
  };
  return cache;
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

/** A piece's verdict, with its granted exemptions applied. */
export async function checkPiece(p: {
  id: string;
  title: string;
  brief: string;
  body: string;
  slug?: string | null;
  targetUrl?: string | null;
}) {
  const exemptions = (await grantedExemptions([p.id])).get(p.id) ?? [];
  return checkFields(pieceFields(p), exemptions);
}

/**
 * The output gate: of the given pieces, those without a blocking finding. Feeds and exports
 * call this, so blocked content never leaves the system.
 */
export async function withoutBlocked<
  T extends {
    id: string;
    title: string;
    brief: string;
    body: string;
    slug?: string | null;
    targetUrl?: string | null;
  },
>(pieces: readonly T[]): Promise<T[]> {
  const exemptions = await grantedExemptions(pieces.map((p) => p.id));
  const rules = await activeRules();
  const verdicts = await Promise.all(
    pieces.map((p) => checkFields(pieceFields(p), exemptions.get(p.id) ?? [], rules)),
  );
  return pieces.filter((_, i) => verdicts[i]?.decision !== 'block');
}

/** Of the given pieces, the ids of those with a blocking finding (loads their texts itself). */
export async function blockedPieceIds(ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  // in slices: SQLite takes only so many parameters in one query
  const pieces = [];
  for (let i = 0; i < ids.length; i += 500) {
    pieces.push(
      ...(await prisma.contentPiece.findMany({
        where: { id: { in: ids.slice(i, i + 500) } },
        select: { id: true, title: true, brief: true, body: true, slug: true, targetUrl: true },
      })),
    );
  }
  const allowed = new Set((await withoutBlocked(pieces)).map((p) => p.id));
  // a piece that could not be loaded counts as blocked too (fail closed)
  return new Set(ids.filter((id) => !allowed.has(id)));
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
      id: true,
      title: true,
      brief: true,
      body: true,
      slug: true,
      targetUrl: true,
      status: true,
      owner: { select: { locale: true } },
    },
  });
  const exemptions = await grantedExemptions(pieces.map((p) => p.id));
  const ruleSet = await activeRules();
  let blocked = 0;
  let movedBack = 0;
  for (const p of pieces) {
    const verdict = await checkFields(pieceFields(p), exemptions.get(p.id) ?? [], ruleSet);
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
      const moved = await tx.contentPiece.updateMany({
        where: { id: p.id, status: p.status },
        data: { status: 'in_review', version: { increment: 1 } },
      });
      if (!moved.count) return;
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
    });
  }
  return { checked: pieces.length, blocked, movedBack, ms: Date.now() - started };
}

export { contentHash, pieceFields };

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
