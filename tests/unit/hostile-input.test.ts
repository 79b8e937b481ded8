import fs from 'node:fs';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { DeleteSchema } from '~/forms/delete';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { calendarQueryToSearch, isDay, parseCalendarQuery } from '~/domain/calendar/calendar-query';
import { deriveDeadlines } from '~/domain/calendar/deadlines';
import {
  fromLocalInput,
  localDay,
  monthGrid,
  shiftAnchor,
  toLocalInput,
  weekGrid,
} from '~/domain/calendar/grid';
import { buildFeed, type FeedPiece } from '~/domain/calendar/ical';
import { CHANNELS, PIECE_STATUSES } from '~/domain/calendar/vocabulary';
import {
  checkDisclosure,
  checkText,
  compileRules,
  RuleCompileError,
  type DisclosureRule,
  type Verdict,
} from '~/domain/disclosure/engine';
import { plainLayer, skeleton, skeletonLayer, type Layer } from '~/domain/disclosure/normalize';
import {
  DEFAULT_QUERY,
  inventoryQueryToSearch,
  PAGE_SIZES,
  parseInventoryQuery,
} from '~/domain/knowledge/inventory-query';
import { suggestLanguage } from '~/domain/knowledge/language';
import { MAX_TAG_LENGTH, normalizeTag, parseTags } from '~/domain/knowledge/tags';
import { KNOWLEDGE_STATUSES } from '~/domain/knowledge/vocabulary';
import { availableActions, KNOWLEDGE_ACTIONS, transition } from '~/domain/knowledge/workflow';
import { editDistance, foldText, splitCompound, stem, words } from '~/domain/matching/analyze';
import { createMatcher, type KnowledgeDoc, type NeedDoc } from '~/domain/matching/engine';
import {
  BUILT_IN_GLOSSARY,
  conceptKey,
  parseTermLines,
  type GlossaryEntry,
} from '~/domain/matching/glossary';
import en from '~/locales/en.json';
import { parseImportFile } from '~/models/knowledge-import.server';
import { AudienceFormSchema, NeedFormSchema } from '~/forms/audience';
import { formDataToObject, parseForm } from '~/utils/forms';
import { GlossaryFormSchema } from '~/forms/glossary';
import { TechnographicsFormSchema } from '~/forms/technographics';
import { BulkSchema, KnowledgeFormSchema, ReviewSchema } from '~/forms/knowledge';
import { CommentSchema, pieceFormSchema, TransitionSchema } from '~/forms/piece';
import { RuleFormSchema } from '~/forms/rule.server';
import { parseRuleSet } from '~/utils/ruleset.server';
import { EditUserSchema, NewUserSchema } from '~/utils/user-validation.server';

/**
 * The pure parts of Lotse read whatever people (or scripts) send: these properties feed them
 * hostile input — control characters, broken UTF-16, invisible and right-to-left characters,
 * markup fragments, texts of up to a megabyte, values of the wrong type — and require a verdict
 * every time: no exception, and no call slower than a generous bound (which catches quadratic
 * blow-ups long before anything hangs). fast-check prints the smallest failing input.
 */

const TZ = 'Europe/Berlin';
// bounds per call: generous on a shared two-core machine, far below what a blow-up costs
const SMALL_MS = 2_000;
const HUGE_MS = 6_000;

function timed<T>(limitMs: number, what: string, run: () => T): T {
  const started = performance.now();
  const result = run();
  const ms = performance.now() - started;
  if (ms > limitMs) throw new Error(`${what} took ${ms.toFixed(0)} ms (bound ${limitMs} ms)`);
  return result;
}

const char = (code: number) => String.fromCharCode(code);
const INVISIBLES = [
  '\u00ad', // soft hyphen
  '\u034f',
  '\u061c', // Arabic letter mark
  '\u180e',
  '\u200b', // zero-width space
  '\u200c', // zero-width non-joiner
  '\u200d', // zero-width joiner
  '\u200e', // left-to-right mark
  '\u200f', // right-to-left mark
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e', // right-to-left override
  '\u2060', // word joiner
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\ufe0f',
  '\ufeff', // byte order mark
];
const invisible = fc.constantFrom(...INVISIBLES);
const controlChar = fc
  .oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f }))
  .map(char);
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map(char);
const combiningMark = fc.integer({ min: 0x300, max: 0x36f }).map(char);
const rightToLeft = fc
  .oneof(fc.integer({ min: 0x5d0, max: 0x5ea }), fc.integer({ min: 0x621, max: 0x64a }))
  .map(char);
