import { checkDisclosure, type DisclosureRule } from '~/domain/disclosure/engine';
import type { RuleKind, RuleSeverity } from '~/domain/disclosure/vocabulary';
import { prisma, type Tx } from '~/utils/db.server';
import { parseJsonArray } from '~/utils/json';
import { recordAudit } from './audit.server';
import { recheckPieces } from './disclosure.server';

export type RuleDefinition = {
  key: string;
  name: string;
  category: string;
  rationale: string;
  message: string;
  severity: RuleSeverity;
  kind: RuleKind;
  patterns: string[];
  exceptions: string[];
  window: number | null;
  examplesMatch: string[];
  examplesNoMatch: string[];
  active: boolean;
};

type RuleRow = Awaited<ReturnType<typeof prisma.disclosureRule.findUniqueOrThrow>>;

export function definitionOf(r: RuleRow): RuleDefinition {
  return {
    key: r.key,
    name: r.name,
    category: r.category,
    rationale: r.rationale,
    message: r.message,
    severity: r.severity as RuleSeverity,
    kind: r.kind as RuleKind,
    patterns: parseJsonArray(r.patterns),
    exceptions: parseJsonArray(r.exceptions),
    window: r.window,
    examplesMatch: parseJsonArray(r.examplesMatch),
    examplesNoMatch: parseJsonArray(r.examplesNoMatch),
    active: r.active,
  };
}

export const engineRule = (d: RuleDefinition): DisclosureRule => ({
  id: d.key,
  name: d.name,
  category: d.category,
  severity: d.severity,
  kind: d.kind,
  patterns: d.patterns,
  exceptions: d.exceptions,
  window: d.window ?? undefined,
  message: d.message || undefined,
});

/** The rule's own examples, run: which must-match examples it misses, which others it hits. */
export function failingExamples(d: RuleDefinition) {
  const rule = engineRule(d);
  const hits = (text: string) => checkDisclosure([rule], text).findings.length > 0;
  return {
    missed: d.examplesMatch.filter((x) => !hits(x)),
    wronglyHit: d.examplesNoMatch.filter((x) => hits(x)),
  };
}

export async function listRules() {
  const rules = await prisma.disclosureRule.findMany({
    orderBy: [{ active: 'desc' }, { severity: 'asc' }, { name: 'asc' }],
  });
  return rules.map((r) => ({
    id: r.id,
    revision: r.revision,
    updatedAt: r.updatedAt,
    ...definitionOf(r),
  }));
}

export async function getRule(id: string) {
  const rule = await prisma.disclosureRule.findUnique({
    where: { id },
    include: {
      revisions: { orderBy: { revision: 'desc' }, include: { author: { select: { name: true } } } },
    },
  });
  if (!rule) return null;
  return {
    id: rule.id,
    revision: rule.revision,
    ...definitionOf(rule),
    revisions: rule.revisions.map((r) => ({
      id: r.id,
      revision: r.revision,
      changeNote: r.changeNote,
      createdAt: r.createdAt,
      author: r.author?.name ?? null,
      definition: JSON.parse(r.definition) as Partial<RuleDefinition>,
    })),
  };
}

const columns = (d: RuleDefinition) => ({
  key: d.key,
  name: d.name,
  category: d.category,
  rationale: d.rationale,
  message: d.message,
  severity: d.severity,
  kind: d.kind,
  patterns: JSON.stringify(d.patterns),
  exceptions: JSON.stringify(d.exceptions),
  window: d.window,
  examplesMatch: JSON.stringify(d.examplesMatch),
  examplesNoMatch: JSON.stringify(d.examplesNoMatch),
  active: d.active,
});

export type RuleSaveResult =
  | { ok: true; id: string; recheck: Awaited<ReturnType<typeof recheckPieces>> }
  | { ok: false; problem: 'examplesFail'; missed: string[]; wronglyHit: string[] }
  | { ok: false; problem: 'keyTaken' | 'conflict' | 'notFound' };

async function saveRevision(
  tx: Tx,
  ruleId: string,
  revision: number,
  d: RuleDefinition,
  authorId: string,
  changeNote: string,
) {
  await tx.disclosureRuleRevision.create({
    data: { ruleId, revision, definition: JSON.stringify(d), authorId, changeNote },
  });
}

/**
 * Creates or changes a rule. Every change is a new revision (who, when, what); a rule whose own
 * examples fail cannot be active. Afterwards every unpublished piece is checked again.
 */
