import { RE2JS } from 're2js';
import { Automaton } from './automaton';
import {
  INFLECTION,
  originalSpan,
  plainLayers,
  regexViews,
  skeleton,
  skeletonLayer,
  wordIndex,
  type Layer,
  type WordIndex,
} from './normalize';
import { regexFacts } from './regex-facts';
import { DEFAULT_FIGURE_WINDOW, type RuleKind, type RuleSeverity } from './vocabulary';

/**
 * The disclosure engine: decides whether a text may go public under a set of rules.
 *
 * All term, phrase and figure patterns go into one Aho–Corasick automaton over the text's
 * skeleton (see normalize.ts), so the text is read once however many rules there are; each hit
 * is then verified against its rule (word boundaries, inflection, exceptions, money nearby).
 * Regex rules run with RE2's linear-time engine (re2js) on the plain layer, behind a prefilter:
 * the literal text every match of a pattern contains (regex-facts.ts), all looked for in one more
 * automaton pass; a pattern whose literals are not all there cannot match and is not run.
 */

export type DisclosureRule = {
  id: string;
  name?: string;
  category?: string;
  severity: RuleSeverity;
  kind: RuleKind;
  patterns: string[];
  exceptions?: string[];
  window?: number;
  message?: string;
};

export type Finding = {
  ruleId: string;
  severity: RuleSeverity;
  /** offsets into the original text */
  start: number;
  end: number;
  excerpt: string;
  message?: string;
};

export type Decision = 'allow' | 'warn' | 'block';
export type Verdict = { decision: Decision; findings: Finding[] };

export class RuleCompileError extends Error {
  constructor(
    readonly ruleId: string,
    message: string,
  ) {
    super(message);
  }
}

type Entry =
  | { type: 'term'; rule: number; pattern: string }
  | { type: 'phrase'; rule: number; words: string[] }
  | { type: 'figure'; rule: number; pattern: string };

type CompiledRegex = { rule: number; re: RE2JS; literals: number[] };

export type CompiledRules = {
  rules: DisclosureRule[];
  /** the skeletons of term, phrase (first word) and figure patterns */
  automaton: Automaton | null;
  /** per keyword of the automaton: what it stands for */
  entries: Entry[][];
  exceptions: string[][];
  regexes: CompiledRegex[];
  /** the literals of all regexes, case-folded */
  literals: Automaton | null;
  /** the words of term, phrase and figure patterns, to join words split in a text */
  words: WordIndex | null;
};

export function compileRules(rules: readonly DisclosureRule[]): CompiledRules {
  const keywords = new Map<string, Entry[]>();
  const add = (key: string, entry: Entry) => {
    if (!key) return;
    const list = keywords.get(key) ?? [];
    list.push(entry);
    keywords.set(key, list);
  };
  const regexes: CompiledRegex[] = [];
  const literalIds = new Map<string, number>();
  const exceptions: string[][] = [];
  const words = new Set<string>();
  rules.forEach((rule, index) => {
    exceptions.push((rule.exceptions ?? []).map(skeleton).filter(Boolean));
    for (const raw of rule.patterns) {
      if (rule.kind === 'regex') {
        let re: RE2JS;
        try {
          re = RE2JS.compile(raw, RE2JS.CASE_INSENSITIVE);
        } catch (error) {
          throw new RuleCompileError(
            rule.id,
            `rule ${rule.id}: the pattern ${JSON.stringify(raw)} is not valid RE2 syntax (${error instanceof Error ? error.message : String(error)})`,
          );
        }
        const facts = regexFacts(raw);
        // an empty match is a match: such a pattern would flag every text
        if (facts.matchesEmpty || re.matcher('').find())
          throw new RuleCompileError(
            rule.id,
            `rule ${rule.id}: the pattern ${JSON.stringify(raw)} matches the empty string, so it would flag every text`,
          );
        const literals = facts.literals.map((l) => {
          let id = literalIds.get(l);
          if (id === undefined) literalIds.set(l, (id = literalIds.size));
          return id;
        });
        regexes.push({ rule: index, re, literals });
        continue;
      }
      const sk = skeleton(raw);
      if (!sk) continue;
      for (const w of sk.split(' ')) words.add(w);
      if (rule.kind === 'phrase') {
        const phraseWords = sk.split(' ');
        add(phraseWords[0] as string, { type: 'phrase', rule: index, words: phraseWords });
        // the phrase written as one word (#ProjektFalke) starts with the same letters
      } else if (rule.kind === 'figure') {
        add(sk, { type: 'figure', rule: index, pattern: sk });
      } else {
        add(sk, { type: 'term', rule: index, pattern: sk });
      }
    }
  });
  const keys = [...keywords.keys()];
  return {
    rules: [...rules],
    automaton: keys.length ? new Automaton(keys) : null,
    entries: keys.map((k) => keywords.get(k) as Entry[]),
    exceptions,
    regexes,
    literals: literalIds.size ? new Automaton([...literalIds.keys()], { caseFold: true }) : null,
    words: wordIndex(words),
  };
}

