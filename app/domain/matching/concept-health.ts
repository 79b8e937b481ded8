/**
 * Concepts to check: matching treats every term of a glossary concept as the same thing, so a
 * concept whose terms mean different things connects needs and items for reasons an editor finds
 * wrong. Two kinds of evidence show such a concept:
 *
 * - different contexts: two of its terms occur in the texts of the workspace (accepted knowledge
 *   and needs) among words that have little in common — "Versandhändler" among opticians and
 *   cooperation, "Lieferengpässe" among stock and suppliers;
 * - editors' decisions: suggestions the concept connected were dismissed again and again, and
 *   none was accepted.
 *
 * Texts are analysed the way the matching engine (./engine.ts) analyses them — folded words,
 * Snowball stems, German compounds split into their parts, glossary terms of several words found
 * in sequence — so a term counts where matching would see it. Everything here is plain data in,
 * plain data out; the caller loads the workspace and keeps the result.
 */
import {
  MAX_COMPOUND_LENGTH,
  foldText,
  foldedWords,
  splitCompound,
  stemLanguage,
  stems,
  wordSurfaces,
  type StemLanguage,
} from './analyze';
import { cosine } from './feedback';
import type { GlossaryEntry } from './glossary';

/** A text of the workspace: an accepted item (title, summary, details) or a need's text. */
export type HealthText = {
  id: string;
  kind: 'item' | 'need';
  text: string;
  language?: string | null;
};

/** An editor's decision on a suggestion, with the reasons the engine gave for it (JSON). */
export type HealthDecision = {
  needId: string;
  needText: string;
  itemId: string;
  itemTitle: string;
  decision: string;
  /** Match.explanation: the engine's reasons, a JSON array */
  explanation: string;
};

/** A term (with the terms of its concept that occur in exactly the same texts) and its company. */
export type TermContext = {
  term: string;
  /** in how many texts it occurs */
  texts: number;
  /** the words it is used with most, which the other term is not */
  words: string[];
};
export type ContextEvidence = { first: TermContext; second: TermContext; similarity: number };
export type DecisionEvidence = {
  needId: string;
  needText: string;
  itemId: string;
  itemTitle: string;
  /** the words of the need and of the item that the concept connected */
  needWords: string;
  itemWords: string;
};
export type ConceptWarning = {
  key: string;
  /** pairs of terms used in different contexts, least similar first */
  contexts: ContextEvidence[];
  /** dismissed suggestions the concept connected (only when none was accepted) */
  dismissed: DecisionEvidence[];
};

/** A flagged concept with what the glossary pages show of it: its name and terms. */
export type ConceptWarningView = ConceptWarning & {
  id: string;
  name: string;
  builtIn: boolean;
  de: string[];
  en: string[];
  both: string[];
};

/** A term's contexts are compared only when it occurs in this many texts or more. */
export const MIN_TEXTS = 3;
/**
 * Two terms of a concept whose contexts (cosine of their idf-weighted context vectors) are less
 * similar than this are flagged. Terms of one language are compared by all the words around
 * them; a German and an English term only by the glossary concepts around them, since their
 * own words never meet. Calibrated on the built-in glossary (67 concepts) over the demo
 * workspace (33 accepted items, 15 needs, 52 texts): 10 pairs of built-in terms occur in 3 texts
 * or more each; the least similar are "Linse"/"contact lens" 0.12 (0.11 while a company concept
 * maps "Auswertung" too), "Versand"/"delivery" 0.26, "Kontaktlinse"/"contact lens" 0.27,
 * "Kontaktlinse"/"Linse" 0.30, "Packung"/"box" 0.32, "Kunde"/"customer" 0.35, the others 0.37
 * to 0.87. Company concepts joining unrelated words of the demo fall below: "Pflegemittel"/
 * "prescription" 0.00, "Pflegemittel"/"Auswertung" 0.02, "Kundinnen"/"Pflegemittel" 0.04,
 * "box"/"wearers" 0.07, "prescription"/"wearers" 0.07; "Auswertung"/"reading" (0.14) and
 * "Kunden"/"delivery" (0.19) are where the demo's 52 short texts on one trade stop telling
 * unrelated words apart. The concept comparison depends on the glossary: when the built-in
 * concepts change, these figures are to be measured again.
 */
