/**
 * Glossary proposals: terms that editors' accepted suggestions say belong together. When needs
 * that say "Versand" are answered again and again by items that say "shipping", the two words
 * are very likely one concept, and the glossary should say so; the editor decides. Nothing here
 * enters the glossary on its own.
 *
 * For every accepted need–item pair, the content words only one side uses (the words both share
 * match already) are paired with each other. A pair of words is proposed when it recurs for
 * several needs and items, when the two words go together more often than apart (Dice coefficient), and
 * when each is the other's best partner, so that one frequent word does not pair with everything.
 * A word pair across German and English is proposed as a translation; within one language, as
 * synonyms. Pairs the glossary links already, pairs joining two different concepts and pairs an
 * editor has decided on are left out.
 */
import { foldText, foldedWords, stems, stemLanguage } from './analyze';
import type { GlossaryEntry } from './glossary';

/** One accepted suggestion: the need and the knowledge item an editor chose for it. */
export type AcceptedPair = {
  needId: string;
  needText: string;
  needLanguage: string | null;
  itemId: string;
  itemTitle: string;
  /** the text matched for the item: its title and summary */
  itemText: string;
  itemLanguage: string | null;
};

export type ProposalTerm = {
  /** as written most often in the evidence (English in lower case unless an abbreviation) */
  term: string;
  language: 'de' | 'en' | null;
};

export type GlossaryProposal = {
  /** stable identity: the two words' languages and stems, sorted */
  key: string;
  /** translation: a German and an English word; synonym: two words of one language */
  kind: 'translation' | 'synonym';
  /** the need's word first, then the item's */
  terms: [ProposalTerm, ProposalTerm];
  /** the glossary concept one of the words belongs to already: the other word would join it */
  extendsConcept: string | null;
  /** the terms confirming adds to the glossary: both, or the one new to `extendsConcept` */
  adds: ProposalTerm[];
  /** the needs whose accepted items bear the pair out */
  support: number;
  /** how exclusively the two words go together, 0..1 (Dice coefficient over the pairs) */
  strength: number;
  /** the accepted suggestions with both words, need first */
  evidence: { needId: string; needText: string; itemId: string; itemTitle: string }[];
};

/**
 * A pair must recur for this many different needs, and in as many different items: in one item,
 * every one of its words would go with the need's word equally well.
 */
export const MIN_SUPPORT = 2;
/** …and the two words must go together at least this exclusively (Dice, 0..1). */
export const MIN_STRENGTH = 0.5;
/** Shorter words are too ambiguous to propose (abbreviations go into the glossary by hand). */
const MIN_WORD_LENGTH = 4;
/** The most proposals shown at once; the strongest first. */
export const MAX_PROPOSALS = 50;
/** The most accepted suggestions quoted as evidence for one proposal. */
const MAX_EVIDENCE = 5;

type Lang = 'de' | 'en' | null;

type Word = {
  /** the stem the proposal is about (in the text's language, German when not known) */
  stem: string;
  /** the word folded (see `foldText`) */
  folded: string;
  language: Lang;
  surface: string;
  /** its stems in both languages, to see whether the other side has it already */
  all: string[];
};

/**
 * How each folded word of a text is written: as in the text for German (nouns keep their capital),
 * in lower case for English unless written all in capitals (an abbreviation).
 */
function writtenForms(text: string, language: Lang): Map<string, string> {
  const forms = new Map<string, string>();
  for (const raw of text.split(/[^\p{L}\p{N}]+/u)) {
    if (!raw) continue;
    const shown = language === 'en' && raw !== raw.toUpperCase() ? raw.toLowerCase() : raw;
    for (const w of foldText(raw).split(' ')) if (w && !forms.has(w)) forms.set(w, shown);
  }
  return forms;
}

/** The content words of a text, once each, with their stems. */
function contentWords(text: string, language: Lang): Word[] {
  const surfaces = writtenForms(text, language);
  const seen = new Map<string, Word>();
  for (const w of foldedWords(foldText(text))) {
    if (w.length < MIN_WORD_LENGTH || /\d/.test(w)) continue;
    const own = stems(w, language)[0] as string;
    if (seen.has(own)) continue;
    seen.set(own, {
      stem: own,
      folded: w,
      language,
      surface: surfaces.get(w) ?? w,
      all: stems(w, null),
    });
  }
  return [...seen.values()];
}