const isWordChar = (c: string | undefined) => c !== undefined && c !== ' ';

/** The rest of the word after position `at` in the skeleton. */
function restOfWord(text: string, at: number): string {
  let end = at;
  while (end < text.length && isWordChar(text[end])) end++;
  return text.slice(at, end);
}

/**
 * A term inside a word: as the word itself, inflected, or as part of a compound (Jahresumsatz,
 * Umsatzziele). A rest of one or two letters that is no inflection ending means another word
 * (Umsetzung is not Umsatz; erlosch is not Erlös).
 */
function termFits(text: string, start: number, length: number): boolean {
  const rest = restOfWord(text, start + length);
  // digits right after the word end it ("Umsatz24", "Falke2027")
  return INFLECTION.has(rest) || rest.length >= 3 || isDigitChar(rest[0]);
}

const isDigitChar = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

const ENDINGS_LONGEST_FIRST = [...INFLECTION].sort((a, b) => b.length - a.length);

/** A phrase's words in order, each maybe inflected, separated by one space or joined. */
function phraseEnd(text: string, start: number, words: readonly string[]): number | null {
  let at = start;
  for (let w = 0; w < words.length; w++) {
    const word = words[w] as string;
    if (!text.startsWith(word, at)) return null;
    at += word.length;
    const last = w === words.length - 1;
    // an inflection ending, then the next word (after a space, or joined) or the end of the word
    let matched = false;
    for (const ending of ENDINGS_LONGEST_FIRST) {
      if (ending && !text.startsWith(ending, at)) continue;
      const after = at + ending.length;
      if (last) {
        if (!isWordChar(text[after]) || isDigitChar(text[after])) {
          at = after;
          matched = true;
          break;
        }
      } else {
        const next = words[w + 1] as string;
        if (
          text.startsWith(next, after) ||
          (text[after] === ' ' && text.startsWith(next, after + 1))
        ) {
          at = text[after] === ' ' && !text.startsWith(next, after) ? after + 1 : after;
          matched = true;
          break;
        }
      }
    }
    if (!matched) return null;
  }
  return at;
}

const NUMBER = String.raw`\d{1,3}(?:[ .,'\u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?`;
const CURRENCY = String.raw`€|\$|£|CHF|EUR|USD|GBP|Euro|Euros|Dollar|Dollars|Franken|Pfund`;
const SCALE = String.raw`Mio\.?|Mrd\.?|Millionen|Million|Millions|Milliarden|Milliarde|Billionen|Billion|Billions|Tsd\.?|Tausend|thousand|bn|mn|m|k|K|M|Mn|Bn`;
// a money amount: a number with a currency before or after it, or with a scale word
const MONEY = new RegExp(
  String.raw`(?:(?:${CURRENCY})\s?(?:${NUMBER})\s?(?:${SCALE})?(?![\p{L}\d])|(?<![\p{L}\d])(?:${NUMBER})\s?(?:(?:${SCALE})\s?(?:${CURRENCY})?|(?:${CURRENCY}))(?![\p{L}\d]))`,
  'giu',
);

