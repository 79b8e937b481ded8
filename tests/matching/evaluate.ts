/**
 * The labelled sets of needs for the demo inventory and how the matching engine is scored on them;
 * shared by the quality test (tests/matching/quality.test.ts) and `npm run bench`
 * (tests/bench/matching-quality.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMatcher, type KnowledgeDoc } from '~/domain/matching/engine';
import type { FeedbackDecision } from '~/domain/matching/feedback';
import { BUILT_IN_GLOSSARY } from '~/domain/matching/glossary';
import { DEMO_KNOWLEDGE } from '../../seeds/demo-knowledge';
import { mean, ndcgAt, precisionAt, reciprocalRank } from './metrics';

export type Labelled = {
  id: string;
  language: string;
  text: string;
  tags: string[];
  /** knowledge key → grade 0..3 (3 answers the need, 2 clearly helps, 1 related) */
  judgments: Record<string, number>;
  audience?: string;
  notes?: string;
};

export type LabelledSet = { name: string; file: string; needs: Labelled[] };

const here = fileURLToPath(new URL('.', import.meta.url));

/** The set written with the glossary at hand, and the blind set written from the audiences only. */
export const SETS = [
  { name: 'glossary set', file: 'needs.json' },
  { name: 'blind set', file: 'blind-needs.json' },
] as const;

export function loadSet(file: string, name = file): LabelledSet {
  const { needs } = JSON.parse(fs.readFileSync(path.join(here, file), 'utf8')) as {
    needs: Labelled[];
  };
  return { name, file, needs };
}

export const loadSets = (): LabelledSet[] => SETS.map((s) => loadSet(s.file, s.name));

/** The demo inventory as the engine sees it. */
export const DEMO_ITEMS: KnowledgeDoc[] = DEMO_KNOWLEDGE.map((k) => ({
  id: k.key,
  title: k.title,
  description: k.summary,
  tags: k.tags,
  language: k.language,
  kind: k.kind,
}));

export type Score = { ndcg: number; mrr: number; p3: number };
export type Run = { need: Labelled; ranked: string[] };

/** Ranks every need of the set (top 10) with the built-in glossary and scores the rankings. */
export function evaluate(
  set: LabelledSet,
  items: readonly KnowledgeDoc[] = DEMO_ITEMS,
): Score & { runs: Run[] } {
  const matcher = createMatcher(items, BUILT_IN_GLOSSARY);
  const runs = set.needs.map((n) => ({
    need: n,
    ranked: matcher
      .rankForNeed({ id: n.id, text: n.text, tags: n.tags, language: n.language }, 10)
      .map((r) => r.id),
  }));
  return { ...score(runs), runs };
}

/**
 * Editors' decisions simulated from the grades: for every need of the set, the items among its
 * top 10 suggestions graded 2 or more count as accepted, the others as dismissed.
 */
export function simulatedDecisions(
  set: LabelledSet,
  items: readonly KnowledgeDoc[] = DEMO_ITEMS,
): FeedbackDecision[] {
  const { runs } = evaluate(set, items);
  return runs.flatMap(({ need, ranked }) =>
    ranked.map((itemId) => ({
      needId: need.id,
      needText: need.text,
      needLanguage: need.language,
      needTags: need.tags,
      itemId,
      decision: (need.judgments[itemId] ?? 0) >= 2 ? 'accepted' : 'dismissed',
    })),
  );
}

/**
 * The set scored with the other needs' simulated decisions as evidence (leave one out: a need's
 * own decisions never count for itself, so each need learns only from the rest of the set).
 */
export function evaluateWithFeedback(
  set: LabelledSet,
  items: readonly KnowledgeDoc[] = DEMO_ITEMS,
): Score & { runs: Run[] } {
  const matcher = createMatcher(items, BUILT_IN_GLOSSARY, {
    feedback: simulatedDecisions(set, items),
  });
  const runs = set.needs.map((n) => ({
    need: n,
    ranked: matcher
      .rankForNeed({ id: n.id, text: n.text, tags: n.tags, language: n.language }, 10)
      .map((r) => r.id),
  }));
  return { ...score(runs), runs };
}