export const MAX_CONTEXT_SIMILARITY = 0.1;
/** A concept that connected this many dismissed suggestions, and no accepted one, is flagged. */
export const MIN_DISMISSED = 2;
/** A context of fewer features (other words of its texts) is too thin to compare. */
export const MIN_CONTEXT_FEATURES = 2;
/** How many context words are quoted per term. */
export const CONTEXT_WORDS = 3;
/** A term's context is read from at most this many texts (the first ones), to bound the work. */
export const MAX_CONTEXT_TEXTS = 1000;

type TermPattern =
  | { kind: 'stem'; stem: string }
  | { kind: 'sequence'; stems: string[] }
  | { kind: 'phrase'; text: string };

/** Where matching finds a term: as the engine indexes glossary terms (see engine.ts). */
function termPatterns(term: string, language: StemLanguage | null): TermPattern[] {
  const folded = foldText(term);
  const termWords = foldedWords(folded);
  const all = folded.split(' ').filter(Boolean);
  // with stop words in it, a term is found as written
  if (all.length > 1 && termWords.length < all.length)
    return [{ kind: 'phrase', text: ` ${all.join(' ')} ` }];
  if (!termWords.length) return [];
  const out: TermPattern[] = [];
  const seen = new Set<string>();
  for (const lang of language ? [language] : (['de', 'en'] as const)) {
    const termStems = termWords.map((w) => stems(w, lang)[0] as string);
    const id = termStems.join(' ');
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(
      termStems.length === 1
        ? { kind: 'stem', stem: termStems[0] as string }
        : { kind: 'sequence', stems: termStems },
    );
  }
  return out;
}

type Analysed = {
  tokens: string[];
  /** the words long enough to hold a known term inside (see `occurs`) */
  long: string[];
  /** per token: its stems, and the parts of a compound the vocabulary knows */
  perToken: string[][];
  stemSet: Set<string>;
  spaced: string;
  surfaces: Map<string, string>;
};

function occurs(pattern: TermPattern, text: Analysed): boolean {
  if (pattern.kind === 'phrase') return text.spaced.includes(pattern.text);
  if (pattern.kind === 'stem') {
    if (text.stemSet.has(pattern.stem)) return true;
    // a known term inside a compound that could not be split (Versandkostenfrei)
    return pattern.stem.length >= 5 && text.long.some((t) => t.includes(pattern.stem));
  }
  const { stems: seq } = pattern;
  if (!seq.every((s) => text.stemSet.has(s))) return false;
  for (let i = 0; i + seq.length <= text.perToken.length; i++)
    if (seq.every((s, j) => text.perToken[i + j]!.includes(s))) return true;
  return false;
}

type Concept = {
  key: string;
  /** each term with where matching finds it */
  terms: { term: string; language: StemLanguage | null; patterns: TermPattern[] }[];
  ownStems: Set<string>;
};

/**
 * The concepts whose terms seem to mean different things, each with its evidence, in a stable
 * order (both kinds of evidence first, then by key).
 */
