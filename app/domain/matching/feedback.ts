/**
 * Learning from editors: the suggestions they accepted and dismissed are evidence for needs that
 * say much the same thing. For a need, the needs with decisions whose analysed text is similar to
 * it lend it their accepted items (ranked higher, with the reason "accepted for a similar need")
 * and their dismissed ones (ranked lower). A need's own decisions are never evidence for itself.
 *
 * Everything here works on plain data handed in by the caller: one workspace's decisions never
 * reach another's matcher, and nothing is kept between calls at module level.
 */

/** An editor's decision on one suggestion, with the text of the need it was made for. */
export type FeedbackDecision = {
  needId: string;
  needText: string;
  needLanguage?: string | null;
  needTags?: readonly string[];
  itemId: string;
  /** only 'accepted' and 'dismissed' count; a suggestion nobody decided is no evidence */
  decision: string;
};

/** A text's features (as the engine analyses them) with their weights. */
export type FeatureVector = ReadonlyMap<string, number>;

/** The needs with decisions, each once, with the items accepted and dismissed for it. */
export type DecidedNeed = {
  id: string;
  text: string;
  language: string | null;
  tags: readonly string[];
  accepted: readonly string[];
  dismissed: readonly string[];
};

/** How far a need must resemble a decided one for the decision to count (cosine, 0..1). */
export const MIN_SIMILARITY = 0.3;
/** Only the most similar decided needs count (relevance feedback from the nearest few). */
export const MAX_SIMILAR_NEEDS = 5;
/** An item accepted for a need as similar as can be gains this share of the need's best score. */
export const ACCEPT_BOOST = 0.6;
/** An item dismissed for a need as similar as can be keeps this share of its score. */
export const DISMISS_KEEP = 0.4;

export function decidedNeeds(decisions: readonly FeedbackDecision[]): DecidedNeed[] {
  const byNeed = new Map<
    string,
    Omit<DecidedNeed, 'accepted' | 'dismissed'> & { accepted: string[]; dismissed: string[] }
  >();
  for (const d of decisions) {
    if (d.decision !== 'accepted' && d.decision !== 'dismissed') continue;
    let need = byNeed.get(d.needId);
    if (!need) {
      need = {
        id: d.needId,
        text: d.needText,
        language: d.needLanguage ?? null,
        tags: d.needTags ?? [],
        accepted: [],
        dismissed: [],
      };
      byNeed.set(d.needId, need);
    }
    const list = d.decision === 'accepted' ? need.accepted : need.dismissed;
    if (!list.includes(d.itemId)) list.push(d.itemId);
  }
  // sorted, so that the same decisions give the same evidence whatever order they were read in
  return [...byNeed.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** The cosine of two feature vectors: 1 for the same features in the same proportions. */
export function cosine(a: FeatureVector, b: FeatureVector): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const [key, w] of small) {
    const v = large.get(key);
    if (v !== undefined) dot += w * v;
  }
  for (const w of a.values()) na += w * w;
  for (const w of b.values()) nb += w * w;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** What the evidence does to one item for one need. */
export type FeedbackEffect = {
  /** the share of the need's best score the item gains (0 when no similar need accepted it) */
  boost: number;
  /** the factor its score is multiplied with (1 when no similar need dismissed it) */
  keep: number;
  /** the most similar need that accepted the item, for the reason */
  acceptedFor?: { id: string; text: string; similarity: number };
};

/**
 * The effect of the editors' decisions on a need (`needId`, analysed as `vector`), per item.
 * `vectorOf` analyses a decided need the same way; the `MAX_SIMILAR_NEEDS` most similar decided
 * needs count. Several similar needs that accepted an item
 * count more than one, but never more than a need identical to it (1 − Π(1 − similarity)).
 */
export function feedbackEffects(
  needId: string,
  vector: FeatureVector,
  evidence: readonly DecidedNeed[],
  vectorOf: (need: DecidedNeed) => FeatureVector,
): Map<string, FeedbackEffect> {
  const accepted = new Map<string, { miss: number; best: DecidedNeed; similarity: number }>();
  const dismissed = new Map<string, number>();
  const similar: { other: DecidedNeed; similarity: number }[] = [];
  for (const other of evidence) {
    if (other.id === needId) continue;
    const similarity = cosine(vector, vectorOf(other));
    if (similarity >= MIN_SIMILARITY) similar.push({ other, similarity });
  }
  similar.sort((a, b) => b.similarity - a.similarity || a.other.id.localeCompare(b.other.id));
  for (const { other, similarity } of similar.slice(0, MAX_SIMILAR_NEEDS)) {
    for (const itemId of other.accepted) {
      const cur = accepted.get(itemId);
      if (!cur) accepted.set(itemId, { miss: 1 - similarity, best: other, similarity });
      else {
        cur.miss *= 1 - similarity;
        if (similarity > cur.similarity) Object.assign(cur, { best: other, similarity });
      }
    }
    for (const itemId of other.dismissed)
      dismissed.set(itemId, (dismissed.get(itemId) ?? 1) * (1 - similarity));
  }
  const effects = new Map<string, FeedbackEffect>();
  for (const [itemId, a] of accepted)
    effects.set(itemId, {
      boost: ACCEPT_BOOST * (1 - a.miss),
      keep: 1,
      acceptedFor: { id: a.best.id, text: a.best.text, similarity: a.similarity },
    });
  for (const [itemId, miss] of dismissed) {
    const keep = 1 - (1 - DISMISS_KEEP) * (1 - miss);
    const cur = effects.get(itemId);
    if (cur) cur.keep = keep;
    else effects.set(itemId, { boost: 0, keep });
  }
  return effects;
}

/** How much the vocabulary of items accepted for similar needs weighs in a need's query. */
export const EXPANSION_WEIGHT = 0.3;
/** How many of an accepted item's most distinctive features join the query. */
export const EXPANSION_TERMS = 20;

/**
 * Relevance feedback on the need's words: the most distinctive features of the items accepted
 * for similar needs (`weights`: feature → its weight in the item, e.g. idf × term frequency)
 * join the query with a small weight, so that items saying what the accepted ones say rise too.
 * Features the need has already are left as they are. The result maps a feature to its share of
 * a full query term (multiply with the feature's idf).
 */
export function expansionTerms(
  accepted: readonly { strength: number; weights: ReadonlyMap<string, number> }[],
  has: (key: string) => boolean,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const { strength, weights } of accepted) {
    const best = [...weights]
      .filter(([key]) => !has(key))
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, EXPANSION_TERMS);
    for (const [key] of best) out.set(key, (out.get(key) ?? 0) + EXPANSION_WEIGHT * strength);
  }
  // the strongest terms of all, so that a need with many accepted neighbours stays quick to rank
  return new Map(
    [...out].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 2 * EXPANSION_TERMS),
  );
}
