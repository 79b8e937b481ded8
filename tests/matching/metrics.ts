/** Ranking quality: nDCG@k with graded relevance, MRR and precision@k (relevant = grade ≥ 2). */
export function ndcgAt(
  ranked: readonly string[],
  grades: Record<string, number>,
  k: number,
): number {
  const gain = (g: number) => 2 ** g - 1;
  const dcg = ranked
    .slice(0, k)
    .reduce((sum, id, i) => sum + gain(grades[id] ?? 0) / Math.log2(i + 2), 0);
  const ideal = Object.values(grades)
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((sum, g, i) => sum + gain(g) / Math.log2(i + 2), 0);
  return ideal ? dcg / ideal : 0;
}

export function reciprocalRank(ranked: readonly string[], grades: Record<string, number>): number {
  const i = ranked.findIndex((id) => (grades[id] ?? 0) >= 2);
  return i < 0 ? 0 : 1 / (i + 1);
}

export function precisionAt(
  ranked: readonly string[],
  grades: Record<string, number>,
  k: number,
): number {
  return ranked.slice(0, k).filter((id) => (grades[id] ?? 0) >= 2).length / k;
}

export const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
