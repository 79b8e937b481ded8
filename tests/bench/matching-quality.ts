// Matching quality: nDCG@5, MRR and P@3 of the engine on both labelled sets of needs for the demo
// inventory (tests/matching), overall and on the needs that share no word with their answers or
// are answered only in the other language.
import { breakdown, evaluate, formatScore, loadSets } from '../matching/evaluate';

for (const set of loadSets()) {
  const { runs } = evaluate(set);
  console.log(`${set.name} (tests/matching/${set.file}, ${set.needs.length} needs):`);
  for (const part of breakdown(runs))
    console.log(
      `  ${`${part.label} (${part.count})`.padEnd(48)}${part.count ? formatScore(part.score) : '–'}`,
    );
}
