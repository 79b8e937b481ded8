import { describe, expect, it } from 'vitest';
import { createMatcher, type KnowledgeDoc, type NeedDoc } from '~/domain/matching/engine';
import {
  cosine,
  decidedNeeds,
  EXPANSION_TERMS,
  expansionTerms,
  feedbackEffects,
  type FeedbackDecision,
} from '~/domain/matching/feedback';
import { BUILT_IN_GLOSSARY } from '~/domain/matching/glossary';

const items: KnowledgeDoc[] = [
  {
    id: 'kit',
    title: 'Holiday lens care kit',
    description: 'Case, a small bottle of solution and a spare pair.',
    tags: ['travel'],
    language: 'en',
  },
  {
    id: 'dry',
    title: 'Dry eyes on long flights',
    description: 'Cabin air dries lenses out: drops and glasses help.',
    tags: ['dry eye'],
    language: 'en',
  },
  {
    id: 'airport',
    title: 'Liquids in hand luggage',
    description: 'Airport security allows 100 ml per bottle for a flight.',
    tags: ['flights'],
    language: 'en',
  },
  {
    id: 'solution',
    title: 'Choosing a lens solution',
    description: 'Multipurpose or peroxide solutions compared.',
    tags: ['care'],
    language: 'en',
  },
  {
    id: 'invoice',
    title: 'Paying invoices by credit card',
    description: 'Which cards the shop accepts and when the invoice is due.',
    tags: ['payment'],
    language: 'en',
  },
];

const needA: NeedDoc = {
  id: 'a',
  text: 'What should I pack for my lenses on a long flight?',
  tags: [],
  language: 'en',
};
const needB: NeedDoc = {
  id: 'b',
  text: 'Packing my contact lenses for a flight abroad',
  tags: [],
  language: 'en',
};
const needC: NeedDoc = {
  id: 'c',
  text: 'Can I pay my invoice by credit card?',
  tags: [],
  language: 'en',
};

const decided = (itemId: string, decision: string, need = needA): FeedbackDecision => ({
  needId: need.id,
  needText: need.text,
  needLanguage: need.language,
  itemId,
  decision,
});
const onA = [decided('kit', 'accepted'), decided('dry', 'dismissed')];

const ids = (m: ReturnType<typeof createMatcher>, need: NeedDoc) =>
  m.rankForNeed(need).map((r) => r.id);

