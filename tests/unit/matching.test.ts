import { describe, expect, it } from 'vitest';
import { editDistance, splitCompound, stem, words } from '~/domain/matching/analyze';
import { createMatcher, type KnowledgeDoc } from '~/domain/matching/engine';
import { BUILT_IN_GLOSSARY } from '~/domain/matching/glossary';

const items: KnowledgeDoc[] = [
  {
    id: 'care',
    title: 'Pflege von Kontaktlinsen im Alltag',
    description: 'Die häufigsten Fehler bei der Reinigung.',
    tags: ['Hygiene'],
    language: 'de',
  },
  {
    id: 'ship',
    title: 'Same-day dispatch after moving the warehouse',
    description: 'Orders placed before 6 pm ship the same day.',
    tags: ['shipping'],
    language: 'en',
  },
  {
    id: 'dry',
    title: 'Comfort study: daily lenses after eight hours of screen time',
    description: 'Wearer trial on end-of-day comfort.',
    tags: ['dry eye'],
    language: 'en',
  },
  {
    id: 'myopia',
    title: 'Myopia control lenses: two-year follow-up of 90 children',
    description: 'Progression of short-sightedness in children.',
    tags: ['myopia'],
    language: 'en',
  },
  {
    id: 'news',
    title: 'Newsletter-Abmeldungen nach Versandfrequenz',
    description: 'Wie oft dürfen wir schreiben?',
    tags: ['E-Mail'],
    language: 'de',
  },
];
const matcher = createMatcher(items, BUILT_IN_GLOSSARY);
const best = (text: string, tags: string[] = []) => matcher.rankForNeed({ id: 'n', text, tags })[0];

describe('text analysis', () => {
  it('folds umlauts either way and strips endings of both languages', () => {
    expect(words('Die Umsätze und die Umsaetze')).toEqual(['umsatze', 'umsatze']);
    expect(stem('bestellungen')).toBe(stem('bestellung'));
    expect(stem('shipping')).toBe('ship');
    expect(stem('lenses')).toBe(stem('lense'));
  });
  it('splits German compounds into known words', () => {
    const known = new Set(['kontaktlins', 'pfleg', 'versand', 'kost'].map(stem));
    expect(splitCompound('kontaktlinsenpflege', known)).toEqual([
      stem('kontaktlins'),
      stem('pflege'),
    ]);
    expect(splitCompound('versandkosten', known)).toEqual([stem('versand'), stem('kosten')]);
    expect(splitCompound('irgendwas', known)).toBeNull();
  });
  it('measures edit distance with an early stop', () => {
    expect(editDistance('kontaktlinse', 'kontaktlinze')).toBe(1);
    expect(editDistance('abc', 'xyzuvw', 1)).toBe(2);
  });
});

describe('matching', () => {
  it('connects a German compound with the words it is made of', () => {
    expect(best('Kontaktlinsenpflege: was muss ich beachten?')?.id).toBe('care');
  });
  it('matches across languages through the glossary, and says so', () => {
    const m = best('Wie schnell wird meine Bestellung verschickt?');
    expect(m?.id).toBe('ship');
    expect(m?.reasons.some((r) => r.type === 'concept')).toBe(true);
    expect(best('Meine Augen sind abends am Bildschirm trocken')?.id).toBe('dry');
    expect(best('Kurzsichtigkeit bei Kindern bremsen')?.id).toBe('myopia');
  });
  it('forgives a misspelling', () => {
    const m = best('Kontaktlinzen richtig reinigen');
    expect(m?.id).toBe('care');
  });
  it('explains every suggestion', () => {
    const m = best('How often may we send a newsletter?');
    expect(m?.id).toBe('news');
    expect(m?.reasons.length).toBeGreaterThan(0);
    for (const r of m!.reasons) expect(r.need && r.item).toBeTruthy();
  });
  it('quotes the words as they were written, umlauts and all', () => {
    const m = best('Häufigste Fehler beim Reinigen');
    expect(m?.id).toBe('care');
    const quoted = m!.reasons.flatMap((r) => [r.need, r.item]);
    expect(quoted).toContain('häufigsten');
    expect(quoted.join(' ')).not.toMatch(/haufig/);
  });
  it('treats a giant run of letters as one plain word, without trying to split it', () => {
    const started = Date.now();
    const giant = createMatcher(
      [
        {
          id: 'junk',
          title: 'Pasted by mistake',
          description: 'kontaktlinsenpflege'.repeat(50_000),
          tags: [],
          language: 'de',
        },
        ...items,
      ],
      BUILT_IN_GLOSSARY,
    );
    expect(giant.rankForNeed({ id: 'n', text: 'Kontaktlinsenpflege', tags: [] })[0]?.id).toBe(
      'care',
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });
  it('suggests nothing when nothing connects', () => {
    expect(matcher.rankForNeed({ id: 'x', text: 'Quantenphysik für Katzen', tags: [] })).toEqual(
      [],
    );
  });
  it('ranks needs for each item the other way round', () => {
    const needs = [
      { id: 'n1', text: 'Versand und Lieferzeit', tags: [] },
      { id: 'n2', text: 'Pflege von Linsen', tags: [] },
    ];
    const reverse = matcher.rankNeedsForItems(needs, 5);
    expect(reverse.get('ship')?.[0]?.id).toBe('n1');
    expect(reverse.get('care')?.[0]?.id).toBe('n2');
  });
});

describe('incremental updates', () => {
  it('adds and replaces an item without rebuilding', () => {
    const m = createMatcher(items, BUILT_IN_GLOSSARY);
    m.addItem({
      id: 'sun',
      title: 'Sonnenschutz für die Augen',
      description: 'UV-Schutz bei Kontaktlinsen.',
      tags: ['UV'],
    });
    expect(m.itemCount).toBe(items.length + 1);
    expect(m.rankForNeed({ id: 'n', text: 'UV-Schutz im Sommer', tags: [] })[0]?.id).toBe('sun');
    m.addItem({ id: 'sun', title: 'Brillenpflege', description: 'Gläser putzen.', tags: [] });
    expect(m.itemCount).toBe(items.length + 1);
    expect(
      m.rankForNeed({ id: 'n', text: 'UV-Schutz im Sommer', tags: [] }).map((r) => r.id),
    ).not.toContain('sun');
  });
});

describe('needs for one item', () => {
  it('ranks the needs a single item could serve, with reasons', () => {
    const m = createMatcher(items, BUILT_IN_GLOSSARY);
    const needs = [
      { id: 'n1', text: 'Versand und Lieferzeit', tags: [] },
      { id: 'n2', text: 'Pflege von Linsen', tags: [] },
    ];
    const ranked = m.rankNeedsForItem('ship', needs, 5);
    expect(ranked[0]?.id).toBe('n1');
    expect(ranked[0]?.reasons.length).toBeGreaterThan(0);
    expect(m.rankNeedsForItem('nope', needs)).toEqual([]);
  });
});
