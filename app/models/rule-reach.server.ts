import type { Texts } from '~/domain/disclosure/content';
import {
  checkText,
  compileRules,
  RuleCompileError,
  type CompiledRules,
  type DisclosureRule,
} from '~/domain/disclosure/engine';
import type { RuleSeverity } from '~/domain/disclosure/vocabulary';
import { Memo } from '~/domain/memo';
import { DraftRuleSchema } from '~/forms/rule';
import { yieldToOthers } from '~/utils/background.server';
import { prisma } from '~/utils/db.server';
import type { SessionUser } from '~/utils/session.server';
import {
  knowledgeContentSelect,
  knowledgeContentTexts,
  pieceContentSelect,
  pieceContentTexts,
} from './disclosure.server';
import { knowledgeVisibleTo } from './knowledge.server';

/**
 * A rule's reach before it is saved: which content that is still on its way to publication the
 * rule, exactly as drafted, would block or warn on. Pieces count until they are published or
 * cancelled; knowledge items until they are archived, withdrawn or declined (they no longer feed
 * any plan). Granted exemptions are left out on purpose: they bind to a rule's revision, and
 * saving the draft makes a new one.
 */

/** Knowledge items in these statuses no longer feed any plan. */
const CLOSED_KNOWLEDGE = ['archived', 'withdrawn', 'declined'];
const CONTEXT = 40;
const PASSAGES_PER_ITEM = 3;

type ReachRecord = {
  type: 'piece' | 'knowledge';
  id: string;
  title: string;
  status: string;
  owner: string | null;
  texts: Texts;
};

export type ReachPassage = { field: string; before: string; excerpt: string; after: string };
export type ReachItem = Omit<ReachRecord, 'texts'> & {
  severity: RuleSeverity;
  passages: ReachPassage[];
};
export type ReachCounts = { block: number; warn: number };
export type RuleReach = {
  pieces: ReachCounts;
  knowledge: ReachCounts;
  /** how many records were checked */
  checked: { pieces: number; knowledge: number };
  /** the first affected records (pieces by publish date, then knowledge items by title) */
  items: ReachItem[];
  /** affected records beyond `items` */
  more: number;
};

/**
 * Every record the reach is computed over, with its texts as the real check reads them. The
 * knowledge items are those the viewer may see (management does not read other people's drafts).
 */
async function loadReachContent(viewer: Pick<SessionUser, 'id' | 'roles'>): Promise<ReachRecord[]> {
  const [pieces, items] = await Promise.all([
    prisma.contentPiece.findMany({
      where: { status: { notIn: ['published', 'cancelled'] } },
      orderBy: [{ publishAt: 'asc' }, { title: 'asc' }],
      select: { ...pieceContentSelect, status: true },
    }),
    prisma.knowledgeItem.findMany({
      where: { AND: [knowledgeVisibleTo(viewer), { status: { notIn: CLOSED_KNOWLEDGE } }] },
      orderBy: { title: 'asc' },
      select: { ...knowledgeContentSelect, status: true },
    }),
  ]);
  return [
    ...pieces.map((p) => ({
      type: 'piece' as const,
      id: p.id,
      title: p.title,
      status: p.status,
      owner: p.owner?.name ?? null,
      texts: pieceContentTexts(p),
    })),
    ...items.map((k) => ({
      type: 'knowledge' as const,
      id: k.id,
      title: k.title,
      status: k.status,
      owner: k.owner?.name ?? null,
      texts: knowledgeContentTexts(k),
    })),
  ];
}

/**
 * The records of the last reach, kept while management types: the form asks again after every
 * pause, and loading every unpublished text each time would cost more than checking them. Any
 * write to a piece or knowledge item changes the stamp; names of owners, audiences and experts
 * (which the stamp does not see) are re-read after a few seconds at the latest.
 */
const CACHE_MS = 10_000;
const lastReach = new Memo<string, { at: number; records: ReachRecord[] }>(1);

async function reachContent(viewer: Pick<SessionUser, 'id' | 'roles'>): Promise<ReachRecord[]> {
  const [pieces, items] = await Promise.all([
    prisma.contentPiece.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
    prisma.knowledgeItem.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
  ]);
  const key = [
    viewer.id,
    pieces._count._all,
    pieces._max.updatedAt?.getTime() ?? 0,
    items._count._all,
    items._max.updatedAt?.getTime() ?? 0,
  ].join(':');
  const known = lastReach.get(key);
  if (known && Date.now() - known.at < CACHE_MS) return known.records;
  const records = await loadReachContent(viewer);
  lastReach.set(key, { at: Date.now(), records });
  return records;
}

const emptyReach = (checked: RuleReach['checked']): RuleReach => ({
  pieces: { block: 0, warn: 0 },
  knowledge: { block: 0, warn: 0 },
  checked,
  items: [],
  more: 0,
});

/** Records checked between two breaks, in which other requests get their turn. */
const SLICE = 100;

/**
 * The reach of each compiled rule, by rule id, over the records; one pass over every text. It
 * pauses every few records so other requests are not kept waiting, and stops (null) once
 * `signal` is aborted: the person typed on and the form has asked again.
 */