export function moneySpans(plain: Layer): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of plain.text.matchAll(MONEY)) {
    const text = m[0].trim();
    if (!text) continue;
    // a bare number with a one-letter scale ("5 m") is a distance more often than money
    if (/^[\d.,\s]+(m|k|M|K)$/.test(text) && !/[€$£]/.test(text)) continue;
    spans.push(originalSpan(plain, m.index, m.index + m[0].trimEnd().length));
  }
  return spans;
}

function severityRank(s: RuleSeverity) {
  return s === 'block' ? 2 : 1;
}

/** The index of the last value at or below `value` in an ascending list; -1 when there is none. */
function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Checks a text against compiled rules. Findings are sorted by position, one per rule and span. */
export function checkText(compiled: CompiledRules, original: string): Verdict {
  const found: Finding[] = [];
  const seen = new Set<string>();
  const emit = (ruleIndex: number, start: number, end: number) => {
    const rule = compiled.rules[ruleIndex] as DisclosureRule;
    const key = `${ruleIndex}:${start}:${end}`;
    if (seen.has(key)) return;
    seen.add(key);
    found.push({
      ruleId: rule.id,
      severity: rule.severity,
      start,
      end,
      excerpt: original.slice(start, end),
      ...(rule.message ? { message: rule.message } : {}),
    });
  };
  // the text as stored and, behind right-to-left overrides, as shown: findings of both count,
  // but what the display order finds again (a part of it) is not a second finding of its rule
  const [stored, ...shown] = plainLayers(original) as [Layer, ...Layer[]];
  if (compiled.automaton) checkSkeleton(compiled, stored, emit);
  if (compiled.regexes.length) checkRegexes(compiled, stored, emit);
  if (shown.length) {
    // per rule: the stored order's findings by start, with the furthest end reached so far
    const before = new Map<string, { starts: number[]; reach: number[] }>();
    for (const f of [...found].sort((a, b) => a.start - b.start)) {
      const spans = before.get(f.ruleId) ?? { starts: [], reach: [] };
      spans.starts.push(f.start);
      spans.reach.push(Math.max(f.end, spans.reach[spans.reach.length - 1] ?? -1));
      before.set(f.ruleId, spans);
    }
    const emitNew: Emit = (ruleIndex, start, end) => {
      const spans = before.get(compiled.rules[ruleIndex]?.id ?? '');
      const last = spans ? lastAtOrBefore(spans.starts, end - 1) : -1;
      if (!spans || last < 0 || (spans.reach[last] as number) <= start) emit(ruleIndex, start, end);
    };
    for (const plain of shown) {
      if (compiled.automaton) checkSkeleton(compiled, plain, emitNew);
      if (compiled.regexes.length) checkRegexes(compiled, plain, emitNew);
    }
  }
  found.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  const worst = found.reduce((w, f) => Math.max(w, severityRank(f.severity)), 0);
  return { decision: worst === 2 ? 'block' : worst === 1 ? 'warn' : 'allow', findings: found };
}

type Emit = (ruleIndex: number, start: number, end: number) => void;

