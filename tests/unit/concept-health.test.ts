import { describe, expect, it } from 'vitest';
import {
  checkConcepts,
  conceptReasons,
  contextEvidence,
  MAX_CONTEXT_SIMILARITY,
  type HealthDecision,
  type HealthText,
} from '~/domain/matching/concept-health';
import { conceptFromLists } from '~/domain/matching/glossary';

const lens = conceptFromLists('lens', ['Kontaktlinse', 'Linse'], ['contact lens', 'lens']);
const eye = conceptFromLists('eye', ['Auge', 'Augen'], ['eye', 'eyes']);
const order = conceptFromLists('order', ['Bestellung'], ['order']);
const data = conceptFromLists('data', ['Daten'], ['data']);
const parcel = conceptFromLists('parcel', ['Paket'], ['parcel']);
const survey = conceptFromLists('survey', ['Umfrage'], ['survey']);
// a concept whose German and English terms mean the same: used with the same things
const care = conceptFromLists('care', ['Pflege'], ['care']);
// a concept that joins two vocabularies: parcels and research
const joined = conceptFromLists('versand-studie', ['Versand'], ['study']);
const glossary = [lens, eye, order, data, parcel, survey, care, joined];

let n = 0;
const text = (language: 'de' | 'en', body: string, kind: 'item' | 'need' = 'item'): HealthText => ({
  id: `t${String(++n).padStart(2, '0')}`,
  kind,
  text: body,
  language,
});

const texts: HealthText[] = [
  text('de', 'Pflege der Linse: die Kontaktlinse täglich reinigen, damit das Auge gesund bleibt'),
  text('de', 'Linsenpflege im Alltag: Pflege mit frischer Lösung schont Augen und Linse'),
  text('de', 'Wie geht die Pflege meiner Linse richtig, wenn die Augen trocken sind?', 'need'),
  text('en', 'Lens care every day: clean the contact lens so the eye stays healthy'),
  text('en', 'Care routine: fresh solution for the lens protects the eyes'),
  text('en', 'How do I care for my lens when my eyes feel dry?', 'need'),
  text('de', 'Versand der Bestellung: Paket, Zusteller und Sendungsverfolgung'),
  text('de', 'Schneller Versand jeder Bestellung im Paket, auch am Samstag'),
  text('de', 'Wann kommt mein Paket? Versand und Zusteller im Überblick', 'need'),
  text('en', 'A study of our data: survey participants and statistics'),
  text('en', 'Study design: data from a survey with hundreds of participants'),
  text('en', 'Which study has reliable data and statistics?', 'need'),
];

const decision = (
  over: Partial<HealthDecision> & Pick<HealthDecision, 'decision' | 'explanation'>,
): HealthDecision => ({
  needId: 'n1',
  needText: 'Wann kommt mein Paket?',
  itemId: 'i1',
  itemTitle: 'A study of our data',
  ...over,
});
const reason = (concept: string, need: string, item: string) =>
  JSON.stringify([
    { type: 'word', need: 'paket', item: 'paket' },
    { type: 'concept', need, item, concept },
  ]);

describe('concepts whose terms are used in different contexts', () => {
  it('leave a concept whose terms are used with the same things alone', () => {
    const found = contextEvidence(glossary, texts, { maxSimilarity: Infinity });
    const pair = found.get('care')?.[0];
    // German and English texts share no word, yet their contexts compare through other concepts
    expect(pair?.similarity).toBeGreaterThan(MAX_CONTEXT_SIMILARITY);
    expect(checkConcepts({ glossary, texts }).map((w) => w.key)).not.toContain('care');
  });

  it('flag a concept that joins two unrelated vocabularies, with the words of each', () => {
    const [warning] = checkConcepts({ glossary, texts });
    expect(warning?.key).toBe('versand-studie');
    const [pair] = warning!.contexts;
    expect(pair?.similarity).toBeLessThan(MAX_CONTEXT_SIMILARITY);
    expect(pair?.first).toMatchObject({ term: 'Versand', texts: 3 });
    expect(pair?.second).toMatchObject({ term: 'study', texts: 3 });
    // each term with the words it keeps company with, not the concept's own terms
    // (a German and an English term: the words the glossary translates)
    expect(pair?.first.words).toEqual(expect.arrayContaining(['paket', 'bestellung']));
    expect(pair?.second.words).toEqual(expect.arrayContaining(['data', 'survey']));
    for (const w of [...pair!.first.words, ...pair!.second.words])
      expect(w).not.toMatch(/versand|study/);
    expect(warning?.dismissed).toEqual([]);
  });

  it('judge the terms Lotse ships together by decisions only, and the terms a company added by both', () => {
    const shipped = glossary.find((g) => g.key === 'versand-studie')!;
    expect(checkConcepts({ glossary, texts, curated: [shipped] }).map((w) => w.key)).not.toContain(
      'versand-studie',
    );
    // the same concept as shipped without "study": that term is the company's, and is checked
    const withoutStudy = {
      ...shipped,
      terms: shipped.terms.filter((t) => t.term !== 'study'),
    };
    expect(checkConcepts({ glossary, texts, curated: [withoutStudy] }).map((w) => w.key)).toContain(
      'versand-studie',
    );
  });

  it('compare only terms used in enough texts', () => {
    // "Versand" in two texts only: no evidence either way
    const fewer = texts.filter((t) => !(t.text.includes('Versand') && t.kind === 'need'));
    expect(checkConcepts({ glossary, texts: fewer })).toEqual([]);
  });

  it('find terms where matching would: inflected, inside compounds, and as phrases', () => {
    const shipping = conceptFromLists(
      'shipping',
      ['Versand', 'über Nacht', 'schnelle Lieferung'],
      [],
    );
    const found = contextEvidence(
      [shipping, order],
      [
        text('de', 'Versandkostenfrei ab 30 Euro bei jeder Bestellung'),
        text('de', 'Versandhändler und Optiker arbeiten zusammen', 'need'),
        text('de', 'Der Versand dauert zwei Tage'),
        text('de', 'Linsen über Nacht tragen: was Optiker raten'),
        text('de', 'Über Nacht im Etui lagern'),
        text('de', 'Sind Linsen über Nacht gefährlich?', 'need'),
        text('de', 'Schnelle Lieferungen bis zur Haustür'),
        text('de', 'Schnelle Lieferung am Samstag'),
        text('de', 'Wie schnell ist die schnelle Lieferung?', 'need'),
        // neither the words apart nor another phrase
        text('de', 'Die Lieferung kam schnell, in der Nacht'),
      ],
      { maxSimilarity: Infinity },
    );
    const terms = new Map(
      (found.get('shipping') ?? [])
        .flatMap((p) => [p.first, p.second])
        .map((t) => [t.term, t.texts]),
    );
    expect(Object.fromEntries(terms)).toEqual({
      Versand: 3,
      'über Nacht': 3,
      'schnelle Lieferung': 3,
    });
  });
});

