import { describe, expect, it } from 'vitest';
import { conceptFromLists, type GlossaryEntry } from '~/domain/matching/glossary';
import {
  MIN_SUPPORT,
  proposalKey,
  proposeGlossaryTerms,
  type AcceptedPair,
} from '~/domain/matching/glossary-proposals';

const pair = (
  needId: string,
  needText: string,
  itemId: string,
  itemTitle: string,
  summary = '',
  languages: [string | null, string | null] = ['de', 'en'],
): AcceptedPair => ({
  needId,
  needText,
  needLanguage: languages[0],
  itemId,
  itemTitle,
  itemText: `${itemTitle} ${summary}`,
  itemLanguage: languages[1],
});

// German needs about "Versand", answered by English items about "shipping"
const shipping: AcceptedPair[] = [
  pair('n1', 'Wie schnell ist der Versand?', 'i1', 'Shipping times across Europe'),
  pair('n2', 'Was kostet der Versand ins Ausland?', 'i2', 'International shipping costs'),
  pair('n3', 'Versand am Wochenende möglich?', 'i3', 'Weekend shipping', 'Orders on Saturdays'),
];

describe('glossary proposals from accepted suggestions', () => {
  it('proposes two words that needs and their accepted items use for the same thing', () => {
    const proposals = proposeGlossaryTerms(shipping, []);
    expect(proposals).toHaveLength(1);
    const [p] = proposals;
    expect(p?.terms).toEqual([
      { term: 'Versand', language: 'de' },
      { term: 'shipping', language: 'en' },
    ]);
    expect(p?.kind).toBe('translation');
    expect(p?.support).toBe(3);
    expect(p?.strength).toBe(1);
    expect(p?.extendsConcept).toBeNull();
    expect(p?.adds).toEqual(p?.terms);
    expect(p?.evidence.map((e) => e.needId)).toEqual(['n1', 'n2', 'n3']);
    expect(p?.key).toBe(
      proposalKey({ stem: 'ship', language: 'en' }, { stem: 'versand', language: 'de' }),
    );
  });

  it(`needs the pair for at least ${MIN_SUPPORT} different needs`, () => {
    expect(proposeGlossaryTerms(shipping.slice(0, 1), [])).toEqual([]);
    // two items accepted for the same need are still one need's evidence
    const oneNeed = [
      shipping[0] as AcceptedPair,
      pair('n1', 'Wie schnell ist der Versand?', 'i9', 'Shipping by express'),
    ];
    expect(proposeGlossaryTerms(oneNeed, [])).toEqual([]);
  });

  it('needs the pair in different items too: one item’s words all go with the need’s word', () => {
    const oneItem = [
      pair('n1', 'Wie schnell ist der Versand?', 'i1', 'Shipping times across Europe'),
      pair('n2', 'Versand ins Ausland', 'i1', 'Shipping times across Europe'),
    ];
    expect(proposeGlossaryTerms(oneItem, [])).toEqual([]);
  });

  it('leaves out words that go with many others (a weak association)', () => {
    // "ratgeber" is in every need: with "shipping" it is together in 2 of 5 + 2 (Dice 0.57), but
    // "versand" goes with "shipping" every time (Dice 1), so "shipping" pairs with "versand" only
    const noisy = [
      pair('n1', 'Ratgeber Versand', 'i1', 'Shipping times'),
      pair('n2', 'Ratgeber Rückgabe', 'i2', 'Returns policy'),
      pair('n3', 'Ratgeber Bezahlung', 'i3', 'Payment options'),
      pair('n4', 'Ratgeber Versand Ausland', 'i4', 'International shipping'),
      pair('n5', 'Ratgeber Gutschein', 'i5', 'Vouchers explained'),
    ];
    const proposals = proposeGlossaryTerms(noisy, []);
    expect(proposals.map((p) => p.terms.map((t) => t.term))).toEqual([['Versand', 'shipping']]);
  });

  it('pairs each word with its best partner only', () => {
    // "versand" and "shipping" go together every time; "paket" only in two of the three
    const withParcel = [
      pair('n1', 'Versand und Paket verfolgen', 'i1', 'Shipping updates'),
      pair('n2', 'Versand Paket Größe', 'i2', 'Shipping sizes'),
      pair('n3', 'Versand heute', 'i3', 'Shipping today'),
    ];
    const proposals = proposeGlossaryTerms(withParcel, []);
    expect(proposals.map((p) => p.terms.map((t) => t.term))).toEqual([['Versand', 'shipping']]);
  });

  it('proposes words of one language as synonyms', () => {
    const german = shipping.map((p) => ({
      ...p,
      itemTitle: p.itemTitle.replace(/shipping/i, 'Lieferung'),
      itemText: p.itemText.replace(/shipping/i, 'Lieferung'),
      itemLanguage: 'de',
    }));
    const [p] = proposeGlossaryTerms(german, []);
    expect(p?.kind).toBe('synonym');
    expect(p?.terms.map((t) => t.term)).toEqual(['Versand', 'Lieferung']);
  });

  it('extends the concept one of the words belongs to already', () => {
    const glossary: GlossaryEntry[] = [conceptFromLists('dispatch', ['Versand'], ['dispatch'])];
    const [p] = proposeGlossaryTerms(shipping, glossary);
    expect(p?.extendsConcept).toBe('dispatch');
    expect(p?.adds).toEqual([{ term: 'shipping', language: 'en' }]);
  });

  it('proposes nothing the glossary links already, and never merges two concepts', () => {
    const linked = [conceptFromLists('shipping', ['Versand'], ['shipping'])];
    expect(proposeGlossaryTerms(shipping, linked)).toEqual([]);
    const two = [
      conceptFromLists('dispatch', ['Versand'], ['dispatch']),
      conceptFromLists('boat', ['Schifffahrt'], ['shipping']),
    ];
    expect(proposeGlossaryTerms(shipping, two)).toEqual([]);
  });

  it('sees a German compound as the term it ends with, as matching does', () => {
    const glossary = [conceptFromLists('lens', ['Linse'], ['lens', 'lenses'])];
    const night = [
      pair('n1', 'Welche Nachtlinse passt?', 'i1', 'Night lenses explained'),
      pair('n2', 'Nachtlinse für Kinder', 'i2', 'Lenses for children at night'),
    ];
    const words = (g: GlossaryEntry[]) =>
      proposeGlossaryTerms(night, g).flatMap((p) => p.terms.map((t) => t.term));
    // without the concept, "lenses" is a candidate; with it, a Nachtlinse is a Linse already
    expect(words([])).toContain('Nachtlinse');
    expect(words(glossary)).not.toContain('lenses');
  });

  it('does not propose again what an editor decided', () => {
    const [p] = proposeGlossaryTerms(shipping, []);
    expect(proposeGlossaryTerms(shipping, [], new Set([p?.key as string]))).toEqual([]);
  });

  it('gives the same proposals whatever order the decisions come in', () => {
    const forward = proposeGlossaryTerms(shipping, []);
    const backward = proposeGlossaryTerms([...shipping].reverse(), []);
    expect(backward).toEqual(forward);
  });

  it('leaves the language of a word open when its text’s language is not known', () => {
    const unknown = shipping.map((p) => ({ ...p, needLanguage: null }));
    const [p] = proposeGlossaryTerms(unknown, []);
    expect(p?.terms[0]).toEqual({ term: 'Versand', language: null });
    // not known to be two languages: proposed as words for the same thing
    expect(p?.kind).toBe('synonym');
  });
});