const featureOf = (w: Pick<Word, 'stem' | 'language'>) => `${w.language ?? '*'}:${w.stem}`;

/** The shortest German word that ends a compound and gives it its concept (Linse, Pflege). */
const MIN_COMPOUND_HEAD = 4;

/**
 * Which concepts a word belongs to, from the glossary's one-word terms: by its stems, and for a
 * German compound also by the term it ends with (a "Nachtlinse" is a "Linse"), as matching sees
 * it when it splits compounds.
 */
function glossaryConcepts(glossary: readonly GlossaryEntry[]) {
  const byStem = new Map<string, Set<string>>();
  const heads = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, concept: string) => {
    const set = map.get(key) ?? new Set<string>();
    set.add(concept);
    map.set(key, set);
  };
  for (const entry of glossary) {
    for (const { term, language } of entry.terms) {
      const termWords = foldedWords(foldText(term));
      if (termWords.length !== 1) continue;
      const word = termWords[0] as string;
      for (const s of stems(word, language)) add(byStem, s, entry.key);
      if (language !== 'en' && word.length >= MIN_COMPOUND_HEAD) add(heads, word, entry.key);
    }
  }
  return (w: Pick<Word, 'all' | 'folded' | 'language'>) => {
    const keys = new Set<string>();
    for (const s of w.all) for (const k of byStem.get(s) ?? []) keys.add(k);
    if (w.language !== 'en') {
      for (let cut = 1; cut <= w.folded.length - MIN_COMPOUND_HEAD; cut++)
        for (const k of heads.get(w.folded.slice(cut)) ?? []) keys.add(k);
    }
    return keys;
  };
}

/** The key of a proposal for two words (the same whichever side each word was on). */
export function proposalKey(
  a: { stem: string; language: Lang },
  b: { stem: string; language: Lang },
): string {
  return [featureOf(a), featureOf(b)].sort().join('|');
}

type Tally = {
  need: Word;
  item: Word;
  needs: Set<string>;
  items: Set<string>;
  pairs: AcceptedPair[];
  surfaces: [Map<string, number>, Map<string, number>];
  crossLanguage: number;
};