const markup = fc.constantFrom(
  '<',
  '>',
  '&',
  '%',
  ';',
  '#',
  '<b>',
  '</p>',
  '<br/>',
  '<!--',
  '-->',
  '&amp;',
  '&#x',
  '&#0;',
  '&#1114112;',
  '&#xD800;',
  '&shy;',
  '&auml;',
  '%C3',
  '%A4',
  '%E2%80%8B',
  '%00',
  '%FF',
  '%2D',
  '*',
  '_',
  '~',
  '`',
  '-\n',
  '\r\n',
  '\t',
  '  ',
);
const wordish = fc.constantFrom(
  'Umsatz',
  'umsätze',
  'Projekt',
  'Falke',
  'Gehalt',
  'revenue',
  'strategy meeting',
  '€',
  '5',
  ' Mio',
  '1.000',
  'ß',
  'ẞ',
  'İ',
  'ﬁ',
  'Ａ',
  'а',
  'KD-',
  'Kontaktlinsenpflege',
);
/** One piece of a hostile text. */
const hostileUnit = fc.oneof(
  { arbitrary: fc.string({ minLength: 1, maxLength: 1 }), weight: 6 },
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 3 },
  { arbitrary: controlChar, weight: 1 },
  { arbitrary: loneSurrogate, weight: 1 },
  { arbitrary: invisible, weight: 1 },
  { arbitrary: combiningMark, weight: 1 },
  { arbitrary: rightToLeft, weight: 1 },
  { arbitrary: markup, weight: 2 },
  { arbitrary: wordish, weight: 2 },
);
const hostileText = (maxLength = 200) => fc.string({ unit: hostileUnit, maxLength });
/** A hostile text repeated up to a size between 100 KB and 1 MB (cut anywhere, even mid-pair). */
const hugeText = fc
  .tuple(
    fc.string({ unit: hostileUnit, minLength: 1, maxLength: 30 }),
    fc.integer({ min: 100_000, max: 1_000_000 }),
  )
  .map(([seed, size]) => seed.repeat(Math.ceil(size / seed.length)).slice(0, size));

// ---------------------------------------------------------------------------------------------
// disclosure

const fixture = JSON.parse(fs.readFileSync('tests/fixtures/disclosure-cases.json', 'utf8')) as {
  rules: DisclosureRule[];
};
const compiledFixture = compileRules(fixture.rules);

/** A layer maps every character back to a span of the original text. */
function checkLayer(layer: Layer, original: string) {
  if (layer.starts.length !== layer.text.length || layer.ends.length !== layer.text.length)
    throw new Error('a layer has a span for every character');
  for (let k = 0; k < layer.text.length; k++) {
    const s = layer.starts[k] as number;
    const e = layer.ends[k] as number;
    if (!(s >= 0 && s <= e && e <= original.length))
      throw new Error(`character ${k} maps to [${s}, ${e}) outside the text`);
  }
}

/** A verdict is well-formed: a decision that follows from the findings, spans inside the text. */
function checkVerdict(verdict: Verdict, text: string) {
  if (!['allow', 'warn', 'block'].includes(verdict.decision))
    throw new Error(`decision ${verdict.decision}`);
  let worst: Verdict['decision'] = 'allow';
  for (const f of verdict.findings) {
    if (!(f.start >= 0 && f.start <= f.end && f.end <= text.length))
      throw new Error(`finding [${f.start}, ${f.end}) outside a text of ${text.length}`);
    if (f.excerpt !== text.slice(f.start, f.end)) throw new Error('excerpt is not the span');
    if (f.severity === 'block') worst = 'block';
    else if (worst === 'allow') worst = 'warn';
  }
  if (verdict.decision !== worst)
    throw new Error(`decision ${verdict.decision}, findings say ${worst}`);
}

const ruleArb: fc.Arbitrary<DisclosureRule> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 8 }),
  severity: fc.constantFrom('block' as const, 'warn' as const),
  kind: fc.constantFrom('term' as const, 'phrase' as const, 'figure' as const, 'regex' as const),
  patterns: fc.array(hostileText(24), { minLength: 1, maxLength: 4 }),
  exceptions: fc.option(fc.array(hostileText(24), { maxLength: 3 }), { nil: undefined }),
  window: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: undefined }),
});

