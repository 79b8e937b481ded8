import {
  conceptFromLists,
  conceptKey,
  conceptLists,
  type GlossaryEntry,
} from '~/domain/matching/glossary';
import { foldText } from '~/domain/matching/analyze';
import type { GlossaryFormData } from '~/forms/glossary';
import { prisma, type Tx } from '~/utils/db.server';
import { recordAudit } from './audit.server';
import { assertActorCan } from './actor.server';
import { versionedDelete, versionedUpdate } from './versioned.server';

/**
 * The glossary that matching uses: Lotse's built-in concepts and the company's own. Editors
 * add and change concepts; built-in ones can be extended but not deleted. Any change alters the
 * matcher's corpus key (see matching.server.ts), so suggestions follow at the next request.
 */

export type GlossaryProblem = 'notFound' | 'conflict' | 'builtIn';

export type ConceptView = {
  id: string;
  key: string;
  builtIn: boolean;
  note: string;
  version: number;
  updatedAt: string;
  de: string[];
  en: string[];
  both: string[];
};

function view(concept: {
  id: string;
  key: string;
  builtIn: boolean;
  note: string;
  version: number;
  updatedAt: Date;
  terms: GlossaryEntry['terms'][number][];
}): ConceptView {
  return {
    id: concept.id,
    key: concept.key,
    builtIn: concept.builtIn,
    note: concept.note,
    version: concept.version,
    updatedAt: concept.updatedAt.toISOString(),
    ...conceptLists(concept),
  };
}

const conceptSelect = {
  id: true,
  key: true,
  builtIn: true,
  note: true,
  version: true,
  updatedAt: true,
  terms: { select: { term: true, language: true, type: true }, orderBy: { term: 'asc' } },
} as const;

type Row = {
  id: string;
  key: string;
  builtIn: boolean;
  note: string;
  version: number;
  updatedAt: Date;
  terms: { term: string; language: string | null; type: string }[];
};

function fromRow(row: Row) {
  return view({
    ...row,
    terms: row.terms.map((t) => ({
      term: t.term,
      language: t.language === 'de' || t.language === 'en' ? t.language : null,
      type: t.type === 'synonym' || t.type === 'abbreviation' ? t.type : 'term',
    })),
  });
}

/**
 * The concepts, the company's own first; `q` finds a concept by any of its terms (ignoring
 * case and umlaut spelling). The glossary is small (hundreds of concepts), so it is filtered here.
 */
export async function listGlossary({
  q = '',
  source = 'all',
}: {
  q?: string;
  source?: 'all' | 'company' | 'builtIn';
}) {
  const rows = await prisma.glossaryConcept.findMany({
    where: source === 'all' ? {} : { builtIn: source === 'builtIn' },
    select: conceptSelect,
    orderBy: [{ builtIn: 'asc' }, { key: 'asc' }],
  });
  const needle = foldText(q);
  const concepts = rows.map(fromRow);
  const shown = needle
    ? concepts.filter((c) =>
        [...c.de, ...c.en, ...c.both, c.note].some((term) => foldText(term).includes(needle)),
      )
    : concepts;
  return { concepts: shown, total: rows.length };
}

export async function getConcept(id: string) {
  const row = await prisma.glossaryConcept.findUnique({ where: { id }, select: conceptSelect });
  return row && fromRow(row);
}

function termRows(input: Pick<GlossaryFormData, 'de' | 'en' | 'both'>) {
  return conceptFromLists('', input.de, input.en, input.both).terms.map((t) => ({
    term: t.term,
    language: t.language,
    type: t.type ?? 'term',
  }));
}

async function uniqueKey(tx: Tx, base: string) {
  for (let n = 1; ; n++) {
    const key = n === 1 ? base : `${base}-${n}`;
    if (!(await tx.glossaryConcept.findUnique({ where: { key }, select: { id: true } }))) {
      return key;
    }
  }
}