const mostCommon = (counts: Map<string, number>) =>
  [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '';

/**
 * The glossary proposals that the accepted suggestions bear out, strongest first. `decided`
 * holds the keys of proposals an editor confirmed or rejected already (`proposalKey`).
 */
export function proposeGlossaryTerms(
  accepted: readonly AcceptedPair[],
  glossary: readonly GlossaryEntry[],
  decided: ReadonlySet<string> = new Set(),
): GlossaryProposal[] {
  const conceptsOf = glossaryConcepts(glossary);
  // each need–item pair once, in a stable order
  const pairs = [
    ...new Map(accepted.map((p) => [`${p.needId}|${p.itemId}`, p] as const)).values(),
  ].sort((a, b) => a.needId.localeCompare(b.needId) || a.itemId.localeCompare(b.itemId));

  const needCount = new Map<string, number>();
  const itemCount = new Map<string, number>();
  const tallies = new Map<string, Tally>();
  for (const pair of pairs) {
    const needLang = stemLanguage(pair.needLanguage);
    const itemLang = stemLanguage(pair.itemLanguage);
    const needWords = contentWords(pair.needText, needLang);
    const itemWords = contentWords(pair.itemText, itemLang);
    const needStems = new Set(needWords.flatMap((w) => w.all));
    const itemStems = new Set(itemWords.flatMap((w) => w.all));
    // words the other side has already, and words whose concept the other side has, match now
    const itemConcepts = new Set(itemWords.flatMap((w) => [...conceptsOf(w)]));
    const needConcepts = new Set(needWords.flatMap((w) => [...conceptsOf(w)]));
    const needOnly = needWords.filter(
      (w) =>
        !w.all.some((s) => itemStems.has(s)) &&
        ![...conceptsOf(w)].some((k) => itemConcepts.has(k)),
    );
    const itemOnly = itemWords.filter(
      (w) =>
        !w.all.some((s) => needStems.has(s)) &&
        ![...conceptsOf(w)].some((k) => needConcepts.has(k)),
    );
    for (const w of needOnly) needCount.set(featureOf(w), (needCount.get(featureOf(w)) ?? 0) + 1);
    for (const w of itemOnly) itemCount.set(featureOf(w), (itemCount.get(featureOf(w)) ?? 0) + 1);
    for (const n of needOnly) {
      for (const i of itemOnly) {
        const id = `${featureOf(n)}>${featureOf(i)}`;
        let tally = tallies.get(id);
        if (!tally) {
          tally = {
            need: n,
            item: i,
            needs: new Set(),
            items: new Set(),
            pairs: [],
            surfaces: [new Map(), new Map()],
            crossLanguage: 0,
          };
          tallies.set(id, tally);
        }
        tally.needs.add(pair.needId);
        tally.items.add(pair.itemId);
        tally.pairs.push(pair);
        tally.surfaces[0].set(n.surface, (tally.surfaces[0].get(n.surface) ?? 0) + 1);
        tally.surfaces[1].set(i.surface, (tally.surfaces[1].get(i.surface) ?? 0) + 1);
        if (needLang && itemLang && needLang !== itemLang) tally.crossLanguage++;
      }
    }
  }

  const strengthOf = (t: Tally) =>
    (2 * t.pairs.length) /
    ((needCount.get(featureOf(t.need)) ?? 0) + (itemCount.get(featureOf(t.item)) ?? 0));
  const candidates = [...tallies.values()].filter(
    (t) =>
      t.needs.size >= MIN_SUPPORT && t.items.size >= MIN_SUPPORT && strengthOf(t) >= MIN_STRENGTH,
  );
  // each word's best partner, so that a word pairs with one other word at most
  const rank = (a: Tally, b: Tally) =>
    strengthOf(b) - strengthOf(a) ||
    b.needs.size - a.needs.size ||
    featureOf(a.need).localeCompare(featureOf(b.need)) ||
    featureOf(a.item).localeCompare(featureOf(b.item));
  candidates.sort(rank);
  const bestForNeedWord = new Map<string, Tally>();
  const bestForItemWord = new Map<string, Tally>();
  for (const t of candidates) {
    if (!bestForNeedWord.has(featureOf(t.need))) bestForNeedWord.set(featureOf(t.need), t);
    if (!bestForItemWord.has(featureOf(t.item))) bestForItemWord.set(featureOf(t.item), t);
  }

  const proposals: GlossaryProposal[] = [];
  const taken = new Set<string>();
  for (const t of candidates) {
    if (bestForNeedWord.get(featureOf(t.need)) !== t) continue;
    if (bestForItemWord.get(featureOf(t.item)) !== t) continue;
    const key = proposalKey(t.need, t.item);
    if (decided.has(key) || taken.has(key)) continue;
    if (t.need.all.some((s) => t.item.all.includes(s))) continue;
    const needConcepts = conceptsOf(t.need);
    const itemConcepts = conceptsOf(t.item);
    // both words in concepts already: either linked (then they matched) or two different concepts,
    // which a proposal must not merge
    if (needConcepts.size && itemConcepts.size) continue;
    const joined = [...needConcepts, ...itemConcepts].sort()[0] ?? null;
    taken.add(key);
    const translation = 2 * t.crossLanguage > t.pairs.length;
    const terms: [ProposalTerm, ProposalTerm] = [
      { term: mostCommon(t.surfaces[0]), language: t.need.language },
      { term: mostCommon(t.surfaces[1]), language: t.item.language },
    ];
    proposals.push({
      key,
      kind: translation ? 'translation' : 'synonym',
      terms,
      extendsConcept: joined,
      adds: !joined ? terms : needConcepts.size ? [terms[1]] : [terms[0]],
      support: t.needs.size,
      strength: Math.round(strengthOf(t) * 100) / 100,
      evidence: t.pairs.slice(0, MAX_EVIDENCE).map((p) => ({
        needId: p.needId,
        needText: p.needText,
        itemId: p.itemId,
        itemTitle: p.itemTitle,
      })),
    });
  }
  proposals.sort(
    (a, b) => b.support - a.support || b.strength - a.strength || a.key.localeCompare(b.key),
  );
  return proposals.slice(0, MAX_PROPOSALS);
}
