import {
  MAX_COMPOUND_LENGTH,
  wordSurfaces,
  editDistance,
  foldText,
  foldedWords,
  splitCompound,
  stemLanguage,
  stems,
  words,
  type StemLanguage,
} from './analyze';
import {
  ACCEPT_BOOST,
  decidedNeeds,
  expansionTerms,
  feedbackEffects,
  type DecidedNeed,
  type FeedbackDecision,
  type FeedbackEffect,
} from './feedback';
import type { GlossaryEntry } from './glossary';
import { Memo, memoized } from '../memo';

/**
 * The matching engine: which knowledge items could serve which audience needs, ranked and
 * explained. Texts become features — word stems (German compounds split into their parts,
 * misspellings mapped to known words) and glossary concepts (a German term and its English
 * translation are the same concept) — and a need is scored against every item with BM25 over
 * those features, item titles and tags counting more. Editors' decisions on earlier suggestions,
 * when given, move items up or down for similar needs (./feedback.ts). Everything runs in memory,
 * no network.
 */

export type KnowledgeDoc = {
  id: string;
  title: string;
  description: string;
  tags: string[];
  language?: string;
  kind?: string;
};
export type NeedDoc = {
  id: string;
  text: string;
  tags: string[];
  language?: string;
  audience?: string;
  priority?: string | number;
};

/**
 * Why a need and an item were matched. `feedback`: the item was accepted for a similar need,
 * whose text is `need` (and `item`), and whose id is `similarNeedId`.
 */
export type Reason = {
  type: 'word' | 'concept' | 'tag' | 'spelling' | 'feedback';
  need: string;
  item: string;
  concept?: string;
  similarNeedId?: string;
};
export type RankedMatch = { id: string; score: number; reasons: Reason[] };

/**
 * A feature of a text. `linked` says whether the words it came from really carry it, so that a
 * reason may quote them: a whole word, the head of a compound (Kontaktlinsen*pflege* is care),
 * but not a compound's first part (Versand in Versandhändler, Liefer in Lieferengpässe) nor a
 * concept that only a spelling guess reached. Unlinked features still count for the score.
 */
type Feature = {
  key: string;
  surface: string;
  type: Exclude<Reason['type'], 'feedback'>;
  concept?: string;
  linked: boolean;
};
type FeatureStats = Omit<Feature, 'key'> & { tf: number };
type Doc = {
  id: string;
  features: Map<string, FeatureStats>;
  length: number;
};

const K1 = 1.2;
const B = 0.75;
const WEIGHT = { title: 2, description: 1, tags: 1.5 } as const;
const CONCEPT_BOOST = 1.3;
/**
 * A word that belongs to a glossary concept counts mostly through its concept: the word itself
 * adds only this share of its weight. Otherwise an item in the need's own language (the same
 * word, and its concept) would rank far above an equally fitting one in the other language (only
 * the concept). Chosen on both labelled sets (tests/matching): from 1 to 0.35, nDCG@5 0.890 →
 * 0.924 and 0.547 → 0.581.
 */
const WORD_IN_CONCEPT = 0.35;
/** The longest inflection after a compound's head (Kontaktlinsenpflege*n*, Lieferzeit*en*) */
const MAX_ENDING = 3;
/** The best score a boost from editors' decisions is measured against when a need has none */
const FEEDBACK_REFERENCE = 5;

export type Matcher = {
  rankForNeed(need: NeedDoc, top?: number): RankedMatch[];
  rankNeedsForItems(needs: readonly NeedDoc[], top?: number): Map<string, RankedMatch[]>;
  /** adds (or replaces) one item without rebuilding the index */
  addItem(item: KnowledgeDoc): void;
  /** the needs one item could serve, best first (needs' analyses are kept between calls) */
  rankNeedsForItem(itemId: string, needs: readonly NeedDoc[], top?: number): RankedMatch[];
  /**
   * The same index ranking with editors' decisions as evidence (see ./feedback.ts): a view that
   * shares the analysed items with this matcher and keeps its own decisions; an item added to
   * one is added to both.
   */
  withFeedback(decisions: readonly FeedbackDecision[]): Matcher;
  readonly itemCount: number;
};

