import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDisclosure, type DisclosureRule } from '~/domain/disclosure/engine';
import { originalSpan, plainLayer, plainLayers, regexViews } from '~/domain/disclosure/normalize';

// the shared rule set (tests/fixtures/disclosure-cases.json): R-FALKE is the phrase "Projekt Falke"
const fixture = JSON.parse(fs.readFileSync('tests/fixtures/disclosure-cases.json', 'utf8')) as {
  rules: DisclosureRule[];
};
const rules = fixture.rules;
const decide = (text: string) => checkDisclosure(rules, text);
const ids = (text: string) => [...new Set(decide(text).findings.map((f) => f.ruleId))].sort();

describe('text that HTML and Markdown show outside the flow is checked', () => {
  it.each([
    ['Markdown image text', '![Projekt Falke](x.png)'],
    ['Markdown link title', 'Mehr [hier](https://example.org "Projekt Falke")'],
    ['Markdown reference definition', '[info]: https://example.org "Projekt Falke"'],
    ['alt', 'Bild: <img src="x.png" alt="Projekt Falke">'],
    ['title', '<a href="/x" title="Projekt Falke">mehr</a>'],
    ['href', '<a href="https://example.org/projekt-falke">mehr</a>'],
    ['src', "<img src='/img/projekt_falke.png'>"],
    ['aria-label', '<button aria-label="Projekt Falke">▶</button>'],
    ['placeholder', '<input placeholder="Projekt Falke">'],
    ['an unquoted value', '<img alt=Projekt-Falke>'],
    ['a value with entities', '<img alt="Pro&#106;ekt&nbsp;Falke">'],
    ['a value with URL escapes', '<a href="/projekt%20falke">x</a>'],
    ['a value with > inside quotes', '<img alt="a > b: Projekt Falke">'],
    ['an HTML comment', 'Termine <!-- Projekt Falke --> folgen'],
    ['a multi-line comment', '<!--\n  Codename: Projekt Falke\n-->'],
    ['a tag inside a comment', '<!-- <img alt="Projekt Falke"> -->'],
    ['script contents', '<script>var name = "Projekt Falke";</script>'],
    ['style contents', '<style>/* Projekt Falke */</style>'],
  ])('%s', (_name, text) => {
    expect(ids(text)).toEqual(['R-FALKE']);
  });

  it('leaves attributes alone that are not public text', () => {
    for (const text of [
      '<div class="Projekt Falke">Hallo</div>',
      '<p style="font-family: Projekt Falke">Hallo</p>',
      '<span id="projekt-falke" data-x="Projekt Falke">Hallo</span>',
    ])
      expect(decide(text), text).toEqual({ decision: 'allow', findings: [] });
  });

  it('highlights the attribute value in the original text', () => {
    const text = '<p>Neu: <img src="a.png" alt="Pro&#106;ekt Falke"></p>';
    const [finding] = decide(text).findings;
    expect(finding?.excerpt).toBe('Pro&#106;ekt Falke');
    expect(text.slice(finding!.start, finding!.end)).toBe(finding!.excerpt);
    const comment = 'Text <!-- Projekt Falke --> weiter';
    expect(decide(comment).findings[0]?.excerpt).toBe('Projekt Falke');
  });

  it('does not let an attribute split a word of the text', () => {
    expect(ids('Der Um<span title="Hinweis">satz</span> wächst')).toEqual(['R-UMSATZ']);
    expect(ids('Der Um<!-- x -->satz wächst')).toEqual(['R-UMSATZ']);
  });

  it('reads broken markup as text', () => {
    expect(ids('<img alt="Projekt Falke')).toEqual(['R-FALKE']);
    expect(ids('<!-- Projekt Falke')).toEqual(['R-FALKE']);
  });
});

