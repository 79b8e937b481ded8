// The disclosure engine: 1,000 rules (900 terms and phrases, 100 regexes) against 100 KB of
// text, beside a naive loop with one JavaScript RegExp per rule; and re-checking 10,000 pieces.
import { performance } from 'node:perf_hooks';
import { checkText, compileRules, type DisclosureRule } from '~/domain/disclosure/engine';

const RUNS = 15;
const words =
  'kontaktlinse pflege auge studie analyse versand kunde lager linse tageslinse monatslinse sehstärke optiker brille abo'.split(
    ' ',
  );
const en =
  'contact lens care customer shipping warehouse study survey comfort dry eye optician subscription delivery'.split(
    ' ',
  );
let seed = 42;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)]!;

const rules: DisclosureRule[] = [];
for (let i = 0; i < 600; i++)
  rules.push({
    id: `T${i}`,
    severity: i % 5 ? 'warn' : 'block',
    kind: 'term',
    patterns: [`geheim${i}wort`, `secret${i}term`],
  });
for (let i = 0; i < 300; i++)
  rules.push({
    id: `P${i}`,
    severity: 'block',
    kind: 'phrase',
    patterns: [`projekt adler ${i}`, `code name ${i} alpha`],
  });
for (let i = 0; i < 100; i++)
  rules.push({ id: `R${i}`, severity: 'block', kind: 'regex', patterns: [`KD${i}-[0-9]{6}`] });
// a few that do hit
rules.push({ id: 'HIT', severity: 'block', kind: 'term', patterns: ['Umsatz'] });

const sentences: string[] = [];
let size = 0;
while (size < 100_000) {
  const s =
    rnd() < 0.5
      ? `Die ${pick(words)} und die ${pick(words)} im ${pick(words)}-Bericht.`
      : `The ${pick(en)} of our ${pick(en)} team.`;
  sentences.push(s);
  size += s.length + 1;
}
sentences.splice(500, 0, 'Der Jahresumsatz ist vertraulich.');
// paragraphs, as real texts have them (line breaks and hyphens make the normalization work harder)
const text = sentences.map((x, i) => (i % 5 === 4 ? `${x}\n` : `${x} `)).join('');

function median(run: () => unknown) {
  run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    run();
    times.push(performance.now() - s);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

const compileStart = performance.now();
const compiled = compileRules(rules);
const compileMs = performance.now() - compileStart;
const engineMs = median(() => checkText(compiled, text));
const verdict = checkText(compiled, text);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const naive = rules.map(
  (r) =>
    new RegExp(r.kind === 'regex' ? r.patterns.join('|') : r.patterns.map(escape).join('|'), 'giu'),
);
const naiveMs = median(() => naive.map((re) => [...text.matchAll(re)].length));

console.log(
  `1,000 rules (900 terms/phrases, 100 regex) against ${(text.length / 1000).toFixed(0)} KB: decision ${verdict.decision}, ${verdict.findings.length} finding(s)`,
);
console.log(`  compile the rule set once       ${compileMs.toFixed(1).padStart(8)} ms`);
console.log(
  `  Lotse engine (median)           ${engineMs.toFixed(1).padStart(8)} ms   target ≤ 5 ms`,
);
console.log(
  `  naive: one RegExp per rule      ${naiveMs.toFixed(1).padStart(8)} ms   (no normalization, no evasion handling)`,
);

// re-checking every piece after a rule change: 10,000 pieces of about 1.5 KB
const pieces = Array.from({ length: 10_000 }, (_, i) =>
  sentences.slice((i * 13) % 2000, ((i * 13) % 2000) + 20).join(' '),
);
const s = performance.now();
let blocked = 0;
for (const p of pieces) if (checkText(compiled, p).decision === 'block') blocked++;
console.log(
  `  re-check 10,000 pieces          ${((performance.now() - s) / 1000).toFixed(2).padStart(8)} s    target < 10 s (${blocked} blocked)`,
);