export type MatcherOptions = {
  /** editors' accepted and dismissed suggestions, from this workspace only */
  feedback?: readonly FeedbackDecision[];
};

function glossaryIndex(glossary: readonly GlossaryEntry[]) {
  // single stems → concepts, and multi-word terms as stem sequences
  const single = new Map<string, { key: string; term: string }[]>();
  const multi: { stems: string[]; key: string; term: string }[] = [];
  // terms with stop words in them ("same-day", "log in", "wie oft") are found as written: their
  // other words alone ("day", "log", nothing) would mean something else
  const phrases: { text: string; key: string; term: string }[] = [];
  for (const entry of glossary) {
    for (const { term, language } of entry.terms) {
      const folded = foldText(term);
      const termWords = foldedWords(folded);
      const all = folded.split(' ').filter(Boolean);
      if (all.length > 1 && termWords.length < all.length) {
        const text = ` ${all.join(' ')} `;
        if (!phrases.some((p) => p.key === entry.key && p.text === text))
          phrases.push({ text, key: entry.key, term });
        continue;
      }
      if (!termWords.length) continue;
      const languages: StemLanguage[] = language ? [language] : ['de', 'en'];
      for (const lang of languages) {
        const termStems = termWords.map((w) => stems(w, lang)[0] as string);
        if (termStems.length === 1) {
          const list = single.get(termStems[0] as string) ?? [];
          if (!list.some((x) => x.key === entry.key)) list.push({ key: entry.key, term });
          single.set(termStems[0] as string, list);
        } else if (
          !multi.some((m) => m.key === entry.key && m.stems.join(' ') === termStems.join(' '))
        )
          multi.push({ stems: termStems, key: entry.key, term });
      }
    }
  }
  // multi-word terms by their first stem, so a text looks up only the terms its words start
  const multiByFirst = new Map<string, typeof multi>();
  for (const m of multi) {
    const list = multiByFirst.get(m.stems[0] as string) ?? [];
    list.push(m);
    multiByFirst.set(m.stems[0] as string, list);
  }
  return { single, multi, multiByFirst, phrases };
}

