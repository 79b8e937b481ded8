import { performance } from 'node:perf_hooks';
import { checkDisclosure, type DisclosureRule } from '~/domain/disclosure/engine';
import { Prisma } from '~/generated/prisma/client';
import { newIds, yieldToOthers } from '~/utils/background.server';
import { prisma, type Tx } from '~/utils/db.server';
import { isUniqueViolation } from '~/utils/db-errors.server';
import { recordAudit } from './audit.server';
import { recheckPieces } from './disclosure.server';
import {
  definitionOf,
  toEngineRule,
  type RuleDefinition,
  type RuleRow,
} from './rule-definition.server';
import { assertActorCan } from './actor.server';
import { versionedUpdate } from './versioned.server';

export { definitionOf, toEngineRule, type RuleDefinition } from './rule-definition.server';

/** The rule's own examples, run: which must-match examples it misses, which others it hits. */
export function failingExamples(d: RuleDefinition) {
  const rule = toEngineRule(d);
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
    await assertActorCan(tx, actorId, 'rules:manage');
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
    // the revision is the rule's version: the new one is written only over the one this change
    // started from (the caller's, or else the one just read), so two changes cannot both claim
    // the same next revision
    const written = await versionedUpdate(tx.disclosureRule, {
      id,
      field: 'revision',
      expectedVersion: expectedRevision ?? before.revision,
      data: columns(definition),
    });
    if (!written.ok) return written;
    await saveRevision(tx, id, written.version, definition, actorId, changeNote);
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
    // the fields the old revision lacks come from the rule as read here: changed meanwhile, the
    // restore would carry them back
    expectedRevision: rule.revision,
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

/** Existing rules are read in slices of this many keys, each its own short query. */
const READ_SLICE = 500;
/**
 * Rows per set-based statement. A rule row binds 17 values (an update row 11, a revision 7), so
 * 500 rows stay far below SQLite's limit of 32,766 bound parameters (and PostgreSQL's 65,535),
 * while one statement is still short enough not to stall the event loop noticeably.
 */
const WRITE_CHUNK = 500;
/** How often an import is read and written again when another change got in between. */
const IMPORT_ATTEMPTS = 3;

/** Another writer changed one of the imported rules between reading and writing them. */
export class RuleImportConflict extends Error {}

/**
 * Points between an import's phases (reading, then writing) where a test can step in; they do
 * nothing otherwise.
 */
export const ruleImportHooks: {
  afterRead: () => Promise<void> | void;
  transactionTook: (ms: number) => void;
} = { afterRead: () => {}, transactionTook: () => {} };

const chunks = <T>(items: T[], size: number) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );

type ImportPlan = {
  creates: (ReturnType<typeof columns> & { id: string; revision: number })[];
  updates: {
    id: string;
    definition: RuleDefinition;
    revision: number;
    /** the revision read before the write; the update only applies while it is still current */
    readRevision: number;
  }[];
  revisions: {
    id: string;
    ruleId: string;
    revision: number;
    definition: string;
    authorId: string;
    changeNote: string;
  }[];
  created: number;
  updated: number;
};

/** Reads the rules the set names (outside any transaction) and builds every row to write. */
async function planImport(rules: DisclosureRule[], actorId: string): Promise<ImportPlan> {
  const existing = new Map<string, RuleRow>();
  const keys = rules.map((r) => r.id);
  for (let i = 0; i < keys.length; i += READ_SLICE) {
    for (const row of await prisma.disclosureRule.findMany({
      where: { key: { in: keys.slice(i, i + READ_SLICE) } },
    }))
      existing.set(row.key, row);
    await yieldToOthers();
  }
  // The state of each key as the import proceeds: a key named twice (the file format forbids
  // it, the function does not) is created once and then revised, as in a rule-by-rule import.
  const state = new Map<
    string,
    { id: string; revision: number; readRevision: number; base: RuleDefinition; isNew: boolean }
  >();
  for (const [key, row] of existing)
    state.set(key, {
      id: row.id,
      revision: row.revision,
      readRevision: row.revision,
      base: definitionOf(row),
      isNew: false,
    });
  const plan: ImportPlan = { creates: [], updates: [], revisions: [], created: 0, updated: 0 };
  const finalDefinition = new Map<string, RuleDefinition>();
  const ids = newIds(rules.length * 2);
  const newId = () => ids.pop() as string;
  for (const r of rules) {
    const known = state.get(r.id);
    const base = known?.base ?? null;
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
    const next = known
      ? { ...known, revision: known.revision + 1, base: definition }
      : { id: newId(), revision: 1, readRevision: 0, base: definition, isNew: true };
    state.set(r.id, next);
    finalDefinition.set(r.id, definition);
    plan.revisions.push({
      id: newId(),
      ruleId: next.id,
      revision: next.revision,
      definition: JSON.stringify(definition),
      authorId: actorId,
      changeNote: 'import',
    });
    if (known) plan.updated++;
    else plan.created++;
  }
  for (const [key, s] of state) {
    const definition = finalDefinition.get(key);
    if (!definition) continue; // only keys of the set are read, so this does not happen
    if (s.isNew) plan.creates.push({ ...columns(definition), id: s.id, revision: s.revision });
    else
      plan.updates.push({
        id: s.id,
        definition,
        revision: s.revision,
        readRevision: s.readRevision,
      });
  }
  return plan;
}