export function score(runs: readonly Run[]): Score {
  return {
    ndcg: mean(runs.map((r) => ndcgAt(r.ranked, r.need.judgments, 5))),
    mrr: mean(runs.map((r) => reciprocalRank(r.ranked, r.need.judgments))),
    p3: mean(runs.map((r) => precisionAt(r.ranked, r.need.judgments, 3))),
  };
}

/** Whether every item graded 2 or more for the need is in the other language. */
export function answeredOnlyInOtherLanguage(need: Labelled): boolean {
  return Object.entries(need.judgments)
    .filter(([, g]) => g >= 2)
    .every(([key]) => DEMO_KNOWLEDGE.find((k) => k.key === key)?.language !== need.language);
}

/** The set's score, and the scores on its needs without shared words and across languages. */
export function breakdown(runs: readonly Run[]): { label: string; count: number; score: Score }[] {
  const parts = [
    { label: 'all needs', runs },
    {
      label: 'no word shared with the answering items',
      runs: runs.filter((r) => sharedWords(r.need).length === 0),
    },
    {
      label: 'answered only in the other language',
      runs: runs.filter((r) => answeredOnlyInOtherLanguage(r.need)),
    },
  ];
  return parts.map((p) => ({ label: p.label, count: p.runs.length, score: score(p.runs) }));
}

export const formatScore = (s: Score) =>
  `nDCG@5 ${s.ndcg.toFixed(3)}   MRR ${s.mrr.toFixed(3)}   P@3 ${s.p3.toFixed(3)}`;

// ── shared vocabulary between a need and the items that answer it ──────────────────────────────

/** Function words only: articles, pronouns, prepositions, conjunctions, auxiliaries, question words. */
const STOP_WORDS = new Set(
  // English
  (
    'a an the and or but if of to in on at by for from with without about as into than then so too ' +
    'very i me my mine you your yours we our us they them their it its he she his her this that ' +
    'these those is are am was were be been being do does did doesn don didn have has had hasn ' +
    'haven can could will would shall should may might must not no what which who whom how when ' +
    'where why there here just also only any some all re ll ve isn aren won ' +
    // German
    'der die das den dem des ein eine einen einem einer eines und oder aber ich du er sie es wir ' +
    'ihr mich mir dich dir sich uns euch mein meine meinen meiner meinem meines dein deine unser ' +
    'unsere euer eure eurer eurem euren ist sind bin bist war waren wird werden wurde hat habe ' +
    'hast haben hab kann kannst können muss musst müssen soll sollte sollten darf will wie was ' +
    'wer wo wann warum welche welcher welches welchen mit ohne für von vom zu zum zur im in ins ' +
    'am an auf aufs aus bei beim nach vor über unter um bis seit durch gegen als wenn dass ob so ' +
    'auch noch nur schon sehr nicht kein keine man da dann denn doch ja nein'
  ).split(' '),
);

/** Lower-cased words of two letters or more, without function words. */
export function contentWords(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 1 && !STOP_WORDS.has(w)),
  );
}

const itemWords = (key: string) => {
  const k = DEMO_KNOWLEDGE.find((d) => d.key === key);
  return k ? contentWords([k.title, k.summary, ...k.tags].join(' ')) : new Set<string>();
};

/**
 * The words a need shares with the items graded 2 or more for it. `parts` also counts a word of
 * five letters or more inside a longer one ("Linsen" in "Kontaktlinsen", "border" in "borders").
 */
export function sharedWords(need: Labelled, { parts = false } = {}): string[] {
  const mine = contentWords([need.text, ...need.tags].join(' '));
  const theirs = new Set(
    Object.entries(need.judgments)
      .filter(([, g]) => g >= 2)
      .flatMap(([key]) => [...itemWords(key)]),
  );
  const linked = (a: string, b: string) =>
    a === b || (parts && ((a.length >= 5 && b.includes(a)) || (b.length >= 5 && a.includes(b))));
  return [...mine].filter((w) => [...theirs].some((t) => linked(w, t)));
}

/** Share of a set's needs that have no content word in common with the items that answer them. */
export function shareWithoutSharedWords(needs: readonly Labelled[], options = {}): number {
  return (
    needs.filter((n) => sharedWords(n, options).length === 0).length / Math.max(1, needs.length)
  );
}