describe('look-alike letters (Unicode confusables)', () => {
  it.each([
    ['Polish ł', 'Projekt Fa\u0142ke'],
    ['Armenian օ', 'Pr\u0585jekt Falke'],
    ['Latin alpha ɑ', 'Projekt F\u0251lke'],
    ['kra ĸ', 'Projekt Fal\u0138e'],
    ['Cyrillic к', 'Projekt Fal\u043ae'],
    ['Cherokee Ꮶ', 'Projekt Fal\u13e6e'],
    ['Lisu ꓗ', 'Projekt Fal\ua4d7e'],
    ['Coptic ⲕ (whose prototype is ĸ)', 'Projekt Fal\u2c95e'],
    ['mathematical letters', '𝐏𝐫𝐨𝐣𝐞𝐤𝐭 𝐅𝐚𝐥𝐤𝐞'],
    ['small capitals', 'ᴘʀᴏᴊᴇᴋᴛ ꜰᴀʟᴋᴇ'],
    ['negative circled letters', '🅟🅡🅞🅙🅔🅚🅣 🅕🅐🅛🅚🅔'],
    ['negative squared letters', '🅿🆁🅾🅹🅴🅺🆃 🅵🅰🅻🅺🅴'],
    ['regional indicator letters', '🇵🇷🇴🇯🇪🇰🇹 🇫🇦🇱🇰🇪'],
  ])('%s', (_name, text) => {
    expect(ids(text)).toEqual(['R-FALKE']);
  });

  it('keeps umlauts and ß for the folding', () => {
    expect(ids('Gehälter')).toEqual(['R-SALARY']);
    expect(ids('Die Erlöse')).toEqual(['R-UMSATZ']);
    expect(ids('Die Umsätze')).toEqual(['R-UMSATZ']);
    expect(ids('Der ᴜᴍsᴀᴛᴢ im Mai')).toEqual(['R-UMSATZ']);
    expect(plainLayer('Öl, Übermaß, Äpfel, ẞ').text).toBe('Öl, Übermaß, Äpfel, ẞ');
  });

  it('keeps ordinary accented letters in the plain layer', () => {
    expect(plainLayer('Café, naïve, Ångström').text).toBe('Café, naïve, Ångström');
  });
});

describe('bidirectional controls', () => {
  it('are stripped', () => {
    for (const mark of [
      '\u200e',
      '\u200f',
      '\u061c',
      '\u202a',
      '\u202b',
      '\u202c',
      '\u202d',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
    ])
      expect(ids(`Der Um${mark}satz`), JSON.stringify(mark)).toEqual(['R-UMSATZ']);
  });

  it('read text behind a right-to-left override in display order', () => {
    const text = 'Neu: \u202Eeklaf tkejorP\u202C!';
    const verdict = decide(text);
    expect(verdict.findings.map((f) => f.ruleId)).toEqual(['R-FALKE']);
    // the highlight covers the reversed run
    expect(verdict.findings[0]?.excerpt).toBe('eklaf tkejorP');
    // an override ends with its line
    expect(ids('\u202Eeklaf tkejorP\nweiter')).toEqual(['R-FALKE']);
    expect(ids('\u202Ezta\nsmU')).toEqual([]);
    // nested controls inside the run do not end it early
    expect(ids('\u202Eekla\u2066\u2069f tkejorP\u202C')).toEqual(['R-FALKE']);
  });

  it('give spans that cover reversed characters', () => {
    const [, shown] = plainLayers('ab\u202Ecde\u202Cf');
    expect(shown?.text).toBe('abedcf');
    expect(originalSpan(shown!, 2, 5)).toEqual([3, 6]);
    expect(originalSpan(shown!, 3, 3)).toEqual([4, 4]);
  });
});