export function createMatcher(
  items: readonly KnowledgeDoc[],
  glossary: readonly GlossaryEntry[],
  options: MatcherOptions = {},
): Matcher {
  const concepts = glossaryIndex(glossary);

  // the vocabulary: every stem of the items and the glossary (for compound splitting and spelling)
  const known = new Set<string>(concepts.single.keys());
  for (const m of concepts.multi) for (const s of m.stems) known.add(s);
  for (const item of items) {
    const language = stemLanguage(item.language);
    for (const w of words(`${item.title} ${item.description} ${item.tags.join(' ')}`))
      for (const s of stems(w, language)) known.add(s);
  }
  const byLength = new Map<number, string[]>();
  for (const k of known) {
    if (k.length < 5) continue;
    const list = byLength.get(k.length) ?? [];
    list.push(k);
    byLength.set(k.length, list);
  }
  /** A known stem one (or, for long words, two) edits away from an unknown one. */
  const correct = (s: string): string | null =>
    known.has(s) || s.length < 6 ? null : closestKnown(s);
  const closestKnown = memoized(Infinity, (s: string): string | null => {
    const max = s.length >= 9 ? 2 : 1;
    let best: string | null = null;
    let bestDistance = max + 1;
    for (let len = s.length - max; len <= s.length + max; len++) {
      for (const candidate of byLength.get(len) ?? []) {
        if (candidate[0] !== s[0]) continue;
        const d = editDistance(s, candidate, max);
        if (d < bestDistance) {
          bestDistance = d;
          best = candidate;
        }
      }
    }
    return best;
  });

  /** `modifier`: a compound's part before its head (Versand in Versandhändler) */
  type TokenStem = { stem: string; surface: string; spelled?: boolean; modifier?: boolean };
  // words repeat across texts: each token is analysed once
  const analyzeTokenIn = (language: StemLanguage | null) =>
    memoized(Infinity, (token: string): TokenStem[] => analyzeWord(token, language));
  const analyzeToken = {
    de: analyzeTokenIn('de'),
    en: analyzeTokenIn('en'),
    both: analyzeTokenIn(null),
  };
  const analyzeWord = (token: string, language: StemLanguage | null): TokenStem[] => {
    const out: TokenStem[] = [];
    for (const s of stems(token, language)) {
      const parts = known.has(s) ? null : splitCompound(token, known);
      if (parts) {
        out.push(
          ...parts.map((p, i) => ({ stem: p, surface: token, modifier: i < parts.length - 1 })),
          { stem: s, surface: token },
        );
        continue;
      }
      const fixed = correct(s);
      out.push(
        fixed ? { stem: fixed, surface: token, spelled: true } : { stem: s, surface: token },
      );
    }
    return out;
  };
  const longConcepts = [...concepts.single].filter(([s]) => s.length >= 5);
  const longConceptsIn = memoized(Infinity, (token: string) =>
    longConcepts.filter(([s]) => token.includes(s)).map(([s, list]) => ({ stem: s, list })),
  );
  const conceptsInside = (token: string) =>
    token.length < 10 || token.length > MAX_COMPOUND_LENGTH ? [] : longConceptsIn(token);

  /** The features of a text, with how often each occurs (weighted by the field it is in). */
  const analyze = (
    fields: { text: string; weight: number; tag?: boolean }[],
    language: StemLanguage | null,
  ) => {
    const analyzeIn = analyzeToken[language ?? 'both'];
    const out = new Map<string, FeatureStats>();
    // how the words were written in this field, for the explanations
    let shown = new Map<string, string>();
    const add = (f: Feature, weight: number) => {
      const cur = out.get(f.key);
      const surface = shown.get(f.surface) ?? f.surface;
      if (!cur)
        out.set(f.key, { tf: weight, surface, type: f.type, concept: f.concept, linked: f.linked });
      else {
        cur.tf += weight;
        // a reason quotes words that carry the feature, wherever in the text they are
        if (f.linked && !cur.linked) Object.assign(cur, { surface, type: f.type, linked: true });
      }
    };
    let length = 0;
    for (const { text, weight, tag } of fields) {
      const folded = foldText(text);
      const tokens = foldedWords(folded);
      shown = wordSurfaces(text);
      const perToken = tokens.map(analyzeIn);
      const tokenStems = perToken.flat();
      length += tokenStems.length * weight;
      for (const st of tokenStems) {
        const inConcept = concepts.single.has(st.stem);
        add(
          {
            key: `w:${st.stem}`,
            surface: st.surface,
            type: tag ? 'tag' : st.spelled ? 'spelling' : 'word',
            linked: !st.modifier,
          },
          inConcept ? weight * WORD_IN_CONCEPT : weight,
        );
        for (const cpt of concepts.single.get(st.stem) ?? []) {
          add(
            {
              key: `c:${cpt.key}`,
              surface: st.surface,
              type: 'concept',
              concept: cpt.key,
              linked: !st.modifier && !st.spelled,
            },
            weight * CONCEPT_BOOST,
          );
        }
      }
      // multi-word glossary terms ("trockene Augen", "customer service")
      const seq = tokenStems.map((x) => x.stem);
      for (let i = 0; i < perToken.length; i++) {
        const here = perToken[i]!;
        for (let k = 0; k < here.length; k++) {
          const first = here[k]!.stem;
          // a stem the token has twice starts the same terms once
          if (here.findIndex((x) => x.stem === first) !== k) continue;
          for (const m of concepts.multiByFirst.get(first) ?? []) {
            if (i + m.stems.length > perToken.length) continue;
            if (!m.stems.every((s, j) => perToken[i + j]!.some((x) => x.stem === s))) continue;
            add(
              { key: `c:${m.key}`, surface: m.term, type: 'concept', concept: m.key, linked: true },
              weight * CONCEPT_BOOST,
            );
          }
        }
      }
      if (concepts.phrases.length) {
        const spaced = ` ${folded} `;
        for (const p of concepts.phrases)
          if (spaced.includes(p.text))
            add(
              { key: `c:${p.key}`, surface: p.term, type: 'concept', concept: p.key, linked: true },
              weight * CONCEPT_BOOST,
            );
      }
      // a known concept term inside a compound that could not be split (Versandkostenfrei)
      for (const token of tokens) {
        for (const { stem: st, list } of conceptsInside(token)) {
          if (seq.includes(st)) continue;
          // only the compound's head says what the word is: Pflegemittel is no care
          const at = token.lastIndexOf(st);
          const linked = at > 0 && token.length - at - st.length <= MAX_ENDING;
          for (const cpt of list)
            add(
              { key: `c:${cpt.key}`, surface: token, type: 'concept', concept: cpt.key, linked },
              weight,
            );
        }
      }
    }
    return { features: out, length: Math.max(1, length) };
  };

  const analyzeItem = (item: KnowledgeDoc): Doc => {
    const { features, length } = analyze(
      [
        { text: item.title, weight: WEIGHT.title },
        { text: item.description, weight: WEIGHT.description },
        { text: item.tags.join(' , '), weight: WEIGHT.tags, tag: true },
      ],
      stemLanguage(item.language),
    );
    return { id: item.id, features, length };
  };
  const docs: Doc[] = items.map(analyzeItem);
  let totalLength = docs.reduce((a, d) => a + d.length, 0);
  let avgLength = totalLength / Math.max(1, docs.length);
  // per feature: the items that have it, and their length-normalised term frequency (BM25),
  // computed when the item is indexed, so ranking touches no maps
  const postings = new Map<string, number[]>();
  const postingTf = new Map<string, number[]>();
  const normTf = (tf: number, length: number) =>
    (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / avgLength));
  const post = (d: Doc, index: number) => {
    for (const [key, f] of d.features) {
      const list = postings.get(key) ?? [];
      const tfs = postingTf.get(key) ?? [];
      list.push(index);
      tfs.push(normTf(f.tf, d.length));
      postings.set(key, list);
      postingTf.set(key, tfs);
    }
  };
  docs.forEach(post);
  const positions = new Map(docs.map((d, i) => [d.id, i]));
  let replaced = new Uint8Array(Math.max(16, docs.length * 2));
  const idf = (key: string) => {
    const n = postings.get(key)?.length ?? 0;
    return Math.log(1 + (positions.size - n + 0.5) / (n + 0.5));
  };

  type Features = ReturnType<typeof analyze>['features'];
  const needFeatures = new Memo<string, Features>(Infinity);
  const needKey = (need: NeedDoc) =>
    `${need.id}\u0000${need.language ?? ''}\u0000${need.text}\u0000${need.tags.join(',')}`;
  /** A need's features; kept, since the same needs are ranked again and again. */
  const analyzeNeed = (need: NeedDoc): Features =>
    needFeatures.recall(
      needKey(need),
      () =>
        analyze(
          [
            { text: need.text, weight: 1 },
            { text: need.tags.join(' , '), weight: 1.2, tag: true },
          ],
          stemLanguage(need.language),
        ).features,
    );
  /** Why a shared feature connects a need (its feature `q`) with an item (its feature `f`). */
  const reasonFor = (
    key: string,
    q: { surface: string; type: Feature['type'] },
    f: { surface: string; type: Feature['type'] },
    weight: number,
  ): Reason & { weight: number } => {
    const concept = key.startsWith('c:');
    return {
      type: concept
        ? 'concept'
        : q.type === 'tag' || f.type === 'tag'
          ? 'tag'
          : q.type === 'spelling'
            ? 'spelling'
            : 'word',
      need: q.surface,
      item: f.surface,
      ...(concept ? { concept: key.slice(2) } : {}),
      weight,
    };
  };
  type Scored = Map<number, { score: number; reasons: Map<string, Reason & { weight: number }> }>;

  /** Each item's BM25 score for a query: the sums (a typed array, no objects) and the terms. */
  const rawSums = (query: Features) => {
    const sums = new Float64Array(docs.length);
    const touched: number[] = [];
    const terms: { key: string; weight: number; q: FeatureStats }[] = [];
    for (const [key, q] of query) {
      const list = postings.get(key);
      const tfs = postingTf.get(key);
      if (!list || !tfs) continue;
      const weight = idf(key) * Math.min(q.tf, 2);
      terms.push({ key, weight, q });
      for (let j = 0; j < list.length; j++) {
        const index = list[j] as number;
        if (replaced[index]) continue;
        if (sums[index] === 0) touched.push(index);
        sums[index] = (sums[index] as number) + weight * (tfs[j] as number);
      }
    }
    return { sums, touched, terms };
  };
  /**
   * Adds terms that count for the score but give no reason (the vocabulary of feedback): they
   * reorder the items the need reaches by itself and bring in none without a reason.
   */
  const reweigh = (sums: Float64Array, extra: ReadonlyMap<string, number>) => {
    for (const [key, share] of extra) {
      const list = postings.get(key);
      const tfs = postingTf.get(key);
      if (!list || !tfs) continue;
      const weight = share * idf(key);
      for (let j = 0; j < list.length; j++) {
        const index = list[j] as number;
        if (replaced[index] || sums[index] === 0) continue;
        sums[index] = (sums[index] as number) + weight * (tfs[j] as number);
      }
    }
  };

  // ── editors' decisions as evidence (./feedback.ts) ─────────────────────────────────────────────
  /** Bumped when an item is added: idf, and with it the needs' vectors, change. */
  let generation = 0;
  /** A need's features weighted as BM25 weighs them in a query, for comparing needs. */
  const vectorOf = (features: Features) => {
    const v = new Map<string, number>();
    for (const [key, f] of features) v.set(key, Math.min(f.tf, 2) * idf(key));
    return v;
  };
  type Feedback = {
    effects(need: NeedDoc): Map<string, FeedbackEffect>;
    /** the vocabulary of the items accepted for similar needs, as extra query terms */
    expansion(need: NeedDoc): Map<string, number>;
    /** the need's best score before any decision counts, what a boost is measured against */
    reference(need: NeedDoc): number;
  };
  const makeFeedback = (decisions: readonly FeedbackDecision[]): Feedback | null => {
    const evidence = decidedNeeds(decisions);
    if (!evidence.length) return null;
    let at = -1;
    let vectors = new Memo<string, Map<string, number>>(Infinity);
    let effects = new Memo<string, Map<string, FeedbackEffect>>(10_000);
    let references = new Memo<string, number>(10_000);
    let expansions = new Memo<string, Map<string, number>>(10_000);
    const fresh = () => {
      if (at === generation) return;
      at = generation;
      vectors = new Memo(Infinity);
      effects = new Memo(10_000);
      references = new Memo(10_000);
      expansions = new Memo(10_000);
    };
    const decidedVector = (d: DecidedNeed) =>
      vectors.recall(d.id, () =>
        vectorOf(
          analyzeNeed({ id: d.id, text: d.text, tags: [...d.tags], language: d.language ?? '' }),
        ),
      );
    return {
      effects(need) {
        fresh();
        return effects.recall(needKey(need), () =>
          feedbackEffects(need.id, vectorOf(analyzeNeed(need)), evidence, decidedVector),
        );
      },
      expansion(need) {
        const found = this.effects(need);
        return expansions.recall(needKey(need), () => {
          const query = analyzeNeed(need);
          const accepted = [...found].flatMap(([id, effect]) => {
            const index = positions.get(id);
            if (index === undefined || effect.boost <= 0) return [];
            const doc = docs[index] as Doc;
            const weights = new Map<string, number>();
            for (const [key, f] of doc.features)
              weights.set(key, idf(key) * normTf(f.tf, doc.length));
            return [{ strength: effect.boost / ACCEPT_BOOST, weights }];
          });
          return expansionTerms(accepted, (key) => query.has(key));
        });
      },
      reference(need) {
        fresh();
        return references.recall(needKey(need), () => {
          const { sums, touched } = rawSums(analyzeNeed(need));
          let best = FEEDBACK_REFERENCE;
          for (const i of touched) best = Math.max(best, sums[i] as number);
          return best;
        });
      },
    };
  };
  const feedbackReason = (effect: FeedbackEffect, weight: number): Reason & { weight: number } => {
    const similar = effect.acceptedFor!;
    return {
      type: 'feedback',
      need: similar.text,
      item: similar.text,
      similarNeedId: similar.id,
      weight,
    };
  };

  /**
   * Scores a need against every item in two steps: first only the sums, then the reasons for
   * the best `limit` items alone. Decisions on similar needs move items up or down in between.
   */
  const scoreNeed = (
    need: NeedDoc,
    limit: number,
    explain: boolean,
    feedback: Feedback | null,
  ): Scored => {
    const { sums, touched, terms } = rawSums(analyzeNeed(need));
    const tfOf = (doc: Doc, key: string) => {
      const f = doc.features.get(key);
      if (!f) return null; // a replaced version of an item
      return { f, tf: normTf(f.tf, doc.length) };
    };
    const boosted = new Map<number, Reason & { weight: number }>();
    const effects = feedback?.effects(need);
    if (effects?.size) {
      let reference = FEEDBACK_REFERENCE;
      for (const i of touched) reference = Math.max(reference, sums[i] as number);
      reweigh(sums, feedback!.expansion(need));
      for (const [id, effect] of effects) {
        const index = positions.get(id);
        if (index === undefined) continue;
        sums[index] = (sums[index] as number) * effect.keep;
        if (effect.boost <= 0) continue;
        if (sums[index] === 0) touched.push(index);
        const weight = effect.boost * reference;
        sums[index] = (sums[index] as number) + weight;
        boosted.set(index, feedbackReason(effect, weight));
      }
    }
    const best = topIndices(touched, sums, limit);
    const scored: Scored = new Map();
    for (const index of best) {
      const doc = docs[index] as Doc;
      const reasons = new Map<string, Reason & { weight: number }>();
      for (const { key, weight, q } of explain ? terms : []) {
        const hit = tfOf(doc, key);
        if (!hit) continue;
        if (!q.linked || !hit.f.linked) continue;
        const contribution = weight * hit.tf;
        const reason = reasonFor(key, q, hit.f, contribution);
        const reasonKey = reason.type === 'concept' ? key : `w:${foldText(hit.f.surface)}`;
        const prev = reasons.get(reasonKey);
        if (!prev || prev.weight < contribution) reasons.set(reasonKey, reason);
      }
      const fromFeedback = explain ? boosted.get(index) : undefined;
      if (fromFeedback) reasons.set('\u0000feedback', fromFeedback);
      scored.set(index, { score: sums[index] as number, reasons });
    }
    return scored;
  };

  const finish = (scores: Scored, top: number) =>
    [...scores]
      .map(([index, s]) => ({
        id: (docs[index] as Doc).id,
        score: s.score,
        reasons: readableReasons([...s.reasons.values()]),
      }))
      .filter((m) => m.score > 0)
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
      .slice(0, top);

  const addItem = (item: KnowledgeDoc) => {
    const doc = analyzeItem(item);
    const existing = positions.get(item.id);
    if (existing !== undefined) {
      // the old version stays in the postings but no longer matches: its features are emptied
      const old = docs[existing] as Doc;
      totalLength -= old.length;
      old.features = new Map();
      replaced[existing] = 1;
      old.id = `\u0000replaced:${old.id}`;
    }
    docs.push(doc);
    if (docs.length > replaced.length) {
      const grown = new Uint8Array(replaced.length * 2);
      grown.set(replaced);
      replaced = grown;
    }
    positions.set(item.id, docs.length - 1);
    post(doc, docs.length - 1);
    totalLength += doc.length;
    avgLength = totalLength / Math.max(1, positions.size);
    generation++;
  };

  /** The matcher over the shared index, with (or without) one set of decisions as evidence. */
  const view = (feedback: Feedback | null): Matcher => ({
    get itemCount() {
      return positions.size;
    },
    addItem,
    withFeedback: (decisions) => view(makeFeedback(decisions)),
    rankForNeed: (need, top = 10) => finish(scoreNeed(need, top, true, feedback), top),
    rankNeedsForItem(itemId, needs, top = 10) {
      const index = positions.get(itemId);
      if (index === undefined) return [];
      const doc = docs[index] as Doc;
      const ranked: RankedMatch[] = [];
      for (const need of needs) {
        const query = analyzeNeed(need);
        let score = 0;
        const reasons: (Reason & { weight: number })[] = [];
        for (const [key, q] of query) {
          const f = doc.features.get(key);
          if (!f) continue;
          const contribution = idf(key) * Math.min(q.tf, 2) * normTf(f.tf, doc.length);
          score += contribution;
          if (q.linked && f.linked) reasons.push(reasonFor(key, q, f, contribution));
        }
        const effects = feedback?.effects(need);
        if (effects?.size && score > 0)
          for (const [key, share] of feedback!.expansion(need)) {
            const f = doc.features.get(key);
            if (f) score += share * idf(key) * normTf(f.tf, doc.length);
          }
        const effect = effects?.get(itemId);
        if (effect) {
          score *= effect.keep;
          if (effect.boost > 0) {
            const weight = effect.boost * feedback!.reference(need);
            score += weight;
            reasons.push(feedbackReason(effect, weight));
          }
        }
        if (score > 0) ranked.push({ id: need.id, score, reasons: readableReasons(reasons) });
      }
      return ranked.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, top);
    },
    rankNeedsForItems(needs, top = 10) {
      const perItem = new Map<string, RankedMatch[]>([...positions.keys()].map((id) => [id, []]));
      for (const need of needs) {
        for (const m of finish(scoreNeed(need, docs.length, false, feedback), docs.length))
          perItem.get(m.id)!.push({ ...m, id: need.id });
      }
      for (const [id, list] of perItem) {
        perItem.set(
          id,
          list.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, top),
        );
      }
      return perItem;
    },
  });
  return view(makeFeedback(options.feedback ?? []));
}