export async function saveRule({
  id,
  definition,
  actorId,
  expectedRevision,
  changeNote = '',
}: {
  id?: string;
  definition: RuleDefinition;
  actorId: string;
  expectedRevision?: number;
  changeNote?: string;
}): Promise<RuleSaveResult> {
  if (definition.active) {
    const { missed, wronglyHit } = failingExamples(definition);
    if (missed.length || wronglyHit.length)
      return { ok: false, problem: 'examplesFail', missed, wronglyHit };
  }
  const saved = await prisma.$transaction(async (tx) => {
    const clash = await tx.disclosureRule.findUnique({
      where: { key: definition.key },
      select: { id: true },
    });
    if (clash && clash.id !== id) return { ok: false, problem: 'keyTaken' } as const;
    if (!id) {
      const rule = await tx.disclosureRule.create({
        data: { ...columns(definition), revision: 1 },
      });
      await saveRevision(tx, rule.id, 1, definition, actorId, changeNote || 'created');
      await recordAudit(tx, {
        actorId,
        action: 'rule.create',
        entityType: 'disclosure_rule',
        entityId: rule.id,
        after: definition,
      });
      return { ok: true, id: rule.id } as const;
    }
    const before = await tx.disclosureRule.findUnique({ where: { id } });
    if (!before) return { ok: false, problem: 'notFound' } as const;
    if (expectedRevision !== undefined && before.revision !== expectedRevision)
      return { ok: false, problem: 'conflict' } as const;
    const revision = before.revision + 1;
    await tx.disclosureRule.update({ where: { id }, data: { ...columns(definition), revision } });
    await saveRevision(tx, id, revision, definition, actorId, changeNote);
    await recordAudit(tx, {
      actorId,
      action: 'rule.update',
      entityType: 'disclosure_rule',
      entityId: id,
      before: definitionOf(before),
      after: definition,
    });
    return { ok: true, id } as const;
  });
  if (!saved.ok) return saved;
  return { ...saved, recheck: await recheckPieces({ actorId }) };
}

/** Restores an earlier revision as a new one. */
export async function restoreRevision({
  id,
  revision,
  actorId,
}: {
  id: string;
  revision: number;
  actorId: string;
}): Promise<RuleSaveResult> {
  const rule = await getRule(id);
  const old = rule?.revisions.find((r) => r.revision === revision);
  if (!rule || !old) return { ok: false, problem: 'notFound' };
  const { id: _id, revision: _rev, revisions: _revs, ...current } = rule;
  return saveRule({
    id,
    definition: { ...current, ...old.definition, key: current.key },
    actorId,
    changeNote: `restored revision ${revision}`,
  });
}

/** The rule set in the exchange format (the same the disclosure command reads). */
export async function exportRuleSet() {
  const rules = await listRules();
  return {
    rules: rules.map((r) => ({
      id: r.key,
      name: r.name,
      ...(r.category ? { category: r.category } : {}),
      severity: r.severity,
      kind: r.kind,
      patterns: r.patterns,
      ...(r.exceptions.length ? { exceptions: r.exceptions } : {}),
      ...(r.window !== null ? { window: r.window } : {}),
      ...(r.message ? { message: r.message } : {}),
      active: r.active,
    })),
  };
}

/** Imports a validated rule set: new ids create rules, known ids get a new revision; all or nothing. */
export async function importRuleSet({
  rules,
  actorId,
}: {
  rules: DisclosureRule[];
  actorId: string;
}) {
  const counts = await prisma.$transaction(async (tx) => {
    let created = 0;
    let updated = 0;
    for (const r of rules) {
      const existing = await tx.disclosureRule.findUnique({ where: { key: r.id } });
      const base = existing ? definitionOf(existing) : null;
      const definition: RuleDefinition = {
        key: r.id,
        name: r.name ?? base?.name ?? r.id,
        category: r.category ?? base?.category ?? '',
        rationale: base?.rationale ?? '',
        message: r.message ?? base?.message ?? '',
        severity: r.severity,
        kind: r.kind,
        patterns: r.patterns,
        exceptions: r.exceptions ?? [],
        window: r.window ?? null,
        examplesMatch: base?.examplesMatch ?? [],
        examplesNoMatch: base?.examplesNoMatch ?? [],
        active: base?.active ?? true,
      };
      if (existing) {
        const revision = existing.revision + 1;
        await tx.disclosureRule.update({
          where: { id: existing.id },
          data: { ...columns(definition), revision },
        });
        await saveRevision(tx, existing.id, revision, definition, actorId, 'import');
        updated++;
      } else {
        const rule = await tx.disclosureRule.create({
          data: { ...columns(definition), revision: 1 },
        });
        await saveRevision(tx, rule.id, 1, definition, actorId, 'import');
        created++;
      }
    }
    await recordAudit(tx, {
      actorId,
      action: 'rule.import',
      entityType: 'disclosure_rule',
      entityId: '*',
      after: { created, updated },
    });
    return { created, updated };
  });
  return { ...counts, recheck: await recheckPieces({ actorId }) };
}
