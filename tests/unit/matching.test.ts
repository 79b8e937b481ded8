import { describe, expect, it } from 'vitest';
import {
  editDistance,
  splitCompound,
  stem,
  stemLanguage,
  stems,
  words,
} from '~/domain/matching/analyze';
import { createMatcher, type KnowledgeDoc, type Reason } from '~/domain/matching/engine';
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
  it('folds umlauts either way and stems each language with its own Snowball rules', () => {
    expect(words('Die Umsätze und die Umsaetze')).toEqual(['umsatze', 'umsatze']);
    expect(stem('bestellungen', 'de')).toBe(stem('bestellung', 'de'));
    expect(stem('nachhaltigkeit', 'de')).toBe(stem('nachhaltig', 'de'));
    expect(stem('shipping', 'en')).toBe('ship');
    expect(stem('studies', 'en')).toBe(stem('study', 'en'));
    // German rules leave English endings alone, and the other way round
    expect(stem('shipping', 'de')).toBe('shipping');
    expect(stem('bestellungen', 'en')).not.toBe(stem('bestellung', 'en'));
  });
  it('keeps a lens a lens (Snowball alone would cut it to "len")', () => {
    expect(stem('lens', 'en')).toBe(stem('lenses', 'en'));
    expect(stem('lens', 'en')).toBe('lens');
  });
  it('gives a word of a text in no known language the stems of both languages', () => {
    expect(stemLanguage('de')).toBe('de');
    expect(stemLanguage('fr')).toBeNull();
    expect(stems('shipping', null)).toEqual(['shipping', 'ship']);
    expect(stems('shipping', 'en')).toEqual(['ship']);
    expect(stems('pflege', null)).toEqual(['pfleg', 'pflege']);
  });
  it('splits German compounds into known words', () => {
    const known = new Set(['kontaktlins', 'pfleg', 'versand', 'kost'].map((w) => stem(w, 'de')));
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
  it('keeps giving up a purchase apart from cancelling an order', () => {
    const shop = createMatcher(
      [
        {
          id: 'storno',
          title: 'Stornierungen nach dem Kauf',
          description: 'Warum Kunden bestellte Ware stornieren.',
          tags: ['Storno'],
          language: 'de',
        },
        {
          id: 'abandon',
          title: 'Abandoned carts on mobile',
          description: 'Where shoppers drop off in the payment step.',
          tags: ['conversion'],
          language: 'en',
        },
      ],
      BUILT_IN_GLOSSARY,
    );
    const ranked = shop.rankForNeed({
      id: 'n',
      text: 'Viele brechen den Kauf an der Kasse ab. Woran liegt der Kaufabbruch?',
      tags: [],
      language: 'de',
    });
    expect(ranked[0]?.id).toBe('abandon');
    expect(ranked[0]?.reasons).toContainEqual(
      expect.objectContaining({ type: 'concept', concept: 'abandonment' }),
    );
    // the cancellations study shares a word (Kauf), but no concept: a cancelled order is another
    // matter than a purchase given up at the checkout
    const storno = ranked.find((r) => r.id === 'storno');
    expect(storno?.reasons.filter((r) => r.type === 'concept') ?? []).toEqual([]);
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

describe('honest reasons', () => {
  const shop: KnowledgeDoc[] = [
    {
      id: 'delivery',
      title: 'Delivery within two days',
      description: 'How a parcel reaches our customers.',
      tags: [],
      language: 'en',
    },
    {
      id: 'mdr',
      title: 'MDR-Übergangsfristen für Pflegemittel',
      description: 'Welche Produkte neu zertifiziert werden und wie wir Lieferengpässe vermeiden.',
      tags: [],
      language: 'de',
    },
    {
      id: 'mailorder',
      title: 'Kontaktlinsen aus dem Versandhandel',
      description: 'Was Kundinnen am Onlineshop schätzen.',
      tags: [],
      language: 'de',
    },
    {
      id: 'care',
      title: 'Kontaktlinsenpflege im Alltag',
      description: 'Die häufigsten Fehler.',
      tags: [],
      language: 'de',
    },
    {
      id: 'checkout',
      title: 'Checkout redesign',
      description: 'Fewer steps from cart to confirmation.',
      tags: [],
      language: 'en',
    },
    {
      id: 'buyers',
      title: 'Customer panel: who orders from us',
      description: 'A survey of 800 customers.',
      tags: [],
      language: 'en',
    },
    {
      id: 'myopia',
      title: 'Myopia control in children',
      description: 'Slowing the progression of short-sightedness.',
      tags: [],
      language: 'en',
    },
    {
      id: 'waste',
      title: 'Weniger Verpackung pro Sendung',
      description: 'Karton statt Plastik.',
      tags: [],
      language: 'de',
    },
    {
      id: 'habits',
      title: 'Wearing habits of 2,000 customers',
      description: 'How many hours a day, how often replaced.',
      tags: [],
      language: 'en',
    },
    {
      id: 'speed',
      title: 'Lieferzeit nach Österreich',
      description: 'Wie lange ein Paket braucht.',
      tags: [],
      language: 'de',
    },
  ];
  const m = createMatcher(shop, BUILT_IN_GLOSSARY);
  const rank = (text: string, language: 'de' | 'en') =>
    m.rankForNeed({ id: 'n', text, tags: [], language }, 20);
  const reasonsFor = (text: string, language: 'de' | 'en', itemId: string): Reason[] =>
    rank(text, language).find((r) => r.id === itemId)?.reasons ?? [];
  const quotes = (reasons: Reason[]) => reasons.map((r) => `${r.need} ~ ${r.item}`);

  it('never says a compound means what its first part means', () => {
    // "Versandhändler" starts with Versand (shipping), but a mail-order company is no delivery
    for (const r of rank('Wie arbeitet ein Versandhändler mit Optikern zusammen?', 'de'))
      expect(quotes(r.reasons), r.id).not.toContain('versandhändler ~ delivery');
    expect(
      reasonsFor('Wie arbeitet ein Versandhändler mit Optikern zusammen?', 'de', 'delivery'),
    ).toEqual([]);
    // a shortage of supplies ("Lieferengpässe") is no delivery to a customer
    expect(quotes(reasonsFor('Wann kommt meine Lieferung?', 'de', 'mdr'))).not.toContain(
      'lieferung ~ lieferengpässe',
    );
    expect(reasonsFor('Where is my parcel?', 'en', 'mdr')).toEqual([]);
  });

  it('still names the concept a compound is about (its head)', () => {
    const reasons = reasonsFor('How should I care for my lenses?', 'en', 'care');
    expect(reasons).toContainEqual(
      expect.objectContaining({ type: 'concept', concept: 'care', item: 'kontaktlinsenpflege' }),
    );
  });

  it('does not pass off a spelling guess as a concept', () => {
    const reasons = reasonsFor('Was macht einen guten Versandhändler aus?', 'de', 'mailorder');
    // "versandhändler" is read as the item's "versandhandel" and says so …
    expect(reasons).toContainEqual(
      expect.objectContaining({ type: 'spelling', need: 'versandhändler', item: 'versandhandel' }),
    );
    // … but "means the same as" is never claimed on the strength of that guess
    expect(reasons.filter((r) => r.type === 'concept')).toEqual([]);
  });

  it('finds glossary terms with stop words in them only as written', () => {
    // "same-day" (delivery time) must not make every "day" a delivery time
    expect(rank('What happens on a rainy day?', 'en').map((r) => r.id)).not.toContain('speed');
    expect(reasonsFor('Do you offer same-day shipping?', 'en', 'speed')).toContainEqual(
      expect.objectContaining({ type: 'concept', concept: 'delivery-time' }),
    );
  });

  it('keeps built-in concepts to one thing each', () => {
    // paying is payment, not the checkout
    expect(reasonsFor('Can I pay by invoice?', 'en', 'checkout')).toEqual([]);
    // buying (kaufen) is no customer
    expect(rank('Wo kann ich Linsen kaufen?', 'de').map((r) => r.id)).not.toContain('buyers');
    // the progression of myopia is no progressive lens
    expect(reasonsFor('Gleitsichtlinsen oder Lesebrille?', 'de', 'myopia')).toEqual([]);
    // "tatsächlich" (actually) is no habit
    expect(rank('Ist das tatsächlich so?', 'de').map((r) => r.id)).not.toContain('habits');
    // a box (Packung) is packaging, not its label
    expect(reasonsFor('Was steht auf dem Etikett?', 'de', 'waste')).toEqual([]);
  });
});