/**
 * The strongest reasons, said plainly: a "translation" of a word into itself is just a shared
 * word, and the same words are not listed twice.
 */
function readableReasons(reasons: (Reason & { weight: number })[]): Reason[] {
  const seen = new Set<string>();
  const out: Reason[] = [];
  for (const { weight: _weight, ...r } of reasons.sort((a, b) => b.weight - a.weight)) {
    const reason: Reason =
      r.type === 'concept' && foldText(r.need) === foldText(r.item) ? { ...r, type: 'word' } : r;
    const key = `${foldText(reason.need)}|${foldText(reason.item)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(reason);
    if (out.length === 6) break;
  }
  return out;
}

/** The `k` indices with the highest sums, best first, without sorting them all. */
function topIndices(indices: readonly number[], sums: Float64Array, k: number): number[] {
  if (indices.length <= k)
    return [...indices].sort((a, b) => (sums[b] as number) - (sums[a] as number) || a - b);
  const best: number[] = [];
  for (const i of indices) {
    const v = sums[i] as number;
    if (best.length === k && v <= (sums[best[k - 1] as number] as number)) continue;
    let at = best.length;
    while (at > 0 && (sums[best[at - 1] as number] as number) < v) at--;
    best.splice(at, 0, i);
    if (best.length > k) best.pop();
  }
  return best;
}

/**
 * A score between 0 and 1 for people (the raw BM25 score has no fixed scale): a raw 4 is a fit
 * of 0.5. The scale sets where MIN_FIT (./fit.ts) cuts; both were chosen on the labelled sets.
 */
export function displayScore(score: number): number {
  return score / (score + 4);
}
