import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkDisclosure,
  compileRules,
  RuleCompileError,
  type DisclosureRule,
} from '~/domain/disclosure/engine';
import { parseRuleSet } from '~/utils/ruleset.server';

// the project's shared disclosure cases (the contract's rule set and cases), kept with the tests
const fixture = JSON.parse(fs.readFileSync('tests/fixtures/disclosure-cases.json', 'utf8')) as {
  rules: DisclosureRule[];
  cases: { id: string; text: string; decision: string; ruleIds: string[] }[];
};

describe('the shared disclosure cases', () => {
  for (const c of fixture.cases) {
    it(`${c.id}: ${JSON.stringify(c.text)} → ${c.decision} [${c.ruleIds.join(', ')}]`, () => {
      const verdict = checkDisclosure(fixture.rules, c.text);
      expect(verdict.decision).toBe(c.decision);
      expect([...new Set(verdict.findings.map((f) => f.ruleId))].sort()).toEqual(
        [...c.ruleIds].sort(),
      );
    });
  }
});

const rules = fixture.rules;
const decide = (text: string) => checkDisclosure(rules, text);
const ids = (text: string) => [...new Set(decide(text).findings.map((f) => f.ruleId))].sort();

describe('evasions are seen through', () => {
  it.each([
    ['HTML tags inside the word', 'Der <b>Um</b>satz wächst'],
    ['HTML entities', 'Die Ums&auml;tze steigen'],
    ['numeric entities', 'Der Ums&#97;tz steigt'],
    ['Markdown emphasis', 'Der Um**satz** steigt'],
    ['URL encoding', 'https://example.org/?q=Ums%C3%A4tze'],
    ['letters spaced out', 'Der U m s a t z steigt'],
    ['letters with dots', 'Der U.m.s.a.t.z steigt'],
    ['hyphenated across a line break', 'Der Um-\n  satz steigt'],
    ['zero-width characters', 'Der Um\u200bsatz steigt'],
    ['combining diaeresis', 'Die Umsa\u0308tze steigen'],
    ['ae spelling', 'Die Umsaetze steigen'],
    ['full-width letters', 'Ｕｍｓａｔｚ'],
    ['Greek look-alikes', 'Der Umsατz'],
  ])('%s', (_name, text) => {
    expect(ids(text)).toContain('R-UMSATZ');
  });

  it('sees phrases across markup, joined, and in URLs', () => {
    expect(ids('Mehr zu <em>Projekt</em>&nbsp;<em>Falke</em>')).toEqual(['R-FALKE']);
    expect(ids('#projekt_falke')).toEqual(['R-FALKE']);
    expect(ids('/projekt%2Dfalke/')).toEqual(['R-FALKE']);
    expect(ids('Projekt\nFalke')).toEqual(['R-FALKE']);
  });

  it('finds money in its usual notations near a figure pattern', () => {
    for (const text of [
      'Umsatz: 12,3 Mio. €',
      'revenue of €12.3m',
      'turnover: 12 300 000 €',
      'Erlös 2025 lag bei 4.500.000 EUR',
      'turnover of EUR 4.5bn',
    ]) {
      expect(ids(text), text).toContain('R-FIGURE');
    }
    expect(ids('Der Umsatz wuchs. '.padEnd(80, '.') + ' Ticket 12,30 €')).not.toContain('R-FIGURE');
  });
});

describe('no false alarms', () => {
  it.each([
    'Umsatzsteuer-ID: DE123456789',
    'Preise inkl. Umsatzsteuer',
    'Die Umsetzung startet im Mai.',
    'Der Falke kreist über Leipzig.',
    'Ein Ausflug zum Projekt Falkenstein',
    'Recording of our public strategy meeting',
    'Ticketpreis 12,30 €',
    'Grundsatz: Kunden zuerst',
    'Das Licht erlosch.',
    'KD-12345 ist zu kurz',
  ])('%s', (text) => {
    expect(decide(text)).toEqual({ decision: 'allow', findings: [] });
  });
});

describe('findings', () => {
  it('carry offsets into the original text, for highlighting', () => {
    const text = 'Intro <p>Der Ums&auml;tze-Bericht</p>';
    const [finding] = decide(text).findings;
    expect(finding).toMatchObject({ ruleId: 'R-UMSATZ', severity: 'block' });
    expect(text.slice(finding!.start, finding!.end)).toBe(finding!.excerpt);
    expect(finding!.excerpt.startsWith('Ums&auml;tz')).toBe(true);
  });
  it('warn without blocking', () => {
    expect(decide('Gehälter im Vergleich')).toMatchObject({
      decision: 'warn',
      findings: [{ ruleId: 'R-SALARY', severity: 'warn' }],
    });
  });
  it('carry the rule’s message', () => {
    expect(decide('Projekt Falke').findings[0]?.message).toBe('Projekt Falke is unannounced.');
  });
});

