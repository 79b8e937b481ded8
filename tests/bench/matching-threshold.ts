// Minimum fit: how well each fit threshold separates the good suggestions (graded 2 or 3) from the
// weak ones (graded 0 or 1) among the engine's top 10, on both labelled sets of needs
// (tests/matching). The chosen threshold is MIN_FIT in app/domain/matching/fit.ts.
//   npx tsx tests/bench/matching-threshold.ts
import { MIN_FIT } from '~/domain/matching/fit';
import { measureFit, shownSuggestions } from '../matching/calibration';
import { loadSets } from '../matching/evaluate';

const sets = loadSets().map((set) => ({ name: set.name, shown: shownSuggestions(set) }));
const all = sets.flatMap((s) => s.shown);
const pct = (x: number) => `${(x * 100).toFixed(1)} %`.padStart(8);
const thresholds = Array.from({ length: 33 }, (_, i) => i * 0.025);
const best = thresholds.reduce((a, b) => (measureFit(all, b).f1 > measureFit(all, a).f1 ? b : a));

console.log(
  `Top-10 suggestions: ${sets
    .map((s) => `${s.name} ${s.shown.length} (${s.shown.filter((x) => x.good).length} graded 2+)`)
    .join(', ')}`,
);
console.log(
  `${'fit ≥'.padEnd(7)}${sets.map((s) => `${s.name}: P / R`.padEnd(26)).join('')}both: P / R / F1 / strong`,
);
for (const threshold of thresholds) {
  const cells = sets.map((s) => {
    const m = measureFit(s.shown, threshold);
    return `${pct(m.precision)} /${pct(m.recall)}`.padEnd(26);
  });
  const m = measureFit(all, threshold);
  const mark = [
    Math.abs(threshold - MIN_FIT) < 1e-9 ? '  ← MIN_FIT' : '',
    threshold === best ? '  ← best F1' : '',
  ].join('');
  console.log(
    `${threshold.toFixed(3).padEnd(7)}${cells.join('')}${pct(m.precision)} /${pct(m.recall)} /${pct(m.f1)} / ${m.strong}${mark}`,
  );
}
