/**
 * What the engine shows in its top 10 for each labelled need, with the fit people see and whether
 * the item is good for the need (graded 2 or 3); shared by the minimum-fit calibration
 * (tests/bench/matching-threshold.ts) and its test (tests/matching/fit.test.ts).
 */
import { createMatcher, displayScore } from '~/domain/matching/engine';
import { isStrong } from '~/domain/matching/fit';
import { BUILT_IN_GLOSSARY } from '~/domain/matching/glossary';
import { DEMO_ITEMS, type LabelledSet } from './evaluate';

export type Shown = { score: number; reasons: readonly unknown[]; good: boolean };

export function shownSuggestions(set: LabelledSet): Shown[] {
  const matcher = createMatcher(DEMO_ITEMS, BUILT_IN_GLOSSARY);
  return set.needs.flatMap((n) =>
    matcher
      .rankForNeed({ id: n.id, text: n.text, tags: n.tags, language: n.language }, 10)
      .map((r) => ({
        score: displayScore(r.score),
        reasons: r.reasons,
        good: (n.judgments[r.id] ?? 0) >= 2,
      })),
  );
}

/** Precision, recall and F1 of the strong suggestions (see `isStrong`) at a minimum fit. */
export function measureFit(shown: readonly Shown[], minFit: number) {
  const strong = shown.filter((s) => isStrong(s, minFit));
  const good = shown.filter((s) => s.good).length;
  const hits = strong.filter((s) => s.good).length;
  const precision = strong.length ? hits / strong.length : 1;
  const recall = good ? hits / good : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, strong: strong.length };
}
