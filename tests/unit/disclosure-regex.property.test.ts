import fc from 'fast-check';
import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { checkDisclosure, compileRules, RuleCompileError } from '~/domain/disclosure/engine';
import { plainLayers, regexViews } from '~/domain/disclosure/normalize';
import { regexFacts } from '~/domain/disclosure/regex-facts';

/**
 * A regex rule decides exactly as RE2 does: for random RE2 patterns (repetitions, classes,
 * escapes, anchors, alternatives, groups, case flags) and texts built around strings they match,
 * the engine blocks a text if and only if RE2 finds a match in one of the text's regex views.
 * This holds the prefilter (regex-facts.ts) to its promise: it may skip RE2 only where RE2
 * would find nothing.
 */

type Regex =
  | { kind: 'char'; ch: string }
  | { kind: 'class'; source: string; examples: string[] }
  | { kind: 'dot' }
  | { kind: 'escape'; letter: 'd' | 'w' | 's' | 'b' }
  | { kind: 'anchor'; source: '^' | '$' }
  | { kind: 'seq'; items: Regex[] }
  | { kind: 'alt'; alts: Regex[] }
  | { kind: 'group'; body: Regex; capture: boolean }
  | { kind: 'flags'; body: Regex }
  | { kind: 'repeat'; body: Regex; min: number; max: number; source: string };

const META = new Set([...'\\.+*?()|[]{}^$']);
// letters (some with case partners outside ASCII: k/K Kelvin, s/ſ), digits, umlauts, punctuation
const LITERALS = [...'aAbekKLmnoPrsStuxzZ019äöüÄßé-.:/#@,_ '];
const CLASSES: { source: string; examples: string[] }[] = [
  { source: '[a-z]', examples: ['a', 'q', 'Z'] },
  { source: '[^a-z]', examples: ['1', '-', 'ä', ' '] },
  { source: '[0-9]', examples: ['0', '7', '٣'] },
  { source: '[^0-9 ]', examples: ['x', '-'] },
  { source: '[aeiou]', examples: ['e', 'O'] },
  { source: '[äöü]', examples: ['ä', 'Ü'] },
  { source: '[a-c-]', examples: ['b', '-'] },
  { source: '[\\-.]', examples: ['-', '.'] },
  { source: '[[:alpha:]]', examples: ['k'] },
  { source: '[^ks]', examples: ['t', 'ſ'] },
];
const ESCAPE_EXAMPLES = { d: ['4', '٧', '０'], w: ['w', '_', '9'], s: [' ', '\n'], b: [''] };
const ANY = ['x', 'Q', '1', '-', 'ä', ' '];

/** An atom that a repetition may follow. */
const repeatable = (r: Regex) =>
  r.kind === 'char' ||
  r.kind === 'class' ||
  r.kind === 'dot' ||
  (r.kind === 'escape' && r.letter !== 'b') ||
  r.kind === 'group';

const { regex } = fc.letrec<{ regex: Regex; atom: Regex; piece: Regex }>((tie) => ({
  atom: fc.oneof(
    {
      arbitrary: fc.constantFrom(...LITERALS).map((ch): Regex => ({ kind: 'char', ch })),
      weight: 8,
    },
    {
      arbitrary: fc.constantFrom(...CLASSES).map((c): Regex => ({ kind: 'class', ...c })),
      weight: 2,
    },
    { arbitrary: fc.constant<Regex>({ kind: 'dot' }), weight: 1 },
    {
      arbitrary: fc
        .constantFrom('d' as const, 'w' as const, 's' as const, 'b' as const)
        .map((letter): Regex => ({ kind: 'escape', letter })),
      weight: 2,
    },
    {
      arbitrary: fc
        .constantFrom('^' as const, '$' as const)
        .map((source): Regex => ({ kind: 'anchor', source })),
      weight: 1,
    },
    {
      arbitrary: fc
        .tuple(tie('regex'), fc.boolean())
        .map(([body, capture]): Regex => ({ kind: 'group', body, capture })),
      weight: 1,
    },
  ),
  piece: fc
    .tuple(
      tie('atom'),
      fc.oneof(
        { arbitrary: fc.constant(null), weight: 6 },
        {
          arbitrary: fc.constantFrom(
            { source: '?', min: 0, max: 1 },
            { source: '*', min: 0, max: 3 },
            { source: '+', min: 1, max: 3 },
            { source: '{2}', min: 2, max: 2 },
            { source: '{0,2}', min: 0, max: 2 },
            { source: '{1,3}', min: 1, max: 3 },
            { source: '{2,}', min: 2, max: 4 },
            { source: '{1}', min: 1, max: 1 },
            { source: '+?', min: 1, max: 2 },
          ),
          weight: 3,
        },
      ),
    )
    .map(([atom, q]): Regex =>
      q && repeatable(atom) ? { kind: 'repeat', body: atom, ...q } : atom,
    ),
  regex: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    {
      arbitrary: fc
        .array(tie('piece'), { minLength: 1, maxLength: 6 })
        .map((items): Regex => ({ kind: 'seq', items })),
      weight: 6,
    },
    {
      arbitrary: fc
        .array(tie('piece'), { minLength: 2, maxLength: 3 })
        .map((alts): Regex => ({ kind: 'alt', alts })),
      weight: 1,
    },
    { arbitrary: tie('piece').map((body): Regex => ({ kind: 'flags', body })), weight: 1 },
  ),
}));

