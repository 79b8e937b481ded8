import { editDistance, foldText, splitCompound, stem, words } from './analyze';
import type { GlossaryEntry } from './glossary';

/**
 * The matching engine: which knowledge items could serve which audience needs, ranked and
 * explained. Texts become features — word stems (German compounds split into their parts,
 * misspellings mapped to known words) and glossary concepts (a German term and its English
 * translation are the same concept) — and a need is scored against every item with BM25 over
 * those features, item titles and tags counting more. Everything runs in memory, no network.
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

export type Reason = {
  type: 'word' | 'concept' | 'tag' | 'spelling';
  need: string;
  item: string;
  concept?: string;
};
export type RankedMatch = { id: string; score: number; reasons: Reason[] };

type Feature = { key: string; surface: string; type: Reason['type']; concept?: string };
type Doc = {
  id: string;
  features: Map<string, { tf: number; surface: string; type: Reason['type']; concept?: string }>;
  length: number;
};

const K1 = 1.2;
const B = 0.75;
const WEIGHT = { title: 2, description: 1, tags: 1.5 } as const;
const CONCEPT_BOOST = 1.3;

export type Matcher = {
  rankForNeed(need: NeedDoc, top?: number): RankedMatch[];
  rankNeedsForItems(needs: readonly NeedDoc[], top?: number): Map<string, RankedMatch[]>;
  itemCount: number;
};

function glossaryIndex(glossary: readonly GlossaryEntry[]) {
  // single stems → concepts, and multi-word terms as stem sequences
  const single = new Map<string, { key: string; term: string }[]>();
  const multi: { stems: string[]; key: string; term: string }[] = [];
  for (const entry of glossary) {
    for (const { term } of entry.terms) {
      const stems = words(term).map(stem);
      if (!stems.length) continue;
      if (stems.length === 1) {
        const list = single.get(stems[0] as string) ?? [];
        if (!list.some((x) => x.key === entry.key)) list.push({ key: entry.key, term });
        single.set(stems[0] as string, list);
      } else multi.push({ stems, key: entry.key, term });
    }
  }
  return { single, multi };
}

export function createMatcher(
  items: readonly KnowledgeDoc[],
  glossary: readonly GlossaryEntry[],
): Matcher {
  const concepts = glossaryIndex(glossary);

  // the vocabulary: every stem of the items and the glossary (for compound splitting and spelling)
  const known = new Set<string>(concepts.single.keys());
  for (const m of concepts.multi) for (const s of m.stems) known.add(s);
  for (const item of items)
    for (const w of words(`${item.title} ${item.description} ${item.tags.join(' ')}`))
      known.add(stem(w));
  const byLength = new Map<number, string[]>();
  for (const k of known) {
    if (k.length < 5) continue;
    const list = byLength.get(k.length) ?? [];
    list.push(k);
    byLength.set(k.length, list);
  }
  const spellingCache = new Map<string, string | null>();
  /** A known stem one (or, for long words, two) edits away from an unknown one. */
  const correct = (s: string): string | null => {
    if (known.has(s) || s.length < 6) return null;
    if (spellingCache.has(s)) return spellingCache.get(s) ?? null;
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
    spellingCache.set(s, best);
    return best;
  };

  /** The features of a text, with how often each occurs (weighted by the field it is in). */
  const analyze = (fields: { text: string; weight: number; tag?: boolean }[]) => {
    const out = new Map<
      string,
      { tf: number; surface: string; type: Reason['type']; concept?: string }
    >();
    const add = (f: Feature, weight: number) => {
      const cur = out.get(f.key);
      if (cur) cur.tf += weight;
      else out.set(f.key, { tf: weight, surface: f.surface, type: f.type, concept: f.concept });
    };
    let length = 0;
    for (const { text, weight, tag } of fields) {
      const tokens = words(text);
      const stems: { stem: string; surface: string; spelled?: boolean }[] = [];
      for (const token of tokens) {
        const s = stem(token);
        const parts = known.has(s) ? null : splitCompound(token, known);
        if (parts) {
          for (const p of parts) stems.push({ stem: p, surface: token });
          stems.push({ stem: s, surface: token });
        } else {
          const fixed = correct(s);
          stems.push(
            fixed ? { stem: fixed, surface: token, spelled: true } : { stem: s, surface: token },
          );
        }
      }
      length += stems.length * weight;
      for (const st of stems) {
        add(
          {
            key: `w:${st.stem}`,
            surface: st.surface,
            type: tag ? 'tag' : st.spelled ? 'spelling' : 'word',
          },
          weight,
        );
        for (const cpt of concepts.single.get(st.stem) ?? []) {
          add(
            { key: `c:${cpt.key}`, surface: st.surface, type: 'concept', concept: cpt.key },
            weight * CONCEPT_BOOST,
          );
        }
      }
      // multi-word glossary terms ("trockene Augen", "customer service")
      const seq = stems.map((x) => x.stem);
      for (const m of concepts.multi) {
        for (let i = 0; i + m.stems.length <= seq.length; i++) {
          if (m.stems.every((s, j) => seq[i + j] === s)) {
            add(
              { key: `c:${m.key}`, surface: m.term, type: 'concept', concept: m.key },
              weight * CONCEPT_BOOST,
            );
          }
        }
      }
      // a known concept term inside a compound that could not be split (Versandkostenfrei)
      for (const token of tokens) {
        if (token.length < 10) continue;
        for (const [s, list] of concepts.single) {
          if (s.length >= 5 && token.includes(s) && !seq.includes(s)) {
            for (const cpt of list)
              add(
                { key: `c:${cpt.key}`, surface: token, type: 'concept', concept: cpt.key },
                weight,
              );
          }
        }
      }
    }
    return { features: out, length: Math.max(1, length) };
  };

  const docs: Doc[] = items.map((item) => {
    const { features, length } = analyze([
      { text: item.title, weight: WEIGHT.title },
      { text: item.description, weight: WEIGHT.description },
      { text: item.tags.join(' , '), weight: WEIGHT.tags, tag: true },
    ]);
    return { id: item.id, features, length };
  });
  const avgLength = docs.reduce((a, d) => a + d.length, 0) / Math.max(1, docs.length);
  const postings = new Map<string, number[]>();
  docs.forEach((d, index) => {
    for (const key of d.features.keys()) {
      const list = postings.get(key) ?? [];
      list.push(index);
      postings.set(key, list);
    }
  });
  const idf = (key: string) => {
    const n = postings.get(key)?.length ?? 0;
    return Math.log(1 + (docs.length - n + 0.5) / (n + 0.5));
  };

  const scoreNeed = (need: NeedDoc) => {
    const query = analyze([
      { text: need.text, weight: 1 },
      { text: need.tags.join(' , '), weight: 1.2, tag: true },
    ]).features;
    const scores = new Map<
      number,
      { score: number; reasons: Map<string, Reason & { weight: number }> }
    >();
    for (const [key, q] of query) {
      const list = postings.get(key);
      if (!list) continue;
      const weight = idf(key) * Math.min(q.tf, 2);
      for (const index of list) {
        const doc = docs[index] as Doc;
        const f = doc.features.get(key)!;
        const tf = (f.tf * (K1 + 1)) / (f.tf + K1 * (1 - B + (B * doc.length) / avgLength));
        const contribution = weight * tf;
        const entry = scores.get(index) ?? { score: 0, reasons: new Map() };
        entry.score += contribution;
        const reason: Reason & { weight: number } = {
          type: key.startsWith('c:')
            ? 'concept'
            : q.type === 'tag' || f.type === 'tag'
              ? 'tag'
              : q.type === 'spelling'
                ? 'spelling'
                : 'word',
          need: q.surface,
          item: f.surface,
          ...(key.startsWith('c:') ? { concept: key.slice(2) } : {}),
          weight: contribution,
        };
        const reasonKey = key.startsWith('c:') ? key : `w:${foldText(f.surface)}`;
        const prev = entry.reasons.get(reasonKey);
        if (!prev || prev.weight < contribution) entry.reasons.set(reasonKey, reason);
        scores.set(index, entry);
      }
    }
    return scores;
  };

  const finish = (
    scores: Map<number, { score: number; reasons: Map<string, Reason & { weight: number }> }>,
    top: number,
  ) =>
    [...scores]
      .map(([index, s]) => ({
        id: (docs[index] as Doc).id,
        score: s.score,
        reasons: readableReasons([...s.reasons.values()]),
      }))
      .filter((m) => m.score > 0)
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
      .slice(0, top);

  return {
    itemCount: docs.length,
    rankForNeed: (need, top = 10) => finish(scoreNeed(need), top),
    rankNeedsForItems(needs, top = 10) {
      const perItem = new Map<string, RankedMatch[]>(docs.map((d) => [d.id, []]));
      for (const need of needs) {
        for (const m of finish(scoreNeed(need), docs.length))
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
  };
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

/** A score between 0 and 1 for people (the raw BM25 score has no fixed scale). */
export function displayScore(score: number): number {
  return score / (score + 5);
}