describe('words split by a short run of separators', () => {
  it.each([
    ['Pro-jekt Falke', ['R-FALKE']],
    ['Der Um\nsatz über einen Zeilenumbruch', ['R-UMSATZ']],
    ['Der Um\r\nsatz (Windows line break)', ['R-UMSATZ']],
    ['Der Um  satz (two spaces)', ['R-UMSATZ']],
    ['Der Um - satz', ['R-UMSATZ']],
    ['Der Um.satz im Mai', ['R-UMSATZ']],
    ['Der Um/satz im Mai', ['R-UMSATZ']],
    ['Der Um·satz im Mai', ['R-UMSATZ']],
    ['Der Um•satz im Mai', ['R-UMSATZ']],
    ['Der Um🔥satz im Mai', ['R-UMSATZ']],
    ['Pro.jekt Fal.ke', ['R-FALKE']],
    ['Projekt Fal-ke', ['R-FALKE']],
    ['Der Um satz steigt', ['R-UMSATZ']],
    ['Die Um sätze steigen', ['R-UMSATZ']],
    ['Our rev-enue grew', ['R-UMSATZ']],
    ['Der Um–satz (Gedankenstrich)', ['R-UMSATZ']],
    ['Die Gehäl-ter', ['R-SALARY']],
    ['In der internen Strategie sitzung', ['R-STRATEGY']],
  ])('%s', (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  it.each([
    'Wir kamen um Satz drei nicht herum.',
    'Der Rev. Nue',
    'Um    satz (four spaces are a gap)',
    'Es geht um\n\nSatzungen (a capital after a line break)',
    'Sie gehen um, satzweise',
    'Es geht um. satzweise (a dot and a space)',
    'Um 🔥🔥 satz (two emoji and spaces)',
  ])('no alarm: %s', (text) => {
    expect(decide(text)).toEqual({ decision: 'allow', findings: [] });
  });
});

describe('digits of all scripts', () => {
  it.each([
    ['Arabic-Indic', 'Kunde KD-١٢٣٤٥٦'],
    ['Extended Arabic-Indic', 'Kunde KD-۱۲۳۴۵۶'],
    ['Devanagari', 'Kunde KD-१२३४५६'],
    ['full-width', 'Kunde ＫＤ－１２３４５６'],
    ['mixed', 'Kunde KD-12٣4५6'],
  ])('reach regex rules: %s', (_name, text) => {
    expect(ids(text)).toEqual(['R-CUSTNO']);
  });

  it('reach figure rules', () => {
    expect(ids('Umsatz ٤ Mio €')).toEqual(['R-FIGURE', 'R-UMSATZ']);
    expect(ids('revenue of €१२ million')).toEqual(['R-FIGURE', 'R-UMSATZ']);
  });

  it('grouped by spaces reach regex rules', () => {
    for (const text of ['KD-123 456', 'KD-123\u00a0456', 'KD-123\u202f456', 'KD-12 34 56'])
      expect(ids(`Kunde ${text}`), text).toEqual(['R-CUSTNO']);
    expect(ids('KD-123  456 (two spaces)')).toEqual([]);
    const text = 'Kunde KD-123 456.';
    const [finding] = decide(text).findings;
    expect(finding?.excerpt).toBe('KD-123 456');
  });

  it('give a second regex view only when digits are grouped', () => {
    expect(regexViews(plainLayer('KD-123456 und 12 Äpfel'))).toHaveLength(1);
    const views = regexViews(plainLayer('KD-123 456'));
    expect(views.map((v) => v.text)).toEqual(['KD-123 456', 'KD-123456']);
    expect(originalSpan(views[1]!, 0, 9)).toEqual([0, 10]);
  });
});

describe('digits and signs written for letters', () => {
  it.each([
    ['Pr0jekt Falke startet', ['R-FALKE']],
    ['Projekt F4lke', ['R-FALKE']],
    ['PR0J3KT F4LK3', ['R-FALKE']],
    ['Der Ums4tz steigt', ['R-UMSATZ']],
    ['Der Ums@tz steigt', ['R-UMSATZ']],
    ['Der Um$atz steigt', ['R-UMSATZ']],
    ['our r3venue grew', ['R-UMSATZ']],
    ['1nterne Strateg1esitzung', ['R-STRATEGY']],
  ])('%s', (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  it('ends a word at the digits after it', () => {
    expect(ids('#ProjektFalke2027')).toEqual(['R-FALKE']);
    expect(ids('Umsatz24 im Blick')).toEqual(['R-UMSATZ']);
  });

  it('leaves numbers, codes and ordinary words with digits alone', () => {
    for (const text of [
      'Q3 2026: MP3s, H2O, B2B-Kunden und 4K-Monitore',
      'COVID19, Win10, G7-Gipfel, A4-Blätter, 3D-Druck',
      'Kundennummern wie KD-12 haben sechs Stellen nicht',
      'Mail an info@example.com oder kosten$ = 5',
    ])
      expect(decide(text).findings).toEqual([]);
  });
});
