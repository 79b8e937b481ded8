import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_CONTEXT_SIMILARITY } from '~/domain/matching/concept-health';
import { GlossaryFormSchema } from '~/forms/glossary';
import { conceptWarning, glossaryWarnings } from '~/models/glossary-health.server';
import { createConcept, getConcept, updateConcept } from '~/models/glossary.server';
import { decideMatch } from '~/models/matching.server';
import { prisma } from '~/utils/db.server';
import { call, cookieFor, moduleOf, ORIGIN, setUpDemoWorkspace, userId } from './route-harness';

let editorId = '';

beforeAll(async () => {
  await setUpDemoWorkspace();
  editorId = userId('editor');
});

const lists = (de: string, en = '', both = '') =>
  GlossaryFormSchema.parse({ de, en, both, note: '' });

describe('concepts to check', () => {
  it('are none in the demo workspace: the built-in concepts are sound', async () => {
    expect(await glossaryWarnings()).toEqual([]);
    const page = await call('routes/glossary._index', 'GET', 'editor');
    expect(page.status).toBe(200);
    expect((page.body as { warnings: unknown[] }).warnings).toEqual([]);
  });

  it('flag a company concept joining two unrelated words, until the wrong term is gone', async () => {
    const created = await createConcept({
      actorId: editorId,
      input: lists('Pflegemittel\nPflegeprodukte\nAuswertung'),
    });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const warnings = await glossaryWarnings();
    expect(warnings.map((w) => w.name)).toEqual(['Pflegemittel']);
    const [warning] = warnings;
    expect(warning).toMatchObject({
      id: created.id,
      builtIn: false,
      de: ['Pflegemittel', 'Auswertung', 'Pflegeprodukte'],
      dismissed: [],
    });
    const [pair] = warning!.contexts;
    expect(pair?.similarity).toBeLessThan(MAX_CONTEXT_SIMILARITY);
    expect(pair?.first).toMatchObject({ term: 'Pflegemittel', texts: 3 });
    expect(pair?.second).toMatchObject({ term: 'Auswertung', texts: 4 });
    expect(pair?.first.words).toHaveLength(3);
    expect(pair?.second.words).toHaveLength(3);

    // the glossary page and the concept's own page show it
    const index = await call('routes/glossary._index', 'GET', 'management');
    expect((index.body as { warnings: { id: string }[] }).warnings.map((w) => w.id)).toEqual([
      created.id,
    ]);
    const page = await call('routes/glossary.$conceptId', 'GET', 'editor', {
      params: { conceptId: created.id },
    });
    expect((page.body as { warning: { id: string } | null }).warning?.id).toBe(created.id);

    // the check is kept while nothing changes, and made again when the concept is
    expect(await glossaryWarnings()).toBe(await glossaryWarnings());
    const concept = await getConcept(created.id);
    const saved = await updateConcept({
      id: created.id,
      actorId: editorId,
      input: lists('Pflegemittel\nPflegeprodukte'),
      expectedVersion: concept!.version,
    });
    expect(saved.ok).toBe(true);
    expect(await glossaryWarnings()).toEqual([]);
    expect(await conceptWarning(created.id)).toBeNull();
  });

  it('flag a concept that linked suggestions editors dismissed, until one is accepted', async () => {
    const items = await prisma.knowledgeItem.findMany({
      where: { status: 'accepted', matches: { none: {} } },
      orderBy: { title: 'asc' },
      take: 3,
      select: { id: true, title: true },
    });
    // (the items have no suggestion decided yet, whichever the need)
    const needs = await prisma.need.findMany({
      orderBy: { text: 'asc' },
      take: 3,
      select: { id: true, text: true },
    });
    expect(items).toHaveLength(3);
    expect(needs).toHaveLength(3);
    const frequency = await prisma.glossaryConcept.findUniqueOrThrow({
      where: { key: 'frequency' },
    });
    const reasons = [
      { type: 'concept' as const, need: 'wie oft', item: 'cadence', concept: 'frequency' },
    ];
    const decide = (i: number, decision: 'accepted' | 'dismissed') =>
      decideMatch({
        needId: needs[i]!.id,
        knowledgeItemId: items[i]!.id,
        decision,
        actor: { id: editorId },
        score: 0.3,
        reasons,
      });

    expect((await decide(0, 'dismissed')).ok).toBe(true);
    // one dismissal is no pattern
    expect(await conceptWarning(frequency.id)).toBeNull();
    expect((await decide(1, 'dismissed')).ok).toBe(true);
    const warning = await conceptWarning(frequency.id);
    expect(warning).toMatchObject({ key: 'frequency', builtIn: true, contexts: [] });
    expect(
      warning?.dismissed.map((d) => `${d.needText}|${d.itemTitle}|${d.needWords}`).sort(),
    ).toEqual([0, 1].map((i) => `${needs[i]!.text}|${items[i]!.title}|wie oft`).sort());

    // an accepted suggestion it linked says it serves the editors after all
    expect((await decide(2, 'accepted')).ok).toBe(true);
    expect(await conceptWarning(frequency.id)).toBeNull();
  });
});

describe('a new concept started from a term', () => {
  const open = async (query: string) => {
    const mod = await moduleOf('routes/glossary.new');
    const request = new Request(`${ORIGIN}/glossary/new${query}`, {
      headers: await cookieFor('editor'),
    });
    const answer = (await mod.loader!({ request, params: {}, context: {} })) as Response;
    expect(answer.status).toBe(200);
    return ((await answer.json()) as { prefill: { term: string; lang: string } | null }).prefill;
  };

  it('gets the term in German, or in English when asked', async () => {
    expect(await open('?term=Linsenpflege')).toEqual({ term: 'Linsenpflege', lang: 'de' });
    expect(await open('?term=%20lens%20%20care%20&lang=en')).toEqual({
      term: 'lens care',
      lang: 'en',
    });
    expect(await open('?term=Augen&lang=fr')).toEqual({ term: 'Augen', lang: 'de' });
  });

  it('ignores what is no term', async () => {
    expect(await open('')).toBeNull();
    expect(await open('?term=%20%20')).toBeNull();
    expect(await open(`?term=${'a'.repeat(101)}`)).toBeNull();
    expect(await open(`?term=${'a'.repeat(90)}`)).toBeNull();
    expect(await open('?term=a%0Ab')).toBeNull();
    expect(await open('?term=one,two')).toBeNull();
    expect(await open('?term=a&term=b')).toEqual({ term: 'a', lang: 'de' });
  });

  it('is for those who maintain the glossary', async () => {
    const mod = await moduleOf('routes/glossary.new');
    const request = new Request(`${ORIGIN}/glossary/new?term=Linse`, {
      headers: await cookieFor('expert'),
    });
    await expect(
      Promise.resolve().then(() => mod.loader!({ request, params: {}, context: {} })),
    ).rejects.toMatchObject({ status: 403 });
  });
});