function auditLists(input: Omit<GlossaryFormData, 'expectedVersion'>) {
  return { de: input.de, en: input.en, both: input.both, note: input.note };
}

/**
 * Creates a concept with its audit entry inside `tx`; the caller has checked `glossary:manage`.
 * The first term (German, else English, else both) names its key.
 */
export async function insertConcept(
  tx: Tx,
  { actorId, input }: { actorId: string; input: Omit<GlossaryFormData, 'expectedVersion'> },
): Promise<string> {
  const main = input.de[0] ?? input.en[0] ?? input.both[0] ?? '';
  const concept = await tx.glossaryConcept.create({
    data: {
      key: await uniqueKey(tx, conceptKey(main)),
      note: input.note,
      createdById: actorId,
      terms: { create: termRows(input) },
    },
    select: { id: true },
  });
  await recordAudit(tx, {
    actorId,
    action: 'glossaryConcept.create',
    entityType: 'glossaryConcept',
    entityId: concept.id,
    after: auditLists(input),
  });
  return concept.id;
}

export function createConcept({ actorId, input }: { actorId: string; input: GlossaryFormData }) {
  return prisma.$transaction(async (tx) => {
    await assertActorCan(tx, actorId, 'glossary:manage');
    return { ok: true as const, id: await insertConcept(tx, { actorId, input }) };
  });
}

export function updateConcept({
  id,
  actorId,
  input,
  expectedVersion,
}: {
  id: string;
  actorId: string;
  input: GlossaryFormData;
  expectedVersion: number;
}): Promise<{ ok: true; id: string } | { ok: false; problem: GlossaryProblem }> {
  return prisma.$transaction(async (tx) => {
    await assertActorCan(tx, actorId, 'glossary:manage');
    const before = await tx.glossaryConcept.findUnique({ where: { id }, select: conceptSelect });
    if (!before) return { ok: false, problem: 'notFound' };
    const written = await versionedUpdate(tx.glossaryConcept, {
      id,
      expectedVersion,
      data: { note: input.note, updatedAt: new Date() },
    });
    if (!written.ok) return written;
    await tx.glossaryTerm.deleteMany({ where: { conceptId: id } });
    await tx.glossaryTerm.createMany({
      data: termRows(input).map((t) => ({ ...t, conceptId: id })),
    });
    const old = fromRow(before);
    await recordAudit(tx, {
      actorId,
      action: 'glossaryConcept.update',
      entityType: 'glossaryConcept',
      entityId: id,
      before: { de: old.de, en: old.en, both: old.both, note: old.note },
      after: auditLists(input),
    });
    return { ok: true, id };
  });
}

/** Deletes a company concept; built-in concepts stay (they would come back with every update). */
export function deleteConcept({
  id,
  actorId,
  expectedVersion,
}: {
  id: string;
  actorId: string;
  expectedVersion: number;
}): Promise<{ ok: true; id: string } | { ok: false; problem: GlossaryProblem }> {
  return prisma.$transaction(async (tx) => {
    await assertActorCan(tx, actorId, 'glossary:manage');
    const concept = await tx.glossaryConcept.findUnique({ where: { id }, select: conceptSelect });
    if (!concept) return { ok: false, problem: 'notFound' };
    if (concept.builtIn) return { ok: false, problem: 'builtIn' };
    // an early answer for a page that is out of date; the delete below checks it atomically
    if (concept.version !== expectedVersion) return { ok: false, problem: 'conflict' };
    const deleted = await versionedDelete(tx.glossaryConcept, { id, expectedVersion });
    if (!deleted.ok) return deleted;
    const old = fromRow(concept);
    await recordAudit(tx, {
      actorId,
      action: 'glossaryConcept.delete',
      entityType: 'glossaryConcept',
      entityId: id,
      before: { key: old.key, de: old.de, en: old.en, both: old.both, note: old.note },
    });
    return { ok: true, id };
  });
}