/** Term, phrase and figure rules, on the skeleton of a plain layer. */
function checkSkeleton(compiled: CompiledRules, plain: Layer, emit: Emit) {
  const skel = skeletonLayer(plain, compiled.words);
  const text = skel.text;

  // per rule: the exceptions' spans sorted by start, with the furthest end reached so far, so a
  // hit is looked up by binary search (a long text full of exceptions stays linear, not quadratic)
  const exceptionSpans = new Map<number, { starts: number[]; reach: number[] }>();
  const covered = (ruleIndex: number, start: number, end: number) => {
    const list = compiled.exceptions[ruleIndex] ?? [];
    if (!list.length) return false;
    let spans = exceptionSpans.get(ruleIndex);
    if (!spans) {
      const found: [number, number][] = [];
      for (const x of list)
        for (let at = text.indexOf(x); at >= 0; at = text.indexOf(x, at + 1))
          found.push([at, at + x.length]);
      found.sort((a, b) => a[0] - b[0]);
      const reach: number[] = [];
      for (const [, e] of found) reach.push(Math.max(e, reach[reach.length - 1] ?? -1));
      spans = { starts: found.map(([s]) => s), reach };
      exceptionSpans.set(ruleIndex, spans);
    }
    // the last span that starts at or before the hit; covered when any span up to it reaches its end
    const last = lastAtOrBefore(spans.starts, start);
    return last >= 0 && (spans.reach[last] as number) >= end;
  };

  const figureHits: { rule: number; start: number; end: number }[] = [];
  const hits: number[] = [];
  compiled.automaton?.scan(text, (keyword, end) => hits.push(keyword, end));
  for (let h = 0; h < hits.length; h += 2) {
    const keyword = hits[h] as number;
    const hitEnd = hits[h + 1] as number;
    const hitBegin = hitEnd - (compiled.automaton?.keywords[keyword]?.length ?? 0);
    for (const entry of compiled.entries[keyword] ?? []) {
      if (entry.type === 'phrase') {
        const end = phraseEnd(text, hitBegin, entry.words);
        if (end === null) continue;
        const [s, e] = originalSpan(skel, hitBegin, end);
        emit(entry.rule, s, e);
        continue;
      }
      if (!termFits(text, hitBegin, entry.pattern.length) || covered(entry.rule, hitBegin, hitEnd))
        continue;
      const [s, e] = originalSpan(skel, hitBegin, hitEnd);
      if (entry.type === 'term') emit(entry.rule, s, e);
      else figureHits.push({ rule: entry.rule, start: s, end: e });
    }
  }

  if (figureHits.length) {
    // money spans do not overlap and come in text order: their starts and ends both ascend, so
    // each hit visits only the amounts within its window
    const money = moneySpans(plain);
    const moneyEnds = money.map(([, me]) => me);
    for (const hit of figureHits) {
      const window = compiled.rules[hit.rule]?.window ?? DEFAULT_FIGURE_WINDOW;
      for (let k = lastAtOrBefore(moneyEnds, hit.start - window - 1) + 1; k < money.length; k++) {
        const [ms, me] = money[k] as [number, number];
        if (ms > hit.end + window) break;
        const gap = ms >= hit.end ? ms - hit.end : hit.start >= me ? hit.start - me : 0;
        if (gap <= window) emit(hit.rule, Math.min(ms, hit.start), Math.max(me, hit.end));
      }
    }
  }
}

/**
 * Regex rules, on each regex view of a plain layer (regexViews): every match RE2 finds is a
 * finding, an empty one too. A pattern runs only where all of its literals occur.
 */
function checkRegexes(compiled: CompiledRules, plain: Layer, emit: Emit) {
  for (const view of regexViews(plain)) {
    const text = view.text;
    let present: Uint8Array | null = null;
    if (compiled.literals) {
      const seen = new Uint8Array(compiled.literals.keywords.length);
      compiled.literals.scan(text, (literal) => (seen[literal] = 1));
      present = seen;
    }
    for (const { rule, re, literals } of compiled.regexes) {
      if (present && !literals.every((l) => present[l])) continue;
      const m = re.matcher(text);
      let from = 0;
      while (from <= text.length && m.find(from)) {
        const s = m.start();
        const e = m.end();
        const [os, oe] = originalSpan(view, s, e);
        emit(rule, os, oe);
        from = e > s ? e : e + 1;
      }
    }
  }
}

/** Compiles and checks in one go (for a single text; reuse compileRules for many). */
export function checkDisclosure(rules: readonly DisclosureRule[], text: string): Verdict {
  return checkText(compileRules(rules), text);
}