/**
 * Writes a planned import: a handful of set-based statements, all or nothing. Between them the
 * event loop serves others (timers, requests not waiting for the database); on SQLite their
 * queries still wait for the transaction, which is why it is kept this short.
 */
async function writeImport(tx: Tx, plan: ImportPlan) {
  // @default(now()) and @updatedAt are filled in by Prisma, not by the database, so raw SQL sets
  // them itself (one instant for the whole import, passed as a parameter like Prisma does)
  const now = new Date();
  // Plain multi-row INSERTs rather than createMany: Prisma plans createMany's rows one by one on
  // the event loop, about ten times slower (some 0.2 ms a row), and on SQLite every other request
  // waits for the transaction to end.
  for (const chunk of chunks(plan.creates, WRITE_CHUNK)) {
    const rows = chunk.map(
      (c) =>
        Prisma.sql`(${c.id}, ${c.key}, ${c.name}, ${c.category}, ${c.rationale}, ${c.message}, ${c.severity}, ${c.kind}, ${c.patterns}, ${c.exceptions}, ${c.window}, ${c.examplesMatch}, ${c.examplesNoMatch}, ${c.active}, ${c.revision}, ${now}, ${now})`,
    );
    try {
      await tx.$executeRaw`
        INSERT INTO "DisclosureRule" ("id", "key", "name", "category", "rationale", "message",
          "severity", "kind", "patterns", "exceptions", "window", "examplesMatch",
          "examplesNoMatch", "active", "revision", "createdAt", "updatedAt")
        VALUES ${Prisma.join(rows)}`;
    } catch (error) {
      // a rule with one of these keys was created since the read
      if (isUniqueViolation(error)) throw new RuleImportConflict('rule key taken meanwhile');
      throw error;
    }
    await yieldToOthers();
  }
  for (const chunk of chunks(plan.updates, WRITE_CHUNK)) {
    const rows = chunk.map((u) => {
      const c = columns(u.definition);
      return Prisma.sql`(${u.id}, ${c.name}, ${c.category}, ${c.message}, ${c.severity}, ${c.kind}, ${c.patterns}, ${c.exceptions}, ${c.window}, ${u.revision}, ${u.readRevision})`;
    });
    // Only the columns a rule set carries change: rationale, examples and the active flag are
    // kept from the stored rule, which the revision check below guarantees is the one read.
    // PostgreSQL types VALUES parameters as text unless told otherwise, hence the casts.
    const changed = await tx.$executeRaw`
      UPDATE "DisclosureRule" SET
        "name" = v.column2, "category" = v.column3, "message" = v.column4,
        "severity" = v.column5, "kind" = v.column6, "patterns" = v.column7,
        "exceptions" = v.column8, "window" = CAST(v.column9 AS INTEGER),
        "revision" = CAST(v.column10 AS INTEGER), "updatedAt" = ${now}
      FROM (VALUES ${Prisma.join(rows)}) AS v
      WHERE "DisclosureRule"."id" = v.column1
        AND "DisclosureRule"."revision" = CAST(v.column11 AS INTEGER)`;
    // a rule changed or deleted since the read: writing it now would lose that change
    if (changed !== chunk.length) throw new RuleImportConflict('rule changed meanwhile');
    await yieldToOthers();
  }
  for (const chunk of chunks(plan.revisions, WRITE_CHUNK)) {
    const rows = chunk.map(
      (r) =>
        Prisma.sql`(${r.id}, ${r.ruleId}, ${r.revision}, ${r.definition}, ${r.changeNote}, ${r.authorId}, ${now})`,
    );
    await tx.$executeRaw`
      INSERT INTO "DisclosureRuleRevision" ("id", "ruleId", "revision", "definition",
        "changeNote", "authorId", "createdAt")
      VALUES ${Prisma.join(rows)}`;
    await yieldToOthers();
  }
}

/**
 * Imports a validated rule set: new ids create rules, known ids get a new revision; all or
 * nothing. The rules are read in slices and every row is built before the one short transaction
 * that writes them set-based: on SQLite an open transaction holds the only connection, so a
 * statement per rule inside it would hold up every other request for the whole import.
 */
export async function importRuleSet({
  rules,
  actorId,
}: {
  rules: DisclosureRule[];
  actorId: string;
}) {
  for (let attempt = 1; ; attempt++) {
    const plan = await planImport(rules, actorId);
    await ruleImportHooks.afterRead();
    const started = performance.now();
    try {
      const counts = await prisma.$transaction(async (tx) => {
        await assertActorCan(tx, actorId, 'rules:manage');
        await writeImport(tx, plan);
        const { created, updated } = plan;
        await recordAudit(tx, {
          actorId,
          action: 'rule.import',
          entityType: 'disclosure_rule',
          entityId: '*',
          after: { created, updated },
        });
        return { created, updated };
      });
      ruleImportHooks.transactionTook(performance.now() - started);
      return { ...counts, recheck: await recheckPieces({ actorId }) };
    } catch (error) {
      // Someone else changed a rule of the set in between: the transaction wrote nothing, so
      // read again and rebuild, as an import inside one long transaction would have waited.
      if (!(error instanceof RuleImportConflict) || attempt >= IMPORT_ATTEMPTS) throw error;
    }
  }
}