describe('concepts that editors dismissed', () => {
  it('flag a concept that linked two dismissed suggestions and no accepted one', () => {
    const decisions = [
      decision({ decision: 'dismissed', explanation: reason('order', 'Bestellung', 'order') }),
      decision({
        needId: 'n2',
        needText: 'Bestellung ändern',
        itemId: 'i2',
        itemTitle: 'Order history export',
        decision: 'dismissed',
        explanation: reason('order', 'Bestellung', 'order'),
      }),
    ];
    const warnings = checkConcepts({ glossary, texts: [], decisions });
    expect(warnings).toEqual([
      {
        key: 'order',
        contexts: [],
        dismissed: [
          {
            needId: 'n1',
            needText: 'Wann kommt mein Paket?',
            itemId: 'i1',
            itemTitle: 'A study of our data',
            needWords: 'Bestellung',
            itemWords: 'order',
          },
          {
            needId: 'n2',
            needText: 'Bestellung ändern',
            itemId: 'i2',
            itemTitle: 'Order history export',
            needWords: 'Bestellung',
            itemWords: 'order',
          },
        ],
      },
    ]);
    // one accepted suggestion it linked speaks for it
    const accepted = decision({
      needId: 'n3',
      itemId: 'i3',
      decision: 'accepted',
      explanation: reason('order', 'bestellen', 'ordering'),
    });
    expect(checkConcepts({ glossary, texts: [], decisions: [...decisions, accepted] })).toEqual([]);
  });

  it('count neither one dismissal, undecided suggestions, other reasons nor unknown concepts', () => {
    const one = decision({ decision: 'dismissed', explanation: reason('data', 'Daten', 'data') });
    const open = decision({
      needId: 'n2',
      decision: 'suggested',
      explanation: reason('data', 'Daten', 'data'),
    });
    const words = decision({
      needId: 'n3',
      decision: 'dismissed',
      explanation: JSON.stringify([
        { type: 'word', need: 'daten', item: 'daten', concept: 'data' },
      ]),
    });
    const gone = [1, 2].map((i) =>
      decision({
        needId: `g${i}`,
        decision: 'dismissed',
        explanation: reason('deleted-concept', 'x', 'y'),
      }),
    );
    expect(checkConcepts({ glossary, texts: [], decisions: [one, open, words, ...gone] })).toEqual(
      [],
    );
  });

  it('read explanations defensively', () => {
    expect(conceptReasons('not json')).toEqual([]);
    expect(conceptReasons('{"type":"concept"}')).toEqual([]);
    expect(conceptReasons('[null, 3, {"type":"editor","detail":"chosen"}]')).toEqual([]);
    expect(conceptReasons('[{"type":"concept","concept":"eye","need":"Auge"}]')).toEqual([
      { concept: 'eye', need: 'Auge', item: '' },
    ]);
  });
});

describe('the list of concepts to check', () => {
  const decisions = [1, 2].map((i) =>
    decision({
      needId: `n${i}`,
      itemId: `i${i}`,
      decision: 'dismissed',
      explanation: reason('versand-studie', 'Versand', 'study'),
    }),
  );
  const eyeDismissed = [1, 2].map((i) =>
    decision({
      needId: `e${i}`,
      itemId: `i${i}`,
      decision: 'dismissed',
      explanation: reason('eye', 'Auge', 'eye'),
    }),
  );

  it('puts concepts with both kinds of evidence first, then orders by key', () => {
    const warnings = checkConcepts({ glossary, texts, decisions: [...eyeDismissed, ...decisions] });
    expect(warnings.map((w) => w.key)).toEqual(['versand-studie', 'eye']);
    expect(warnings[0]?.contexts.length).toBe(1);
    expect(warnings[0]?.dismissed.length).toBe(2);
  });

  it('is the same whatever order texts, decisions and concepts come in', () => {
    const first = checkConcepts({ glossary, texts, decisions: [...eyeDismissed, ...decisions] });
    const second = checkConcepts({
      glossary: [...glossary].reverse(),
      texts: [...texts].reverse(),
      decisions: [...decisions, ...eyeDismissed].reverse(),
    });
    const shape = (list: typeof first) =>
      list.map((w) => ({
        key: w.key,
        pairs: w.contexts.map((c) => [c.first.term, c.second.term].sort()),
        dismissed: w.dismissed.map((d) => `${d.needId}|${d.itemId}`),
      }));
    expect(shape(second)).toEqual(shape(first));
    expect(checkConcepts({ glossary, texts, decisions })).toEqual(
      checkConcepts({ glossary, texts, decisions }),
    );
  });
});
