// `disclosure check` as scripts call it, one process per text, beside textlint with
// textlint-rule-prh (a common way to flag forbidden phrases in texts): the same 1,000 phrases
// against the same 100 KB of German and English text, timed from spawn to exit.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const RUNS = 9;
const PHRASES = 1_000;
const PLANTED = 25;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-bench-cli-'));

let seed = 7;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;

// code names as companies give their projects: "Projekt Kranich Süd", "Operation Harbour Two"
const heads = ['Projekt', 'Vorhaben', 'Initiative', 'Project', 'Operation', 'Programme'];
const names = (
  'Adler Falke Möwe Kranich Reiher Bussard Eule Schwalbe Lerche Amsel Drossel Häher Specht ' +
  'Habicht Milan Storch Sperling Zaunkönig Gämse Luchs Harbour Lighthouse Granite Meadow Orchard ' +
  'Falcon Heron Kestrel Osprey Pelican Raven Sparrow Willow Juniper Thistle Bramble Fjord ' +
  'Glacier Summit Tundra'
).split(' ');
const tails = ['Nord', 'Süd', 'Ost', 'West', 'Zwei', 'Drei', 'Plus', 'Neu', 'Two', 'Prime', 'Next'];
const phraseSet = new Set<string>();
while (phraseSet.size < PHRASES) phraseSet.add(`${pick(heads)} ${pick(names)} ${pick(tails)}`);
const phrases = [...phraseSet];

const de =
  'Kontaktlinse Pflege Auge Studie Analyse Versand Kunde Lager Linse Tageslinse Monatslinse Sehstärke Optiker Brille Abo Größe Lösung Bestellung Rücksendung'.split(
    ' ',
  );
const en =
  'contact lens care customer shipping warehouse study survey comfort dry eye optician subscription delivery'.split(
    ' ',
  );
const sentences: string[] = [];
let size = 0;
while (size < 100_000) {
  const s =
    rnd() < 0.5
      ? `Die ${pick(de)} und die ${pick(de)} im ${pick(de)}-Bericht für das nächste Quartal.`
      : `The ${pick(en)} of our ${pick(en)} team keeps improving.`;
  sentences.push(s);
  size += s.length + 1;
}
const planted = Array.from({ length: PLANTED }, (_, i) => phrases[(i * 37) % PHRASES]!);
planted.forEach((phrase, i) => {
  const at = Math.floor(((i + 0.5) / PLANTED) * sentences.length);
  sentences[at] = `Intern läuft das als ${phrase}, bitte nicht erwähnen.`;
});
// paragraphs of five sentences
const text = sentences.map((s, i) => (i % 5 === 4 ? `${s}\n\n` : `${s} `)).join('');

const textFile = path.join(dir, 'text.txt');
fs.writeFileSync(textFile, text);
// Lotse: one phrase rule per phrase
const rulesFile = path.join(dir, 'rules.json');
fs.writeFileSync(
  rulesFile,
  JSON.stringify({
    rules: phrases.map((p, i) => ({
      id: `P${i}`,
      severity: 'block',
      kind: 'phrase',
      patterns: [p],
    })),
  }),
);
// prh: a rule per phrase whose `pattern` is the phrase, so that prh reports every occurrence
// (JSON strings are valid YAML double-quoted scalars)
const dictionary = path.join(dir, 'prh.yml');
fs.writeFileSync(
  dictionary,
  `version: 1\nrules:\n${phrases
    .map((p) => `  - expected: "[vertraulich]"\n    pattern: ${JSON.stringify(p)}\n`)
    .join('')}`,
);
const textlintrc = path.join(dir, '.textlintrc.json');
fs.writeFileSync(textlintrc, JSON.stringify({ rules: { prh: { rulePaths: [dictionary] } } }));

type Tool = { label: string; args: string[]; count: (stdout: string) => number };
const tools: Tool[] = [
  {
    label: 'Lotse  disclosure check (bundle)',
    args: ['app/cli/run.mjs', 'disclosure', 'check', '--rules', rulesFile, '--text', textFile],
    count: (out) => (JSON.parse(out) as { findings: unknown[] }).findings.length,
  },
  {
    label: 'textlint + textlint-rule-prh',
    args: [
      fs.realpathSync('node_modules/.bin/textlint'),
      '--config',
      textlintrc,
      '--format',
      'json',
      textFile,
    ],
    count: (out) =>
      (JSON.parse(out) as { messages: unknown[] }[]).reduce((n, f) => n + f.messages.length, 0),
  },
  {
    // the same sources compiled at start-up by tsx, as `npm run cli` ran them before the bundle
    // (which also loaded the other commands and Prisma)
    label: 'Lotse  from the sources (tsx)',
    args: [
      path.resolve('node_modules/tsx/dist/cli.mjs'),
      'app/cli/main.ts',
      'disclosure',
      'check',
      '--rules',
      rulesFile,
      '--text',
      textFile,
    ],
    count: (out) => (JSON.parse(out) as { findings: unknown[] }).findings.length,
  },
];

/** Runs the tool once; its findings, and the milliseconds from spawn to exit. */
function runOnce(tool: Tool): { ms: number; count: number } {
  const started = performance.now();
  const r = spawnSync(process.execPath, tool.args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = performance.now() - started;
  // both exit 1 when they flag something
  if (r.status !== 0 && r.status !== 1) {
    throw new Error(`${tool.label} failed (exit ${r.status ?? r.signal}):\n${r.stderr}`);
  }
  try {
    return { ms, count: tool.count(r.stdout) };
  } catch {
    throw new Error(`${tool.label} printed no result (exit ${r.status}):\n${r.stderr}`);
  }
}

console.log(
  `${PHRASES} phrase rules against ${(text.length / 1000).toFixed(0)} KB (${PLANTED} planted), whole process, median of ${RUNS} after a warm-up:`,
);
// one warm-up each (it also builds the bundle if the sources changed), then the tools take turns,
// so that load from elsewhere on the machine falls on all of them alike
const counts = tools.map((tool) => runOnce(tool).count);
const times: number[][] = tools.map(() => []);
for (let i = 0; i < RUNS; i++) tools.forEach((tool, t) => times[t]!.push(runOnce(tool).ms));
const medians = times.map((list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]!);
tools.forEach((tool, t) =>
  console.log(
    `  ${tool.label.padEnd(34)} ${medians[t]!.toFixed(0).padStart(6)} ms   ${counts[t]} finding(s)`,
  ),
);
// a tool that flags nothing did not do the work being compared
const failed = counts.some((count) => count === 0);
const [lotse, textlint] = medians as [number, number];
console.log(
  `  Lotse / textlint                   ${(lotse / textlint).toFixed(2).padStart(6)}      target ≤ 0.50`,
);
fs.rmSync(dir, { recursive: true, force: true });
if (failed) {
  console.error('a tool found none of the planted phrases: the comparison is meaningless');
  process.exit(1);
}