describe('matching learns from editors', () => {
  const plain = createMatcher(items, BUILT_IN_GLOSSARY);
  const learned = createMatcher(items, BUILT_IN_GLOSSARY, { feedback: onA });

  it('ranks an item accepted for a similar need higher, and says why', () => {
    expect(ids(plain, needB).indexOf('kit')).toBeGreaterThan(0);
    const ranked = learned.rankForNeed(needB);
    expect(ranked[0]!.id).toBe('kit');
    expect(ranked[0]!.score).toBeGreaterThan(
      plain.rankForNeed(needB).find((r) => r.id === 'kit')!.score,
    );
    expect(ranked[0]!.reasons[0]).toEqual({
      type: 'feedback',
      need: needA.text,
      item: needA.text,
      similarNeedId: 'a',
    });
    // the other items carry no such reason
    for (const r of ranked.slice(1))
      expect(r.reasons.some((x) => x.type === 'feedback')).toBe(false);
  });

  it('pushes down an item dismissed for a similar need', () => {
    expect(ids(plain, needB)[0]).toBe('dry');
    const before = plain.rankForNeed(needB).find((r) => r.id === 'dry')!;
    const after = learned.rankForNeed(needB).find((r) => r.id === 'dry')!;
    expect(after.score).toBeLessThan(before.score);
    expect(ids(learned, needB).indexOf('dry')).toBeGreaterThan(ids(plain, needB).indexOf('dry'));
  });

  it('leaves an unrelated need as it was', () => {
    expect(learned.rankForNeed(needC)).toEqual(plain.rankForNeed(needC));
  });

  it("does not count a need's own decisions as evidence for itself", () => {
    expect(learned.rankForNeed(needA)).toEqual(plain.rankForNeed(needA));
  });

  it('ignores suggestions nobody decided', () => {
    const undecided = createMatcher(items, BUILT_IN_GLOSSARY, {
      feedback: [decided('kit', 'suggested'), decided('dry', 'suggested')],
    });
    expect(undecided.rankForNeed(needB)).toEqual(plain.rankForNeed(needB));
  });

  it('explains it on the item side too (the needs an item could serve)', () => {
    const [b, c] = [needB, needC];
    const plainKit = plain.rankNeedsForItem('kit', [b, c]);
    const learnedKit = learned.rankNeedsForItem('kit', [b, c]);
    expect(learnedKit[0]!.id).toBe('b');
    expect(learnedKit[0]!.score).toBeGreaterThan(plainKit.find((r) => r.id === 'b')!.score);
    expect(learnedKit[0]!.reasons.some((r) => r.type === 'feedback' && r.need === needA.text)).toBe(
      true,
    );
    const learnedDry = learned.rankNeedsForItem('dry', [b]);
    expect(learnedDry[0]!.score).toBeLessThan(plain.rankNeedsForItem('dry', [b])[0]!.score);
    // the same effect as ranking the need against all items
    const all = learned.rankNeedsForItems([b], 10);
    expect(all.get('kit')![0]!.score).toBeCloseTo(
      learned.rankForNeed(b).find((r) => r.id === 'kit')!.score,
    );
  });

  it("keeps one workspace's decisions out of another's matcher", () => {
    // two workspaces with the same inventory and opposite decisions on the same need text
    const other = [decided('solution', 'accepted'), decided('kit', 'dismissed')];
    const first = createMatcher(items, BUILT_IN_GLOSSARY, { feedback: onA });
    const firstBefore = first.rankForNeed(needB);
    const second = createMatcher(items, BUILT_IN_GLOSSARY, { feedback: other });
    expect(ids(second, needB)[0]).toBe('solution');
    const kitScore = (m: typeof plain) => m.rankForNeed(needB).find((r) => r.id === 'kit')!.score;
    expect(kitScore(second)).toBeLessThan(kitScore(plain));
    // building and using the second changed nothing for the first, nor for a matcher without any
    expect(first.rankForNeed(needB)).toEqual(firstBefore);
    expect(ids(first, needB)[0]).toBe('kit');
    expect(createMatcher(items, BUILT_IN_GLOSSARY).rankForNeed(needB)).toEqual(
      plain.rankForNeed(needB),
    );
    // views over one index keep their own decisions, and the index itself stays without
    const view = plain.withFeedback(other);
    expect(ids(view, needB)[0]).toBe('solution');
    expect(plain.rankForNeed(needB)).toEqual(
      createMatcher(items, BUILT_IN_GLOSSARY).rankForNeed(needB),
    );
    expect(plain.withFeedback(onA).rankForNeed(needB)).toEqual(first.rankForNeed(needB));
  });

  it('lifts items that say what the accepted one says, among those the need reaches itself', () => {
    const more: KnowledgeDoc[] = [
      ...items,
      {
        id: 'spare',
        title: 'Travel kit for a trip abroad',
        description: 'What goes into the bag.',
        tags: [],
        language: 'en',
      },
      {
        id: 'pouch',
        title: 'Holiday kit pouch',
        description: 'A small travel bag.',
        tags: [],
        language: 'en',
      },
    ];
    const without = createMatcher(more, BUILT_IN_GLOSSARY);
    const withDecisions = createMatcher(more, BUILT_IN_GLOSSARY, { feedback: onA });
    const spare = (m: typeof without) => m.rankForNeed(needB).find((r) => r.id === 'spare')!;
    expect(spare(withDecisions).score).toBeGreaterThan(spare(without).score);
    // the vocabulary gives no reason of its own
    expect(spare(withDecisions).reasons).toEqual(spare(without).reasons);
    expect(spare(withDecisions).reasons.some((r) => r.type === 'feedback')).toBe(false);
    // an item sharing nothing with the need is not brought in by the vocabulary alone
    expect(ids(without, needB)).not.toContain('pouch');
    expect(ids(withDecisions, needB)).not.toContain('pouch');
    // the item side agrees
    expect(withDecisions.rankNeedsForItem('spare', [needB])[0]!.score).toBeCloseTo(
      spare(withDecisions).score,
    );
  });

  it('keeps the evidence when an item is added to the index', () => {
    const m = createMatcher(items, BUILT_IN_GLOSSARY, { feedback: onA });
    m.addItem({
      id: 'cases',
      title: 'Lens cases compared',
      description: 'Which case keeps lenses clean.',
      tags: [],
      language: 'en',
    });
    expect(m.itemCount).toBe(items.length + 1);
    expect(ids(m, needB)[0]).toBe('kit');
  });
});

describe('the evidence', () => {
  it('groups decisions by need, once per item, and keeps only decided ones', () => {
    const needs = decidedNeeds([
      decided('kit', 'accepted'),
      decided('kit', 'accepted'),
      decided('dry', 'dismissed'),
      decided('airport', 'suggested'),
      decided('invoice', 'accepted', needC),
    ]);
    expect(needs.map((n) => [n.id, n.accepted, n.dismissed])).toEqual([
      ['a', ['kit'], ['dry']],
      ['c', ['invoice'], []],
    ]);
  });

  it('counts only needs similar enough, and never the need itself', () => {
    const vectors = new Map([
      [
        'a',
        new Map([
          ['w:pack', 1],
          ['w:flight', 1],
        ]),
      ],
      ['c', new Map([['w:invoic', 1]])],
    ]);
    const evidence = decidedNeeds([
      decided('kit', 'accepted'),
      decided('invoice', 'accepted', needC),
    ]);
    const of = (id: string) => vectors.get(id)!;
    const forB = feedbackEffects('b', new Map([['w:flight', 1]]), evidence, (n) => of(n.id));
    expect([...forB.keys()]).toEqual(['kit']);
    expect(forB.get('kit')!.acceptedFor).toMatchObject({ id: 'a' });
    expect(forB.get('kit')!.boost).toBeGreaterThan(0);
    expect(feedbackEffects('a', of('a'), evidence, (n) => of(n.id)).has('kit')).toBe(false);
    expect(cosine(of('a'), of('a'))).toBeCloseTo(1);
    expect(cosine(of('a'), of('c'))).toBe(0);
  });

  it("adds an accepted item's most distinctive features the need lacks, weighted by similarity", () => {
    const weights = new Map(Array.from({ length: 30 }, (_, i) => [`w:f${i}`, 30 - i] as const));
    const terms = expansionTerms([{ strength: 0.5, weights }], (key) => key === 'w:f0');
    expect(terms.has('w:f0')).toBe(false);
    expect([...terms.keys()].sort()).toEqual(
      Array.from({ length: EXPANSION_TERMS }, (_, i) => `w:f${i + 1}`).sort(),
    );
    const stronger = expansionTerms([{ strength: 1, weights }], () => false);
    expect(stronger.get('w:f1')).toBeCloseTo(2 * terms.get('w:f1')!);
  });
});
