// Matching quality: nDCG@5, MRR and P@3 of the engine on both labelled sets of needs for the demo
// inventory (tests/matching), overall and on the needs that share no word with their answers or
// are answered only in the other language. The lines marked "simulated decisions" rank each need
// with the other needs' grades as editors' decisions (leave one out), as a workspace that has
// decided on suggestions for similar needs would.
import {
  breakdown,
  evaluate,
  evaluateWithFeedback,
  formatScore,
  loadSets,
} from '../matching/evaluate';

for (const set of loadSets()) {
  const { runs } = evaluate(set);
  console.log(`${set.name} (tests/matching/${set.file}, ${set.needs.length} needs):`);
  for (const part of breakdown(runs))
    console.log(
      `  ${`${part.label} (${part.count})`.padEnd(48)}${part.count ? formatScore(part.score) : '–'}`,
    );
}
for (const set of loadSets()) {
  const { runs } = evaluateWithFeedback(set);
  console.log(
    `${set.name} with simulated decisions (the other needs' grades as accepted/dismissed, leave one out):`,
  );
  for (const part of breakdown(runs))
    console.log(
      `  ${`${part.label} (${part.count})`.padEnd(48)}${part.count ? formatScore(part.score) : '–'}`,
    );
}