describe('rules', () => {
  it('refuse a regex RE2 cannot accept, naming the rule', () => {
    expect(() =>
      compileRules([{ id: 'R-BAD', severity: 'block', kind: 'regex', patterns: ['(?<=x)y'] }]),
    ).toThrow(RuleCompileError);
    expect(
      parseRuleSet({
        rules: [{ id: 'R-BAD', severity: 'block', kind: 'regex', patterns: ['(a'] }],
      }),
    ).toMatchObject({
      ok: false,
      errors: [expect.stringContaining('rule R-BAD')],
    });
  });
  it('validate the rule-set format', () => {
    expect(parseRuleSet({ rules: fixture.rules })).toMatchObject({ ok: true });
    expect(parseRuleSet([])).toMatchObject({ ok: false });
    expect(
      parseRuleSet({ rules: [{ id: 'A', severity: 'maybe', kind: 'term', patterns: [] }] }),
    ).toMatchObject({ ok: false });
    expect(
      parseRuleSet({
        rules: [
          { id: 'A', severity: 'warn', kind: 'term', patterns: ['x'] },
          { id: 'A', severity: 'warn', kind: 'term', patterns: ['y'] },
        ],
      }),
    ).toMatchObject({ ok: false });
  });
  it('refuse a regex that matches the empty string, naming the rule', () => {
    for (const pattern of ['', 'x*', '(?i)', '\\b', '^', '(KD-)?[0-9]*', 'a|'])
      expect(
        () =>
          compileRules([{ id: 'R-EMPTY', severity: 'block', kind: 'regex', patterns: [pattern] }]),
        pattern,
      ).toThrow(/rule R-EMPTY: .*matches the empty string/);
    expect(() =>
      compileRules([{ id: 'R-EMPTY', severity: 'block', kind: 'regex', patterns: ['a*'] }]),
    ).toThrow(RuleCompileError);
  });
  it.each([
    ['Lieferanten?preise', 'Unsere Lieferantepreise sinken'],
    ['Lieferanten?preise', 'Unsere LIEFERANTENPREISE sinken'],
    ['Werk\\-Nord', 'Das Werk-Nord schließt'],
    ['^Intern:', 'Intern: nicht weitergeben'],
    ['(?m)^Intern:', 'Hallo\nIntern: nicht weitergeben'],
    ['Pro.ekt Falke', 'Pro-ekt Falke'],
    ['Werk (Nord|Süd)', 'Werk Süd'],
    ['\\bKD\\d+', 'Siehe KD7'],
    ['Stra(ss|ß)e', 'Hauptstraße'],
    ['Bestell-?Nr\\.? ?[0-9]+', 'BestellNr 12'],
    ['Kelvin', 'KELVIN'],
    ['Kelvin', '\u212Aelvin'],
    ['ſecret', 'Secret'],
    ['a{2,}b', 'caaab'],
    ['(?:ab){2}', 'xababx'],
  ])('run a regex as RE2 reads it: %s finds %j', (pattern, text) => {
    const verdict = checkDisclosure(
      [{ id: 'R', severity: 'block', kind: 'regex', patterns: [pattern] }],
      text,
    );
    expect(verdict.decision).toBe('block');
    for (const f of verdict.findings) expect(text.slice(f.start, f.end)).toBe(f.excerpt);
  });
  it('skip a regex whose literals the text lacks, and still find it where they are', () => {
    const rules: DisclosureRule[] = [
      { id: 'R', severity: 'block', kind: 'regex', patterns: ['Projekt-?Nr\\. [0-9]{4}'] },
    ];
    expect(checkDisclosure(rules, 'Projekt Nr. 1234').decision).toBe('allow');
    expect(checkDisclosure(rules, 'projektnr. 1234').decision).toBe('block');
    expect(checkDisclosure(rules, 'Projekt-Nr. 12 34').decision).toBe('block');
  });
  it('run regexes in linear time on hostile input', () => {
    const started = performance.now();
    const verdict = checkDisclosure(
      [{ id: 'R', severity: 'block', kind: 'regex', patterns: ['(a+)+b'] }],
      'a'.repeat(50_000),
    );
    expect(verdict.decision).toBe('allow');
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