async function reachOf(
  compiled: CompiledRules,
  records: readonly ReachRecord[],
  limit: number,
  signal?: AbortSignal,
) {
  const checked = {
    pieces: records.filter((r) => r.type === 'piece').length,
    knowledge: records.filter((r) => r.type === 'knowledge').length,
  };
  const byRule = new Map(compiled.rules.map((r) => [r.id, emptyReach(checked)]));
  for (const [index, record] of records.entries()) {
    if (index % SLICE === SLICE - 1) {
      await yieldToOthers();
      if (signal?.aborted) return null;
    }
    const hits = new Map<string, { severity: RuleSeverity; passages: ReachPassage[] }>();
    for (const [field, text] of Object.entries(record.texts)) {
      if (!text) continue;
      for (const f of checkText(compiled, text).findings) {
        const hit = hits.get(f.ruleId) ?? { severity: f.severity, passages: [] };
        if (f.severity === 'block') hit.severity = 'block';
        if (hit.passages.length < PASSAGES_PER_ITEM)
          hit.passages.push({
            field,
            before: text.slice(Math.max(0, f.start - CONTEXT), f.start),
            excerpt: f.excerpt,
            after: text.slice(f.end, f.end + CONTEXT),
          });
        hits.set(f.ruleId, hit);
      }
    }
    for (const [ruleId, hit] of hits) {
      const reach = byRule.get(ruleId);
      if (!reach) continue;
      const counts = record.type === 'piece' ? reach.pieces : reach.knowledge;
      counts[hit.severity]++;
      if (reach.items.length < limit) {
        const { texts: _texts, ...shown } = record;
        reach.items.push({ ...shown, severity: hit.severity, passages: hit.passages });
      } else reach.more++;
    }
  }
  return byRule;
}

export type DraftReachResult =
  { ok: true; reach: RuleReach } | { ok: false; problem: string } | { ok: false; aborted: true };

/**
 * The reach of one drafted rule (as typed in the rule form). A rule that does not compile (an
 * invalid regular expression) answers the compiler's message instead.
 */
export async function draftRuleReach({
  rule,
  viewer,
  limit = 50,
  signal,
}: {
  rule: DisclosureRule;
  viewer: Pick<SessionUser, 'id' | 'roles'>;
  limit?: number;
  /** the request's signal: a request given up by the browser stops the work */
  signal?: AbortSignal;
}): Promise<DraftReachResult> {
  let compiled: CompiledRules;
  try {
    compiled = compileRules([rule]);
  } catch (error) {
    if (error instanceof RuleCompileError) return { ok: false, problem: error.message };
    throw error;
  }
  const byRule = await reachOf(compiled, await reachContent(viewer), limit, signal);
  if (!byRule) return { ok: false, aborted: true };
  return { ok: true, reach: byRule.get(rule.id) ?? emptyReach({ pieces: 0, knowledge: 0 }) };
}

/**
 * The reach of each rule of an imported rule set (already validated, so every rule compiles),
 * in the set's order.
 */
export async function ruleSetReach({
  rules,
  viewer,
  limit = 10,
}: {
  rules: readonly DisclosureRule[];
  viewer: Pick<SessionUser, 'id' | 'roles'>;
  limit?: number;
}): Promise<{ id: string; name: string; severity: RuleSeverity; reach: RuleReach }[]> {
  const records = await reachContent(viewer);
  const byRule = (await reachOf(compileRules(rules), records, limit)) ?? new Map();
  return rules.map((r) => ({
    id: r.id,
    name: r.name ?? r.id,
    severity: r.severity,
    reach: byRule.get(r.id) ?? emptyReach({ pieces: 0, knowledge: 0 }),
  }));
}

/** Largest body the reach reads: the rule form's fields at their limits fit within it. */
export const RULE_REACH_MAX_BYTES = 256 * 1024;

/** What the rule form shows: the reach, nothing yet (no patterns), or why there is none. */
export type ReachAnswer =
  | { ok: true; reach: RuleReach | null }
  | { ok: false; error: 'invalid' | 'tooLarge'; fields: string[] }
  | { ok: false; error: 'compile'; problem: string }
  | { ok: false; error: 'aborted' };

/** The reach of the drafted rule in `data` (the rule form's fields), with its HTTP status. */
export async function answerDraftReach(
  data: Record<string, unknown>,
  viewer: Pick<SessionUser, 'id' | 'roles'>,
  signal?: AbortSignal,
): Promise<{ status: number; answer: ReachAnswer }> {
  const parsed = DraftRuleSchema.safeParse(data);
  if (!parsed.success) {
    const tooLarge = parsed.error.issues.some((i) => i.code === 'too_big');
    return {
      status: tooLarge ? 413 : 400,
      answer: {
        ok: false,
        error: tooLarge ? 'tooLarge' : 'invalid',
        fields: [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? 'rule')))],
      },
    };
  }
  if (!parsed.data.patterns.length) return { status: 200, answer: { ok: true, reach: null } };
  const result = await draftRuleReach({ rule: parsed.data, viewer, signal });
  if (result.ok) return { status: 200, answer: { ok: true, reach: result.reach } };
  // 499: the browser gave the request up (nobody reads this answer)
  if ('aborted' in result) return { status: 499, answer: { ok: false, error: 'aborted' } };
  return { status: 400, answer: { ok: false, error: 'compile', problem: result.problem } };
}
