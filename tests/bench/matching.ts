// Matching at scale: 10,000 knowledge items × 1,000 needs on one core, and adding one item.
import { performance } from 'node:perf_hooks';
import { createMatcher, type KnowledgeDoc, type NeedDoc } from '~/domain/matching/engine';
import { BUILT_IN_GLOSSARY } from '~/domain/matching/glossary';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 10_000);
const NEEDS = Number(process.env.BENCH_NEEDS ?? 1_000);
let seed = 7;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
const de =
  'Kontaktlinse Pflege Versand Lieferzeit Bestellung Kunde Lager Studie Analyse Datenschutz Einwilligung Rücksendung Abo Nachhaltigkeit Verpackung Kurzsichtigkeit Bildschirm Augen trocken Sport Schwimmen Optiker Kontrolle Preis Rabatt Newsletter Zahlung Kasse Warenkorb Sicherheit Passwort Barrierefreiheit'.split(
    ' ',
  );
const en =
  'lens care shipping delivery order customer warehouse study analysis privacy consent return subscription sustainability packaging myopia screen eyes dry sport swimming optician checkup price discount newsletter payment checkout cart security password accessibility'.split(
    ' ',
  );
// plus 4,000 made-up words, so that word frequencies look like real text's
const syllables = 'ka lo mi ne sa tu re vo pi da gu fe ri no be sch ter lin ver an ge pro'.split(
  ' ',
);
const other = Array.from({ length: 4000 }, () =>
  Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => pick(syllables)).join(''),
);
const sentence = (n: number) =>
  Array.from({ length: n }, () =>
    rnd() < 0.25 ? (rnd() < 0.5 ? pick(de) : pick(en)) : pick(other),
  ).join(' ');

const items: KnowledgeDoc[] = Array.from({ length: ITEMS }, (_, i) => ({
  id: `K${i}`,
  title: sentence(6),
  description: sentence(25),
  tags: [pick(de), pick(en)],
}));
const needs: NeedDoc[] = Array.from({ length: NEEDS }, (_, i) => ({
  id: `N${i}`,
  text: sentence(12),
  tags: [pick(en)],
}));

let t = performance.now();
const matcher = createMatcher(items, BUILT_IN_GLOSSARY);
const buildMs = performance.now() - t;
t = performance.now();
let ranked = 0;
for (const need of needs) ranked += matcher.rankForNeed(need, 10).length;
const rankMs = performance.now() - t;
console.log(
  `${ITEMS.toLocaleString('en')} items × ${NEEDS.toLocaleString('en')} needs (one core):`,
);
console.log(`  analyse and index the items     ${(buildMs / 1000).toFixed(2)} s`);
console.log(
  `  rank all needs (top 10 each)    ${(rankMs / 1000).toFixed(2)} s   (${ranked} suggestions)`,
);
console.log(
  `  full matching                   ${((buildMs + rankMs) / 1000).toFixed(2)} s   target < 3 s`,
);

// the same needs ranked with editors' decisions as evidence: 2,000 of them, on 500 needs
const DECISIONS = Number(process.env.BENCH_DECISIONS ?? 2_000);
const decided = needs.slice(0, Math.min(500, needs.length));
const decisions = Array.from({ length: DECISIONS }, (_, i) => {
  const need = decided[i % decided.length]!;
  return {
    needId: need.id,
    needText: need.text,
    itemId: pick(items).id,
    decision: rnd() < 0.5 ? 'accepted' : 'dismissed',
  };
});
t = performance.now();
const learning = matcher.withFeedback(decisions);
let learned = 0;
for (const need of needs) learned += learning.rankForNeed(need, 10).length;
const learnMs = performance.now() - t;
console.log(
  `  rank all needs with ${DECISIONS.toLocaleString('en')} editors' decisions  ` +
    `${(learnMs / 1000).toFixed(2)} s   (${learned} suggestions; ${(learnMs / needs.length).toFixed(1)} ms a need)`,
);

const adds: number[] = [];
for (let i = 0; i < 21; i++) {
  const s = performance.now();
  matcher.addItem({
    id: `NEW${i}`,
    title: sentence(6),
    description: sentence(25),
    tags: [pick(de)],
  });
  matcher.rankNeedsForItem(`NEW${i}`, needs, 10);
  adds.push(performance.now() - s);
}
adds.sort((a, b) => a - b);
console.log(
  `  add one item and find its needs (median)  ${adds[10]!.toFixed(1)} ms   target < 50 ms`,
);