export function checkConcepts({
  glossary,
  texts,
  decisions = [],
  curated = [],
}: {
  glossary: readonly GlossaryEntry[];
  texts: readonly HealthText[];
  decisions?: readonly HealthDecision[];
  /**
   * concepts as Lotse ships them (the built-in glossary): two terms a curated concept joins are
   * judged by the editors' decisions only, since a workspace's few texts cannot tell a rare
   * sense from a wrong one; terms a company added to such a concept are judged by both
   */
  curated?: readonly GlossaryEntry[];
}): ConceptWarning[] {
  const byKey = new Map<string, ConceptWarning>();
  const warning = (key: string) => {
    let w = byKey.get(key);
    if (!w) byKey.set(key, (w = { key, contexts: [], dismissed: [] }));
    return w;
  };
  for (const [key, contexts] of contextEvidence(glossary, texts, { curated }))
    warning(key).contexts = contexts;
  const known = new Set(glossary.map((g) => g.key));
  for (const [key, dismissed] of decisionEvidence(decisions))
    if (known.has(key)) warning(key).dismissed = dismissed;
  const kinds = (w: ConceptWarning) =>
    Number(w.contexts.length > 0) + Number(w.dismissed.length > 0);
  return [...byKey.values()].sort(
    (a, b) => kinds(b) - kinds(a) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

/** Per concept: the pairs of its terms whose contexts differ. */
export function contextEvidence(
  glossary: readonly GlossaryEntry[],
  texts: readonly HealthText[],
  {
    maxSimilarity = MAX_CONTEXT_SIMILARITY,
    curated = [],
  }: { maxSimilarity?: number; curated?: readonly GlossaryEntry[] } = {},
): Map<string, ContextEvidence[]> {
  const shipped = new Set(
    curated.flatMap((entry) => entry.terms.map((t) => `${entry.key}\u0000${t.term}`)),
  );
  const concepts: Concept[] = glossary.map((entry) => {
    const terms: Concept['terms'] = [];
    const ownStems = new Set<string>();
    for (const t of entry.terms) {
      const patterns = termPatterns(t.term, t.language);
      if (!patterns.length) continue;
      terms.push({ term: t.term, language: t.language, patterns });
      for (const p of patterns) {
        if (p.kind === 'stem') ownStems.add(p.stem);
        if (p.kind === 'sequence') for (const s of p.stems) ownStems.add(s);
      }
    }
    return { key: entry.key, terms, ownStems };
  });

  // the vocabulary compounds are split with: the items' stems and the glossary's (as the engine)
  const stemToConcepts = new Map<string, string[]>();
  const known = new Set<string>();
  for (const c of concepts)
    for (const t of c.terms)
      for (const p of t.patterns) {
        if (p.kind === 'sequence') for (const s of p.stems) known.add(s);
        if (p.kind !== 'stem') continue;
        known.add(p.stem);
        const list = stemToConcepts.get(p.stem) ?? [];
        if (!list.includes(c.key)) list.push(c.key);
        stemToConcepts.set(p.stem, list);
      }
  for (const text of texts) {
    if (text.kind !== 'item') continue;
    const language = stemLanguage(text.language);
    for (const w of foldedWords(foldText(text.text)))
      for (const s of stems(w, language)) known.add(s);
  }

  const analysed: Analysed[] = texts.map((text) => {
    const language = stemLanguage(text.language);
    const folded = foldText(text.text);
    const tokens = foldedWords(folded);
    const perToken = tokens.map((token) => {
      const out: string[] = [];
      for (const s of stems(token, language)) {
        const parts = known.has(s) ? null : splitCompound(token, known);
        for (const x of parts ? [...parts, s] : [s]) if (!out.includes(x)) out.push(x);
      }
      return out;
    });
    return {
      tokens,
      long: tokens.filter((t) => t.length >= 10 && t.length <= MAX_COMPOUND_LENGTH),
      perToken,
      stemSet: new Set(perToken.flat()),
      spaced: ` ${folded} `,
      surfaces: wordSurfaces(text.text),
    };
  });

  // each text's features: a concept for a word of the glossary (so that German and English
  // contexts compare), the stem for any other word; with the stems each came from and how they
  // were written
  const sources: Map<string, Map<string, string>>[] = analysed.map((a) => {
    const features = new Map<string, Map<string, string>>();
    a.perToken.forEach((list, i) => {
      const token = a.tokens[i] as string;
      if (/^\d+$/.test(token)) return;
      const shown = a.surfaces.get(token) ?? token;
      for (const s of list) {
        const cs = stemToConcepts.get(s);
        for (const feature of cs ? cs.map((c) => `c:${c}`) : [`w:${s}`]) {
          const from = features.get(feature) ?? new Map<string, string>();
          if (!from.has(s)) from.set(s, shown);
          features.set(feature, from);
        }
      }
    });
    return features;
  });

  // idf-weighted, each text's vector of unit length (long items weigh no more than short needs)
  const df = new Map<string, number>();
  for (const f of sources) for (const key of f.keys()) df.set(key, (df.get(key) ?? 0) + 1);
  const n = texts.length;
  const idf = (key: string) => {
    const d = df.get(key) ?? 0;
    return Math.log(1 + (n - d + 0.5) / (d + 0.5));
  };
  const unitVector = (keys: Iterable<string>) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const key of keys) {
      const w = idf(key);
      v.set(key, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [key, w] of v) v.set(key, w / norm);
    return v;
  };
  // all features (to compare terms of one language), and the glossary's alone (across languages)
  const vectors = sources.map((f) => ({
    all: unitVector(f.keys()),
    concepts: unitVector([...f.keys()].filter((key) => key.startsWith('c:'))),
  }));

  const out = new Map<string, ContextEvidence[]>();
  for (const concept of concepts) {
    // the texts each term occurs in; terms found in exactly the same texts are one
    const groups: { term: string; language: StemLanguage | null; texts: number[] }[] = [];
    for (const t of concept.terms) {
      const found: number[] = [];
      analysed.forEach((a, i) => {
        if (t.patterns.some((p) => occurs(p, a))) found.push(i);
      });
      if (found.length < MIN_TEXTS) continue;
      const id = found.join(',');
      if (groups.some((g) => g.texts.join(',') === id)) continue;
      groups.push({ term: t.term, language: t.language, texts: found });
    }
    if (groups.length < 2) continue;
    // the context of a term: the other features of its texts, without the concept's own words,
    // and how those were written there
    const own = `c:${concept.key}`;
    const contexts = groups.map((g) => {
      const all = new Map<string, number>();
      const concepts = new Map<string, number>();
      const shown = new Map<string, Map<string, number>>();
      for (const i of g.texts.slice(0, MAX_CONTEXT_TEXTS)) {
        const from = sources[i] as Map<string, Map<string, string>>;
        for (const [space, vector] of [
          [all, vectors[i]!.all],
          [concepts, vectors[i]!.concepts],
        ] as const) {
          for (const [key, w] of vector) {
            if (key === own) continue;
            const written = [...(from.get(key) as Map<string, string>)].filter(
              ([stem]) => !concept.ownStems.has(stem),
            );
            if (!written.length) continue;
            space.set(key, (space.get(key) ?? 0) + w);
            if (space === concepts) continue;
            const counts = shown.get(key) ?? new Map<string, number>();
            for (const [, surface] of written) counts.set(surface, (counts.get(surface) ?? 0) + 1);
            shown.set(key, counts);
          }
        }
      }
      const surface = (key: string) => {
        let best = key.slice(2);
        let most = 0;
        for (const [word, count] of shown.get(key) ?? [])
          if (count > most || (count === most && word < best)) [best, most] = [word, count];
        return best;
      };
      return { all, concepts, surface };
    });
    const pairs: ContextEvidence[] = [];
    const isShipped = (i: number) => shipped.has(`${concept.key}\u0000${groups[i]!.term}`);
    for (let a = 0; a < groups.length; a++)
      for (let b = a + 1; b < groups.length; b++) {
        if (isShipped(a) && isShipped(b)) continue;
        // terms of one language compare by all their words; across languages, only the words
        // the glossary translates can be shared
        const language = groups[a]!.language;
        const space = language && language === groups[b]!.language ? 'all' : 'concepts';
        const va = contexts[a]![space];
        const vb = contexts[b]![space];
        if (va.size < MIN_CONTEXT_FEATURES || vb.size < MIN_CONTEXT_FEATURES) continue;
        const similarity = cosine(va, vb);
        if (similarity >= maxSimilarity) continue;
        const term = (i: number, mine: Map<string, number>, other: Map<string, number>) => ({
          term: groups[i]!.term,
          texts: groups[i]!.texts.length,
          words: distinctive(mine, other, contexts[i]!.surface),
        });
        pairs.push({ first: term(a, va, vb), second: term(b, vb, va), similarity });
      }
    if (pairs.length)
      out.set(
        concept.key,
        pairs.sort((x, y) => x.similarity - y.similarity),
      );
  }
  return out;
}

/** The words a context has most, and more than the other one has, as they were written. */
function distinctive(
  mine: Map<string, number>,
  other: Map<string, number>,
  surface: (key: string) => string,
): string[] {
  const norm = (v: Map<string, number>) =>
    Math.sqrt([...v.values()].reduce((sum, w) => sum + w * w, 0)) || 1;
  const [m, o] = [norm(mine), norm(other)];
  const seen = new Set<string>();
  return [...mine]
    .map(([key, w]) => ({ score: w / m - (other.get(key) ?? 0) / o, shown: surface(key) }))
    .filter((x) => x.score > 0)
    .sort((x, y) => y.score - x.score || (x.shown < y.shown ? -1 : x.shown > y.shown ? 1 : 0))
    .filter((x) => !seen.has(x.shown) && Boolean(seen.add(x.shown)))
    .slice(0, CONTEXT_WORDS)
    .map((x) => x.shown);
}

type ConceptReason = { concept: string; need: string; item: string };

/** The concepts a suggestion's reasons name (reasons of kind concept, with the words they joined). */
export function conceptReasons(explanation: string): ConceptReason[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(explanation);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  const out: ConceptReason[] = [];
  for (const r of parsed as unknown[]) {
    if (!r || typeof r !== 'object') continue;
    const { type, concept, need, item } = r as Record<string, unknown>;
    if (type !== 'concept' || typeof concept !== 'string' || !concept) continue;
    out.push({
      concept,
      need: typeof need === 'string' ? need.slice(0, 200) : '',
      item: typeof item === 'string' ? item.slice(0, 200) : '',
    });
  }
  return out;
}

/** Per concept: the dismissed suggestions it connected, when it connected no accepted one. */
export function decisionEvidence(
  decisions: readonly HealthDecision[],
): Map<string, DecisionEvidence[]> {
  const dismissed = new Map<string, DecisionEvidence[]>();
  const accepted = new Set<string>();
  for (const d of decisions) {
    if (d.decision !== 'accepted' && d.decision !== 'dismissed') continue;
    const byConcept = new Map<string, ConceptReason[]>();
    for (const r of conceptReasons(d.explanation))
      byConcept.set(r.concept, [...(byConcept.get(r.concept) ?? []), r]);
    for (const [concept, reasons] of byConcept) {
      if (d.decision === 'accepted') {
        accepted.add(concept);
        continue;
      }
      const list = dismissed.get(concept) ?? [];
      const words = (pick: (r: ConceptReason) => string) =>
        [...new Set(reasons.map(pick).filter(Boolean))].join(', ');
      list.push({
        needId: d.needId,
        needText: d.needText,
        itemId: d.itemId,
        itemTitle: d.itemTitle,
        needWords: words((r) => r.need),
        itemWords: words((r) => r.item),
      });
      dismissed.set(concept, list);
    }
  }
  const out = new Map<string, DecisionEvidence[]>();
  const order = (a: DecisionEvidence, b: DecisionEvidence) =>
    a.needId < b.needId ? -1 : a.needId > b.needId ? 1 : a.itemId < b.itemId ? -1 : 1;
  for (const [concept, list] of dismissed)
    if (!accepted.has(concept) && list.length >= MIN_DISMISSED)
      out.set(concept, [...list].sort(order));
  return out;
}