describe('disclosure normalization on hostile text', () => {
  it('maps every character of both layers back into the original', () => {
    fc.assert(
      fc.property(hostileText(400), (text) => {
        const plain = timed(SMALL_MS, 'plainLayer', () => plainLayer(text));
        checkLayer(plain, text);
        const skel = timed(SMALL_MS, 'skeletonLayer', () => skeletonLayer(plain));
        checkLayer(skel, text);
        // the skeleton is lower case, and nothing of the invisible characters survives
        expect(skel.text).toBe(skel.text.toLowerCase());
        for (const ch of INVISIBLES) expect(plain.text).not.toContain(ch);
        expect(typeof skeleton(text)).toBe('string');
      }),
      { numRuns: 300 },
    );
  });

  it('maps the separators of text that follows out of order (an empty comment) inside it', () => {
    // found by the property above: the comment's line comes after the text, so a run of
    // separators joins characters of the plain layer whose spans are not in order
    for (const text of ['<!---->', 'a<!---->b', '<!-- -->\n<!---->']) {
      const plain = plainLayer(text);
      checkLayer(plain, text);
      checkLayer(skeletonLayer(plain), text);
    }
  });

  it('normalizes texts of up to a megabyte in bounded time', () => {
    fc.assert(
      fc.property(hugeText, (text) => {
        const plain = timed(HUGE_MS, 'plainLayer', () => plainLayer(text));
        timed(HUGE_MS, 'skeletonLayer', () => skeletonLayer(plain));
      }),
      { numRuns: 5 },
    );
  });
});

