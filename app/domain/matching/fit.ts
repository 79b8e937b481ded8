/**
 * The minimum fit a suggestion needs to be shown first on a need's page. Below it, or without a
 * single reason to quote, a suggestion is weak: still offered, behind "show more".
 *
 * Calibrated with tests/bench/matching-threshold.ts on both labelled sets (tests/matching: the
 * glossary set and the blind set), among the engine's top 10 per need, "good" meaning graded 2 or
 * 3: at 0.55 the strong suggestions have precision 46 % and recall 81 % over both sets (F1 0.58);
 * glossary set 55 % / 89 %, blind set 37 % / 72 %. Showing everything would be 16 % precision.
 * The best F1 (0.65) is at 0.65, but there recall falls to 61 %: 0.55 keeps more good
 * suggestions in sight, at a cost in precision. Re-run the script after changing the engine (or
 * displayScore's scale).
 */
export const MIN_FIT = 0.55;

type Rated = { score: number; reasons: readonly unknown[]; decision?: string };

/**
 * Whether a suggestion is strong: its fit (0..1) reaches MIN_FIT and at least one reason explains
 * it. A suggestion an editor accepted already counts as strong whatever its fit.
 */
export function isStrong(s: Rated, minFit = MIN_FIT): boolean {
  if (s.decision === 'accepted') return true;
  return s.score >= minFit && s.reasons.length > 0;
}

/** Splits ranked suggestions into the strong and the weak ones, each keeping its order. */
export function splitByFit<T extends Rated>(
  suggestions: readonly T[],
  minFit = MIN_FIT,
): { strong: T[]; weak: T[] } {
  const strong: T[] = [];
  const weak: T[] = [];
  for (const s of suggestions) (isStrong(s, minFit) ? strong : weak).push(s);
  return { strong, weak };
}