function source(r: Regex): string {
  switch (r.kind) {
    case 'char':
      return META.has(r.ch) ? `\\${r.ch}` : r.ch;
    case 'class':
      return r.source;
    case 'dot':
      return '.';
    case 'escape':
      return `\\${r.letter}`;
    case 'anchor':
      return r.source;
    case 'seq':
      return r.items.map(source).join('');
    case 'alt':
      return r.alts.map(source).join('|');
    case 'group':
      return `(${r.capture ? '' : '?:'}${source(r.body)})`;
    case 'flags':
      return `(?i)${source(r.body)}`;
    case 'repeat':
      return source(r.body) + r.source;
  }
}

/** A string the pattern (probably) matches, choices made by `pick`. */
function example(r: Regex, pick: (n: number) => number): string {
  switch (r.kind) {
    case 'char':
      // letter case does not matter to the rules
      return pick(3) === 0 ? r.ch.toUpperCase() : r.ch;
    case 'class':
      return r.examples[pick(r.examples.length)] as string;
    case 'dot':
      return ANY[pick(ANY.length)] as string;
    case 'escape': {
      const list = ESCAPE_EXAMPLES[r.letter];
      return list[pick(list.length)] as string;
    }
    case 'anchor':
      return '';
    case 'seq':
      return r.items.map((x) => example(x, pick)).join('');
    case 'alt':
      return example(r.alts[pick(r.alts.length)] as Regex, pick);
    case 'group':
    case 'flags':
      return example(r.body, pick);
    case 'repeat': {
      const times = r.min + pick(r.max - r.min + 1);
      let out = '';
      for (let k = 0; k < times; k++) out += example(r.body, pick);
      return out;
    }
  }
}

// what surrounds a match in real texts, and what the normalization rewrites
const NOISE = [
  ...'abcxyzKSäöüÄÖÜß0123456789-–.,:;/ \n',
  ' ',
  '\u00a0',
  '\u202f',
  '\u00ad',
  'ſ',
  'K',
  'ﬁ',
  '٣',
  'Ｋ',
  '&amp;',
  '&#107;',
  '%2D',
  '<b>',
  '<p>',
  'Umsatz',
  'KD-',
  '\u202e',
  '\u202c',
];

const textFor = (r: Regex) =>
  fc
    .tuple(
      fc.array(fc.constantFrom(...NOISE), { maxLength: 6 }),
      fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
      fc.array(fc.constantFrom(...NOISE), { maxLength: 6 }),
      fc.boolean(),
    )
    .map(([before, choices, after, withExample]) => {
      let at = 0;
      const pick = (n: number) => (n <= 1 ? 0 : (choices[at++ % choices.length] as number) % n);
      return before.join('') + (withExample ? example(r, pick) : '') + after.join('');
    });

/** RE2 on each regex view of the text: a match, and whether the first one found is empty. */
function re2Finds(pattern: string, text: string): { match: boolean; empty: boolean } {
  const re = RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
  for (const plain of plainLayers(text))
    for (const view of regexViews(plain)) {
      const m = re.matcher(view.text);
      if (m.find()) return { match: true, empty: m.start() === m.end() };
    }
  return { match: false, empty: false };
}

describe('regex rules decide as RE2 does', () => {
  it('blocks a text exactly when RE2 finds a match in its normalized views', () => {
    let refused = 0;
    let matched = 0;
    fc.assert(
      fc.property(
        regex.chain((r) => fc.tuple(fc.constant(source(r)), textFor(r))),
        ([pattern, text]) => {
          try {
            RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
          } catch {
            return; // the grammar stays inside RE2's syntax; this is only a guard
          }
          const rules = [
            { id: 'R', severity: 'block' as const, kind: 'regex' as const, patterns: [pattern] },
          ];
          try {
            compileRules(rules);
          } catch (error) {
            expect(error).toBeInstanceOf(RuleCompileError);
            expect(regexFacts(pattern).matchesEmpty).toBe(true);
            refused++;
            return;
          }
          const expected = re2Finds(pattern, text);
          // a pattern that is not refused never matches the empty string
          expect(expected.empty).toBe(false);
          if (expected.match) matched++;
          expect(checkDisclosure(rules, text).decision).toBe(expected.match ? 'block' : 'allow');
        },
      ),
      { numRuns: 1000 },
    );
    // the generator reaches both sides of the question
    expect(matched).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(0);
  });
});

describe('the literals a regex requires', () => {
  it.each([
    ['Lieferanten?preise', ['lieferante', 'preise']],
    ['Werk\\-Nord', ['werk-nord']],
    ['^Intern:', ['intern:']],
    ['Pro.ekt', ['pro', 'ekt']],
    ['KD-[0-9]{6}', ['kd-']],
    ['ab+c', ['ab', 'c']],
    ['x*yz', ['yz']],
    ['(?:Falke){1}n', ['falken']],
    ['(Falke)+n', ['falke', 'n']],
    ['Umsätze', ['ums', 'tze']],
    ['Stra(ss|ß)e', ['stra', 'e']],
    ['a|b', []],
    ['\\Qa.b\\E', []],
    ['a{,2}', []],
  ])('%s → %j', (pattern, literals) => {
    expect([...regexFacts(pattern).literals].sort()).toEqual([...literals].sort());
  });

  it('knows which patterns match the empty string', () => {
    for (const p of ['', 'a*', '(a|)', '^', '\\b', 'x?', '(?i)', '(?:ab)*', 'a{0}'])
      expect(regexFacts(p).matchesEmpty, p).toBe(true);
    for (const p of ['a', 'a+', '\\d', '.', '(a|b)', '^a', 'x?y', '\\bword\\b'])
      expect(regexFacts(p).matchesEmpty, p).toBe(false);
  });
});
