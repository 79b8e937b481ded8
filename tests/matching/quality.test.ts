import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createMatcher } from '~/domain/matching/engine';
import { BUILT_IN_GLOSSARY } from '~/domain/matching/glossary';
import { DEMO_KNOWLEDGE } from '../../seeds/demo-knowledge';
import { mean, ndcgAt, precisionAt, reciprocalRank } from './metrics';

type Labelled = {
  id: string;
  language: string;
  text: string;
  tags: string[];
  judgments: Record<string, number>;
};
const { needs } = JSON.parse(fs.readFileSync('tests/matching/needs.json', 'utf8')) as {
  needs: Labelled[];
};
const items = DEMO_KNOWLEDGE.map((k) => ({
  id: k.key,
  title: k.title,
  description: k.summary,
  tags: k.tags,
  language: k.language,
  kind: k.kind,
}));

describe('matching quality on the labelled set', () => {
  const matcher = createMatcher(items, BUILT_IN_GLOSSARY);
  const runs = needs.map((n) => ({
    need: n,
    ranked: matcher
      .rankForNeed({ id: n.id, text: n.text, tags: n.tags, language: n.language }, 10)
      .map((r) => r.id),
  }));
  const ndcg = mean(runs.map((r) => ndcgAt(r.ranked, r.need.judgments, 5)));
  const mrr = mean(runs.map((r) => reciprocalRank(r.ranked, r.need.judgments)));
  const p3 = mean(runs.map((r) => precisionAt(r.ranked, r.need.judgments, 3)));

  it('has a set of the required size, in both languages', () => {
    expect(items.length).toBeGreaterThanOrEqual(40);
    expect(needs.length).toBeGreaterThanOrEqual(20);
    expect(new Set(needs.map((n) => n.language))).toEqual(new Set(['de', 'en']));
  });

  it(`holds its floor (measured: nDCG@5 ${ndcg.toFixed(3)}, MRR ${mrr.toFixed(3)}, P@3 ${p3.toFixed(3)})`, () => {
    console.info(
      `matching quality: nDCG@5 ${ndcg.toFixed(3)}, MRR ${mrr.toFixed(3)}, P@3 ${p3.toFixed(3)}`,
    );
    for (const r of runs)
      if (reciprocalRank(r.ranked, r.need.judgments) < 1)
        console.info(`  ${r.need.id} ${r.need.text} → ${r.ranked.slice(0, 3).join(', ')}`);
    expect(ndcg).toBeGreaterThanOrEqual(FLOOR.ndcg);
    expect(mrr).toBeGreaterThanOrEqual(FLOOR.mrr);
    expect(p3).toBeGreaterThanOrEqual(FLOOR.p3);
  });
});

// the floor this engine reaches on the set; raise it when the engine gets better
const FLOOR = { ndcg: 0.85, mrr: 0.88, p3: 0.43 };