describe('the disclosure check on hostile text', () => {
  it('gives a well-formed verdict for any text', () => {
    fc.assert(
      fc.property(hostileText(400), (text) => {
        checkVerdict(
          timed(SMALL_MS, 'checkText', () => checkText(compiledFixture, text)),
          text,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('compiles any rule set (only a bad regex is refused, by name) and checks with it', () => {
    fc.assert(
      fc.property(fc.array(ruleArb, { maxLength: 6 }), hostileText(300), (rules, text) => {
        let compiled;
        try {
          compiled = timed(SMALL_MS, 'compileRules', () => compileRules(rules));
        } catch (error) {
          expect(error).toBeInstanceOf(RuleCompileError);
          expect(rules.some((r) => r.kind === 'regex')).toBe(true);
          return;
        }
        checkVerdict(
          timed(SMALL_MS, 'checkText', () => checkText(compiled, text)),
          text,
        );
      }),
      { numRuns: 200 },
    );
  });

  it('checks texts of up to a megabyte in bounded time', () => {
    fc.assert(
      fc.property(hugeText, (text) => {
        checkVerdict(
          timed(HUGE_MS, 'checkText', () => checkText(compiledFixture, text)),
          text,
        );
      }),
      { numRuns: 6 },
    );
  });

  // inputs that once made the check quadratic or are expensive to decode, at a megabyte each
  const MB = 1_000_000;
  const fill = (seed: string) => seed.repeat(Math.ceil(MB / seed.length)).slice(0, MB);
  it.each([
    ['a rule term inside an exception, again and again', 'Umsatzsteuer '],
    ['a figure pattern next to money, again and again', 'Umsatz 5 Mio € '],
    ['percent escapes that are not UTF-8', '%C3'],
    ['unterminated HTML comments', '<!--'],
    ['zero-width characters inside a term', 'U\u200bm\u200bs\u200ba\u200bt\u200bz '],
    ['lone surrogates', '\ud800a\udc00'],
    ['combining marks', 'a\u0308\u0301\u0327'],
    ['right-to-left text and overrides', '\u05d0\u05d1 \u202e\u0627 '],
    ['control characters', '\u0000\u0001\u001b\u007f\u0085'],
    ['words hyphenated across lines', 'Um-\n satz '],
  ])('stays fast on %s', (_name, seed) => {
    const text = fill(seed);
    checkVerdict(
      timed(HUGE_MS, 'checkText', () => checkText(compiledFixture, text)),
      text,
    );
  });

  // the promise of normalize.ts: invisible characters and letter case do not hide a term
  const letters = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzäöüß');
  const word = fc.string({ unit: letters, minLength: 3, maxLength: 12 });
  const disguise = (w: string) =>
    fc
      .tuple(
        fc.mixedCase(fc.constant(w)),
        fc.array(fc.array(invisible, { maxLength: 3 }), {
          minLength: w.length + 1,
          maxLength: w.length + 1,
        }),
      )
      .map(
        ([cased, gaps]) =>
          [...cased].map((c, i) => (gaps[i] ?? []).join('') + c).join('') +
          (gaps[gaps.length - 1] ?? []).join(''),
      );
  it('finds a term however its letters are cased and whatever invisible characters sit inside', () => {
    fc.assert(
      fc.property(
        word.chain((w) => fc.tuple(fc.constant(w), disguise(w))),
        ([term, disguised]) => {
          const rules: DisclosureRule[] = [
            { id: 'T', severity: 'block', kind: 'term', patterns: [term] },
          ];
          const text = `Bericht: ${disguised}, bitte prüfen.`;
          const verdict = checkDisclosure(rules, text);
          expect(verdict.decision).toBe('block');
          // the highlighted passage covers the disguised word
          const found = verdict.findings[0]!;
          expect(
            text
              .slice(found.start, found.end)
              .replace(/[^\p{L}]/gu, '')
              .toLowerCase(),
          ).toBe(disguised.replace(/[^\p{L}]/gu, '').toLowerCase());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds a two-word phrase however it is cased and split by invisible characters', () => {
    fc.assert(
      fc.property(
        fc
          .tuple(word, word)
          .chain(([a, b]) =>
            fc.tuple(
              fc.constant(`${a} ${b}`),
              disguise(a),
              disguise(b),
              fc.constantFrom(' ', '\n', '  '),
            ),
          ),
        ([phrase, a, b, gap]) => {
          const rules: DisclosureRule[] = [
            { id: 'P', severity: 'warn', kind: 'phrase', patterns: [phrase] },
          ];
          expect(checkDisclosure(rules, `Notiz: ${a}${gap}${b} folgt.`).decision).toBe('warn');
        },
      ),
      { numRuns: 200 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// matching

const docArb: fc.Arbitrary<KnowledgeDoc> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 12 }),
  title: hostileText(120),
  description: hostileText(400),
  tags: fc.array(hostileText(20), { maxLength: 8 }),
  language: fc.option(fc.constantFrom('de', 'en', ''), { nil: undefined }),
});
const needArb: fc.Arbitrary<NeedDoc> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 12 }),
  text: hostileText(300),
  tags: fc.array(hostileText(20), { maxLength: 8 }),
});
const glossaryArb: fc.Arbitrary<GlossaryEntry[]> = fc.array(
  fc.record({
    key: fc.string({ minLength: 1, maxLength: 12 }),
    terms: fc.array(
      fc.record({
        term: hostileText(30),
        language: fc.constantFrom('de' as const, 'en' as const, null),
      }),
      { maxLength: 5 },
    ),
  }),
  { maxLength: 5 },
);

function checkRanking(ranked: { id: string; score: number }[], ids: Set<string>, top: number) {
  expect(ranked.length).toBeLessThanOrEqual(top);
  for (let i = 0; i < ranked.length; i++) {
    const m = ranked[i]!;
    expect(ids.has(m.id)).toBe(true);
    expect(Number.isFinite(m.score) && m.score > 0).toBe(true);
    if (i) expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(m.score);
  }
}

describe('matching on hostile text', () => {
  it('analyzes any text into plain lower-case words', () => {
    fc.assert(
      fc.property(hostileText(300), fc.integer({ min: 0, max: 3 }), (text, max) => {
        const folded = timed(SMALL_MS, 'foldText', () => foldText(text));
        expect(folded).toMatch(/^[a-z0-9 ]*$/);
        const list = words(text);
        for (const w of list) {
          expect(w.length).toBeGreaterThan(1);
          expect(typeof stem(w, 'de')).toBe('string');
          expect(typeof stem(w, 'en')).toBe('string');
          const parts = splitCompound(w, new Set(list.map((x) => stem(x))));
          if (parts) expect(parts.every((p) => p.length > 0)).toBe(true);
        }
        const other = list[0] ?? '';
        const d = editDistance(folded.slice(0, 40), other, max);
        expect(d >= 0 && d <= max + 1).toBe(true);
        expect(editDistance(other, other, max)).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('ranks arbitrary documents for arbitrary needs, both ways', () => {
    fc.assert(
      fc.property(
        fc.array(docArb, { maxLength: 12 }),
        fc.array(needArb, { minLength: 1, maxLength: 6 }),
        glossaryArb,
        fc.integer({ min: 0, max: 20 }),
        (items, needs, glossary, top) => {
          const matcher = timed(SMALL_MS, 'createMatcher', () =>
            createMatcher(items, [...BUILT_IN_GLOSSARY, ...glossary]),
          );
          const itemIds = new Set(items.map((i) => i.id));
          const needIds = new Set(needs.map((n) => n.id));
          for (const need of needs)
            checkRanking(
              timed(SMALL_MS, 'rankForNeed', () => matcher.rankForNeed(need, top)),
              itemIds,
              top,
            );
          for (const item of items)
            checkRanking(
              timed(SMALL_MS, 'rankNeedsForItem', () =>
                matcher.rankNeedsForItem(item.id, needs, top),
              ),
              needIds,
              top,
            );
          expect(matcher.rankNeedsForItem('\u0000unknown', needs, top)).toEqual([]);
          const perItem = timed(SMALL_MS, 'rankNeedsForItems', () =>
            matcher.rankNeedsForItems(needs, top),
          );
          for (const list of perItem.values()) checkRanking(list, needIds, top);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('copes with empty documents, huge tag lists and megabyte descriptions', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000 }),
        hugeText,
        hostileText(40),
        (tagCount, huge, tag) => {
          const items: KnowledgeDoc[] = [
            { id: 'empty', title: '', description: '', tags: [] },
            {
              id: 'tags',
              title: tag,
              description: '',
              tags: Array.from({ length: tagCount }, (_, i) => `${tag}${i % 50}`),
            },
            { id: 'huge', title: 'Kontaktlinsen', description: huge, tags: [] },
          ];
          const matcher = timed(HUGE_MS, 'createMatcher', () =>
            createMatcher(items, BUILT_IN_GLOSSARY),
          );
          const needs: NeedDoc[] = [
            { id: 'empty', text: '', tags: [] },
            { id: 'huge', text: huge.slice(0, 200_000), tags: items[1]!.tags.slice(0, 5_000) },
          ];
          const ids = new Set(items.map((i) => i.id));
          for (const need of needs)
            checkRanking(
              timed(HUGE_MS, 'rankForNeed', () => matcher.rankForNeed(need, 10)),
              ids,
              10,
            );
          checkRanking(
            timed(HUGE_MS, 'rankNeedsForItem', () => matcher.rankNeedsForItem('huge', needs, 10)),
            new Set(['empty', 'huge']),
            10,
          );
        },
      ),
      { numRuns: 4 },
    );
  });

  it('reads glossary term lines and keys from any text', () => {
    fc.assert(
      fc.property(hostileText(400), (text) => {
        const terms = parseTermLines(text);
        expect(new Set(terms.map((t) => t.toLocaleLowerCase('de'))).size).toBe(terms.length);
        for (const t of terms) expect(t).toBe(t.trim());
        expect(conceptKey(text)).toMatch(/^[a-z0-9-]{1,60}$/);
      }),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// knowledge and calendar input

const paramKeys = fc.constantFrom(
  'q',
  'kind',
  'language',
  'status',
  'department',
  'expert',
  'tag',
  'sort',
  'dir',
  'page',
  'size',
  'hide',
  'view',
  'date',
  'channel',
  'audience',
  'owner',
);
const paramValue = fc.oneof(
  hostileText(300),
  fc.constantFrom('expertise', 'de', 'accepted', 'title', 'asc', '1', '25', 'week', 'blog'),
  fc.integer().map(String),
  fc.double().map(String),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);
const searchParams = fc
  .array(fc.tuple(fc.oneof(paramKeys, hostileText(10)), paramValue), { maxLength: 20 })
  .map((pairs) => new URLSearchParams(pairs));

describe('knowledge input', () => {
  it('reads any inventory URL as a valid query', () => {
    fc.assert(
      fc.property(searchParams, (params) => {
        const q = parseInventoryQuery(params);
        expect(Number.isInteger(q.page) && q.page >= 1 && q.page <= 100_000).toBe(true);
        expect(PAGE_SIZES).toContain(q.size);
        expect(['asc', 'desc']).toContain(q.dir);
        for (const key of ['q', 'department', 'expert', 'tag'] as const)
          expect(q[key].length).toBeLessThanOrEqual(200);
        // what the table links to reads back as a valid query too
        const again = parseInventoryQuery(new URLSearchParams(inventoryQueryToSearch(q)));
        expect(Object.keys(again).sort()).toEqual(Object.keys(DEFAULT_QUERY).sort());
        expect(again.sort).toBe(q.sort);
        expect(again.page).toBe(q.page);
      }),
      { numRuns: 300 },
    );
  });

  it('suggests a language or none for any text, also a megabyte of it', () => {
    fc.assert(
      fc.property(hostileText(400), (text) => {
        expect([null, 'de', 'en']).toContain(
          timed(SMALL_MS, 'suggestLanguage', () => suggestLanguage(text)),
        );
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(hugeText, (text) => {
        expect([null, 'de', 'en']).toContain(
          timed(HUGE_MS, 'suggestLanguage', () => suggestLanguage(text)),
        );
      }),
      { numRuns: 3 },
    );
  });

  it('normalizes tags once and for all', () => {
    fc.assert(
      fc.property(
        fc.oneof(hostileText(300), fc.array(hostileText(60), { maxLength: 30 })),
        (input) => {
          const tags = parseTags(input);
          expect(new Set(tags).size).toBe(tags.length);
          for (const tag of tags) {
            expect(tag).not.toBe('');
            expect(normalizeTag(tag)).toBe(tag);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('answers every workflow step with a status or a reason, whatever the comment', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KNOWLEDGE_STATUSES),
        fc.constantFrom(...KNOWLEDGE_ACTIONS),
        fc.record({ isOwner: fc.boolean(), canReview: fc.boolean() }),
        hostileText(100),
        (status, action, actor, comment) => {
          const result = transition(status, action, actor, comment);
          if (result.ok) expect(KNOWLEDGE_STATUSES).toContain(result.to);
          else expect(['notAllowed', 'wrongStatus', 'commentRequired']).toContain(result.problem);
          expect(Array.isArray(availableActions(status, actor))).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('calendar input', () => {
  it('reads any calendar URL as a valid query', () => {
    fc.assert(
      fc.property(searchParams, (params) => {
        const q = parseCalendarQuery(params);
        expect(['month', 'week', 'agenda']).toContain(q.view);
        if (q.date !== null) expect(isDay(q.date)).toBe(true);
        for (const c of q.channel) expect(CHANNELS).toContain(c);
        for (const s of q.status) expect(PIECE_STATUSES).toContain(s);
        for (const key of ['audience', 'owner', 'expert', 'goal'] as const)
          expect(q[key]).toMatch(/^[A-Za-z0-9_-]{0,40}$/);
        expect(parseCalendarQuery(new URLSearchParams(calendarQueryToSearch(q)))).toEqual(q);
      }),
      { numRuns: 300 },
    );
  });

  const dayLike = fc.oneof(
    hostileText(12),
    fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
      )
      .map(([y, m, d]) =>
        [String(y).padStart(4, '0'), String(m).padStart(2, '0'), String(d).padStart(2, '0')].join(
          '-',
        ),
      ),
  );

  it('lays out a month and a week around any day it accepts', () => {
    fc.assert(
      fc.property(dayLike, fc.integer({ min: -24, max: 24 }), (value, step) => {
        if (!isDay(value)) return;
        const month = timed(SMALL_MS, 'monthGrid', () => monthGrid(value, TZ));
        expect(month.length >= 4 && month.length <= 6).toBe(true);
        expect(month.flat().some((d) => d.date === value && d.inMonth)).toBe(true);
        const week = weekGrid(value, TZ);
        expect(week.map((d) => d.date)).toContain(value);
        for (const d of week) expect(d.end.getTime()).toBeGreaterThan(d.start.getTime());
        expect(shiftAnchor(value, 'month', step, TZ)).toMatch(/^\d{4,5}-\d{2}-\d{2}$/);
        expect(shiftAnchor(value, 'week', step, TZ)).toMatch(/^\d{4,5}-\d{2}-\d{2}$/);
      }),
      { numRuns: 400 },
    );
  });

  const dateTimeLike = fc.oneof(
    hostileText(20),
    fc
      .tuple(dayLike, fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
      .map(([d, h, m]) => `${d}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
  );

  it('reads a form date-time as the instant it names, or refuses it', () => {
    fc.assert(
      fc.property(dateTimeLike, (value) => {
        const instant = fromLocalInput(value, TZ);
        if (instant === null) return;
        expect(Number.isNaN(instant.getTime())).toBe(false);
        // the same local day, and the same time unless it fell into the spring-forward gap
        expect(localDay(instant, TZ)).toBe(value.slice(0, 10));
        const shown = toLocalInput(instant, TZ);
        if (shown !== value) expect(value.slice(11, 13)).toBe('02');
      }),
      { numRuns: 500 },
    );
    // impossible days and times are refused rather than rolled over into the next month or day
    for (const value of [
      '2026-02-30T09:00',
      '2026-13-01T09:00',
      '2026-03-01T24:00',
      '2026-03-01T09:60',
    ])
      expect(fromLocalInput(value, TZ)).toBeNull();
    expect(fromLocalInput('0050-03-01T09:00', TZ)).toBeNull();
    expect(isDay('0050-03-01')).toBe(false);
  });

  it('derives deadlines from any lead times a plan can hold', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }),
        fc.record(
          {
            in_production: fc.oneof(fc.integer({ min: -5, max: 3650 }), fc.constant(Number.NaN)),
            in_review: fc.integer({ min: 0, max: 3650 }),
            approved: fc.double({ min: -1, max: 365 }),
          },
          { requiredKeys: [] },
        ),
        (publishAt, leadTimes) => {
          for (const d of deriveDeadlines(publishAt, leadTimes, TZ)) {
            expect(Number.isNaN(d.dueAt.getTime())).toBe(false);
            expect(d.dueAt.getTime()).toBeLessThanOrEqual(publishAt.getTime() + 3_600_000);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('writes a feed in which a hostile title adds no event and loses no text', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            title: hostileText(80),
            brief: hostileText(200),
            channel: fc.constantFrom(...CHANNELS),
          }),
          { maxLength: 5 },
        ),
        (rows) => {
          const at = new Date('2026-05-04T08:00:00Z');
          const pieces: FeedPiece[] = rows.map((r, i) => ({
            id: `p${i}`,
            ...r,
            status: 'planned',
            publishAt: at,
            webinarStart: null,
            webinarEnd: null,
            updatedAt: at,
            deadlines: [{ stage: 'in_review', dueAt: at }],
          }));
          const feed = buildFeed(
            pieces,
            {
              calendarName: 'Lotse',
              channel: (c) => c,
              status: (s) => s,
              deadline: (stage, title) => `${stage}: ${title}`,
            },
            { baseUrl: 'https://lotse.example', timeZone: TZ, deadlines: true },
          );
          const events = new ICAL.Component(ICAL.parse(feed)).getAllSubcomponents('vevent');
          expect(events).toHaveLength(pieces.length * 2);
          const ids = events.map((e) => String(e.getFirstPropertyValue('uid')));
          expect(ids.filter((id) => id.startsWith('piece-'))).toEqual(
            pieces.map((p) => `piece-${p.id}@lotse`),
          );
        },
      ),
      { numRuns: 150 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// the forms behind every action

const enCatalog = en as Record<string, unknown>;
const inCatalog = (key: string) =>
  typeof key
    .split('.')
    .reduce<unknown>(
      (node, part) => (node as Record<string, unknown> | undefined)?.[part],
      enCatalog,
    ) === 'string';

/** Anything a request could carry in a field, and more (parsers are also called from code). */
const fieldValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileText(200), weight: 5 },
  { arbitrary: fc.array(hostileText(50), { maxLength: 5 }), weight: 2 },
  { arbitrary: fc.constant(undefined), weight: 1 },
  {
    arbitrary: fc.constantFrom('', ' ', '0', '-1', '1e400', 'NaN', 'true', 'on', 'yes'),
    weight: 2,
  },
  { arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null)), weight: 1 },
  { arbitrary: fc.anything({ maxDepth: 3 }), weight: 1 },
  {
    arbitrary: fc.integer({ min: 1, max: 300_000 }).map((n) => 'x\u0000\u202e'.repeat(n)),
    weight: 1,
  },
);

type AnySchema = z.ZodType;
const SCHEMAS: [string, AnySchema, string[]][] = [
  [
    'knowledge form',
    KnowledgeFormSchema,
    ['title', 'summary', 'details', 'kind', 'language', 'department', 'tags', 'links', 'intent'],
  ],
  ['knowledge review', ReviewSchema, ['intent', 'comment', 'expectedVersion']],
  ['knowledge bulk action', BulkSchema, ['intent', 'action', 'ids', 'tag']],
  [
    'content piece',
    pieceFormSchema(TZ),
    [
      'channel',
      'title',
      'brief',
      'body',
      'publishAt',
      'ownerId',
      'audiences',
      'experts',
      'slug',
      'targetUrl',
      'episodeNumber',
      'guests',
      'durationMinutes',
      'gated',
      'pageEstimate',
      'webinarStart',
      'webinarEnd',
      'speakers',
      'registrationUrl',
    ],
  ],
  ['piece transition', TransitionSchema, ['intent', 'to', 'expectedVersion']],
  ['piece comment', CommentSchema, ['intent', 'body']],
  [
    'disclosure rule',
    RuleFormSchema,
    [
      'key',
      'name',
      'category',
      'rationale',
      'message',
      'severity',
      'kind',
      'patterns',
      'exceptions',
      'window',
      'examplesMatch',
      'examplesNoMatch',
      'active',
      'changeNote',
    ],
  ],
  ['new user', NewUserSchema, ['name', 'email', 'password', 'roles']],
  ['user edit', EditUserSchema, ['name', 'roles', 'active', 'expectedVersion']],
  ['audience', AudienceFormSchema, ['name', 'description']],
  ['need', NeedFormSchema, ['audienceId', 'text', 'tags', 'priority', 'language']],
  ['delete confirmation', DeleteSchema, ['confirm', 'expectedVersion']],
  ['glossary concept', GlossaryFormSchema, ['de', 'en', 'both', 'note']],
  [
    'audience behaviour profile',
    TechnographicsFormSchema,
    [
      'creators',
      'conversationalists',
      'critics',
      'collectors',
      'joiners',
      'spectators',
      'inactives',
      'source',
      'surveyedAt',
      'expectedVersion',
    ],
  ],
];
// hidden fields people never fill in: their errors need no text of their own
const HIDDEN = new Set(['intent', 'expectedVersion', 'ids', 'action', 'to', 'confirm', 'active']);

describe('form parsing', () => {
  it.each(SCHEMAS)(
    'the %s form answers data or field errors for any values',
    (_name, schema, fields) => {
      const formArb = fc.record(
        Object.fromEntries(fields.map((f) => [f, fieldValue])) as Record<
          string,
          fc.Arbitrary<unknown>
        >,
        { requiredKeys: [] },
      );
      const extra = fc.dictionary(hostileText(12), fieldValue, { maxKeys: 4 });
      fc.assert(
        fc.property(formArb, extra, (form, more) => {
          const result = timed(SMALL_MS, 'parseForm', () =>
            parseForm(schema, { ...more, ...form }),
          );
          if (result.ok) return;
          expect(Object.keys(result.errors).length).toBeGreaterThan(0);
          for (const error of Object.values(result.errors))
            expect(typeof error?.key).toBe('string');
        }),
        { numRuns: 120 },
      );
      // what a browser sends (text in every field) gets messages the interface can show
      const browserForm = fc.record(
        Object.fromEntries(
          fields.map((f) => [
            f,
            ['tags', 'roles', 'audiences', 'experts', 'ids'].includes(f)
              ? fc.array(hostileText(50), { maxLength: 25 })
              : fc.oneof(hostileText(120), fc.constant('')),
          ]),
        ) as Record<string, fc.Arbitrary<unknown>>,
      );
      fc.assert(
        fc.property(browserForm, (form) => {
          const result = parseForm(schema, form);
          if (result.ok) return;
          for (const [field, error] of Object.entries(result.errors)) {
            if (HIDDEN.has(field)) continue;
            if (!inCatalog(error!.key))
              throw new Error(`${field}: "${error!.key}" is no message key`);
          }
        }),
        { numRuns: 120 },
      );
    },
  );

  it('turns any form data into plain fields', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.oneof(hostileText(10), fc.constantFrom('tags', 'roles', 'title')),
            fc.oneof(hostileText(100), fc.constant(null)),
          ),
          { maxLength: 20 },
        ),
        (entries) => {
          const form = new FormData();
          for (const [key, value] of entries)
            if (value === null) form.append(key, new Blob(['file']), 'f.txt');
            else form.append(key, value);
          const out = formDataToObject(form, ['tags', 'roles']);
          expect(Array.isArray(out.tags) && Array.isArray(out.roles)).toBe(true);
          for (const value of Object.values(out))
            expect(
              value === undefined ||
                typeof value === 'string' ||
                (Array.isArray(value) && value.every((v) => typeof v === 'string')),
            ).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reads any rule-set document as rules or errors that name the rule', () => {
    const ruleLike = fc.oneof(
      ruleArb.map((r) => r as unknown),
      fc.record({ id: fieldValue, severity: fieldValue, kind: fieldValue, patterns: fieldValue }),
      fc.anything({ maxDepth: 3 }),
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.record({ rules: fc.array(ruleLike, { maxLength: 6 }) }),
          fc.anything({ maxDepth: 4 }),
        ),
        (doc) => {
          const result = timed(SMALL_MS, 'parseRuleSet', () => parseRuleSet(doc));
          if (result.ok) expect(() => compileRules(result.rules)).not.toThrow();
          else {
            expect(result.errors.length).toBeGreaterThan(0);
            for (const e of result.errors) expect(typeof e).toBe('string');
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  // JSON that nests far deeper than any import file would
  const nested = (depth: number, leaf: string) => '['.repeat(depth) + leaf + ']'.repeat(depth);
  it('reads any import file as records or one file error', () => {
    const content = fc.oneof(
      hostileText(500),
      fc.json({ maxDepth: 4 }),
      fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 5 }).map((a) => JSON.stringify(a)),
      fc.integer({ min: 1, max: 200_000 }).map((d) => nested(d, '1')),
      fc.integer({ min: 1, max: 100_000 }).map((d) => `[{"id":${nested(d, '"x"')},"title":"t"}]`),
      hostileText(200).map((t) => `\ufeffid,title,tags\n1,"${t}",a;b\n`),
      hostileText(200).map((t) => `\ufeff[{"id":"1","title":${JSON.stringify(t)}}]`),
    );
    fc.assert(
      fc.property(
        fc.constantFrom('items.json', 'items.csv', 'items', 'x.JSON'),
        content,
        (name, text) => {
          const parsed = timed(SMALL_MS, 'parseImportFile', () => parseImportFile(name, text));
          if ('error' in parsed) expect(inCatalog(parsed.error.key)).toBe(true);
          else expect(Array.isArray(parsed.records)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});

it('keeps the limits the forms promise', () => {
  // a tag at the length limit passes, one beyond it is a field error, never an exception
  const tag = 'a'.repeat(MAX_TAG_LENGTH);
  const base = {
    title: 'T',
    summary: 'S',
    kind: 'study',
    language: 'de',
    department: 'D',
    links: '',
    intent: 'save',
  };
  expect(parseForm(KnowledgeFormSchema, { ...base, tags: [tag] }).ok).toBe(true);
  const tooLong = parseForm(KnowledgeFormSchema, { ...base, tags: [`${tag}b`] });
  expect(tooLong.ok).toBe(false);
});
