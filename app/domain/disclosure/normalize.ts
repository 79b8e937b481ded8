import { COMBINING, INVISIBLE, readChar } from './lookalike';

/**
 * Text normalization for disclosure checks, in two layers that remember, for every character,
 * which characters of the original text it came from (so findings can be highlighted there):
 *
 * - the "plain" layer undoes disguises but keeps letter case and punctuation: HTML tags and
 *   entities, URL encoding, zero-width characters and soft hyphens, full-width and look-alike
 *   letters (lookalike.ts), digits of other scripts, combining accents, Markdown emphasis, words
 *   hyphenated across a line break. Text that HTML shows outside the flow of the page (alt, title
 *   and link attributes, comments) follows the text, one line each. Regex rules run here.
 * - the "skeleton" layer is lower case, spells umlauts and ß out and folds them (ä/ae → a,
 *   ß/ss → s), turns every run of other characters into one space, joins letters that were
 *   spaced out, and joins a word split by a short run of separators (a hyphen, white space or a
 *   line break, a dot, a slash, an emoji …; see splitKind) when the whole is a word some rule
 *   looks for. Term, phrase and figure rules run here.
 *
 * Text inside a right-to-left override is shown reversed; `plainLayers` gives it in display order
 * as a second layer, so a word typed backwards behind an override is found as it is seen.
 */

export type Layer = {
  text: string;
  /** original start offset of each character */
  starts: Int32Array;
  /** original end offset (exclusive) of each character */
  ends: Int32Array;
};

// decoding UTF-16 code units in one call is far faster than building the string piecewise
const UTF16 = new TextDecoder('utf-16le');
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const SPACE = 32;
const NEWLINE = 10;

// growable UTF-16 text with the source span of every code unit (typed arrays: 100 KB of text
// passes each step in well under a millisecond)
class SpannedText {
  codes: Uint16Array;
  starts: Int32Array;
  ends: Int32Array;
  length = 0;
  /** [from, to) pairs of right-to-left override runs, in buffer positions */
  reversed: number[] = [];
  private rtlFrom = -1;
  private rtlDepth = 0;
  constructor(capacity = 64) {
    this.codes = new Uint16Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }
  private grow() {
    const size = this.codes.length * 2 + 16;
    const codes = new Uint16Array(size);
    codes.set(this.codes);
    const starts = new Int32Array(size);
    starts.set(this.starts);
    const ends = new Int32Array(size);
    ends.set(this.ends);
    this.codes = codes;
    this.starts = starts;
    this.ends = ends;
  }
  /** Room for `count` more characters. */
  reserve(count: number) {
    while (this.length + count > this.codes.length) this.grow();
  }
  pushCode(code: number, start: number, end: number) {
    if (this.length === this.codes.length) this.grow();
    this.codes[this.length] = code;
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length++;
  }
  last(): number {
    return this.length ? (this.codes[this.length - 1] as number) : -1;
  }
  /** Bidi controls: an override to right-to-left opens a run; its end, or the line's, closes it. */
  bidi(cp: number) {
    if (cp === 0x202e) {
      if (this.rtlFrom < 0) {
        this.rtlFrom = this.length;
        this.rtlDepth = 1;
      } else this.rtlDepth++;
    } else if (this.rtlFrom >= 0) {
      if (cp === 0x202c || cp === 0x2069) {
        if (--this.rtlDepth === 0) this.endOfLine();
      } else this.rtlDepth++; // an embedding or isolate inside the run
    }
  }
  endOfLine() {
    if (this.rtlFrom < 0) return;
    if (this.length - this.rtlFrom > 1) this.reversed.push(this.rtlFrom, this.length);
    this.rtlFrom = -1;
    this.rtlDepth = 0;
  }
  append(other: SpannedText) {
    const at = this.length;
    for (let k = 0; k < other.length; k++)
      this.pushCode(other.codes[k] as number, other.starts[k] as number, other.ends[k] as number);
    for (const x of other.reversed) this.reversed.push(x + at);
  }
  text(): string {
    const units = this.codes.subarray(0, this.length);
    if (LITTLE_ENDIAN) return UTF16.decode(units);
    let out = '';
    for (let i = 0; i < units.length; i += 8192)
      out += String.fromCharCode(...units.subarray(i, i + 8192));
    return out;
  }
  toLayer(): Layer {
    return {
      text: this.text(),
      starts: this.starts.subarray(0, this.length),
      ends: this.ends.subarray(0, this.length),
    };
  }
}

/**
 * Original span [start, end) of the layer span [from, to): the characters' extent, which also
 * holds for characters read in display order (reversed) or out of the flow (attributes). An empty
 * span sits where its position is.
 */
export function originalSpan(layer: Layer, from: number, to: number): [number, number] {
  const n = layer.starts.length;
  if (to <= from) {
    const at = from < n ? (layer.starts[from] as number) : n ? (layer.ends[n - 1] as number) : 0;
    return [at, at];
  }
  let start = layer.starts[from] ?? 0;
  let end = layer.ends[to - 1] ?? 0;
  for (let k = from; k < to && k < n; k++) {
    start = Math.min(start, layer.starts[k] as number);
    end = Math.max(end, layer.ends[k] as number);
  }
  return [start, end];
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  shy: '\u00ad',
  zwj: '\u200d',
  zwnj: '\u200c',
  auml: 'ä',
  ouml: 'ö',
  uuml: 'ü',
  Auml: 'Ä',
  Ouml: 'Ö',
  Uuml: 'Ü',
  szlig: 'ß',
  euro: '€',
  pound: '£',
  dollar: '$',
  eacute: 'é',
  egrave: 'è',
  aacute: 'á',
  agrave: 'à',
  ccedil: 'ç',
  ndash: '–',
  mdash: '—',
  hyphen: '-',
  dash: '-',
  lpar: '(',
  rpar: ')',
  num: '#',
  sol: '/',
  period: '.',
  comma: ',',
  colon: ':',
  thinsp: ' ',
  ensp: ' ',
  emsp: ' ',
};
// tags that start a new line when rendered: they separate words; other tags do not
const BLOCK_TAGS = new Set(
  'address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul'.split(
    ' ',
  ),
);
// attributes whose values readers see or follow (alternative text, tooltips, link targets, form
// hints, what assistive technology reads out); class, style, id and the like are not public text
const PUBLIC_ATTRIBUTES = new Set(
  'alt title href src srcset poster cite action download label placeholder value content summary aria-label aria-description aria-roledescription aria-placeholder aria-valuetext'.split(
    ' ',
  ),
);

function decodeEntity(body: string): string | null {
  if (body[0] === '#') {
    const code =
      body[1] === 'x' || body[1] === 'X'
        ? parseInt(body.slice(2), 16)
        : parseInt(body.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff
      ? String.fromCodePoint(code)
      : null;
  }
  return NAMED_ENTITIES[body] ?? NAMED_ENTITIES[body.toLowerCase()] ?? null;
}

/**
 * Emits one decoded character: invisible characters and Markdown emphasis go, compatibility
 * forms, look-alikes and other scripts' digits become plain ones, a combining diaeresis makes an
 * umlaut, other combining accents go.
 */
function emit(out: SpannedText, cp: number, start: number, end: number) {
  if (cp < 0x80) {
    // * _ ~ ` (Markdown emphasis) join what they separate
    if (cp === 42 || cp === 95 || cp === 126 || cp === 96) return;
    if (cp === NEWLINE || cp === 13) out.endOfLine();
    out.pushCode(cp, start, end);
    return;
  }
  if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) {
    out.bidi(cp);
    return;
  }
  if (cp === 0x2028 || cp === 0x2029 || cp === 0x85) out.endOfLine();
  const read = readChar(cp);
  if (read === INVISIBLE) return;
  if (read === COMBINING) {
    const prev = out.length - 1;
    if (prev < 0) return;
    const base = out.codes[prev] as number;
    // a, o, u (either case) and a combining diaeresis: the umlaut
    if (cp === 0x308 && /[aouAOU]/.test(String.fromCharCode(base)))
      out.codes[prev] = (String.fromCharCode(base) + '\u0308').normalize('NFC').charCodeAt(0);
    out.ends[prev] = end;
    return;
  }
  const text = read as string;
  for (let k = 0; k < text.length; k++) out.pushCode(text.charCodeAt(k), start, end);
}

/**
 * The first position of `needle` at or after `from`, remembered, so that text full of openings
 * without an end (`<!--`, an open quote) is searched once, not once per opening.
 */
class Finder {
  private known = new Map<string, [from: number, at: number]>();
  constructor(private readonly text: string) {}
  find(needle: string, from: number): number {
    const k = this.known.get(needle);
    if (k && from >= k[0] && (k[1] < 0 || k[1] >= from)) return k[1];
    const at = this.text.indexOf(needle, from);
    this.known.set(needle, [from, at]);
    return at;
  }
}

const isSpaceCode = (c: number) => c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number) => c >= 48 && c <= 57;

type Tag = { end: number; name: string; values: number[] };

/** An HTML tag at `i` (ending before `limit`), with the spans of its public attribute values. */
function scanTag(original: string, i: number, limit: number, finder: Finder): Tag | null {
  let j = i + 1;
  if (original.charCodeAt(j) === 47 /* / */) j++;
  const nameStart = j;
  if (!isAsciiLetter(original.charCodeAt(j))) return null;
  while (j < limit) {
    const c = original.charCodeAt(j);
    if (!(isAsciiLetter(c) || isDigit(c) || c === 45 || c === 58)) break;
    j++;
  }
  const name = original.slice(nameStart, j).toLowerCase();
  const values: number[] = [];
  for (;;) {
    while (j < limit && (isSpaceCode(original.charCodeAt(j)) || original.charCodeAt(j) === 47)) j++;
    if (j >= limit) return null;
    const c = original.charCodeAt(j);
    if (c === 62 /* > */) return { end: j + 1, name, values };
    if (c === 60 /* < */) return null;
    const attrStart = j;
    while (j < limit) {
      const a = original.charCodeAt(j);
      if (isSpaceCode(a) || a === 47 || a === 62 || a === 61 || a === 60) break;
      j++;
    }
    if (j === attrStart) {
      j++; // a stray = or quote
      continue;
    }
    const attr = original.slice(attrStart, j).toLowerCase();
    while (j < limit && isSpaceCode(original.charCodeAt(j))) j++;
    if (original.charCodeAt(j) !== 61 /* = */) continue;
    j++;
    while (j < limit && isSpaceCode(original.charCodeAt(j))) j++;
    const q = original.charCodeAt(j);
    let from: number;
    let to: number;
    if (q === 34 || q === 39) {
      const close = finder.find(q === 34 ? '"' : "'", j + 1);
      if (close < 0 || close >= limit) return null;
      from = j + 1;
      to = close;
      j = close + 1;
    } else {
      from = j;
      while (j < limit) {
        const a = original.charCodeAt(j);
        if (isSpaceCode(a) || a === 62 || a === 60) break;
        j++;
      }
      to = j;
    }
    if (to > from && PUBLIC_ATTRIBUTES.has(attr)) values.push(from, to);
  }
}

// ASCII characters that stand for themselves in the plain layer (not markup, not an escape, not
// emphasis, not a line break)
const ORDINARY = new Uint8Array(128);
for (let c = 0; c < 128; c++) ORDINARY[c] = 1;
for (const c of '<&%*_~`\n\r') ORDINARY[c.charCodeAt(0)] = 0;

const ENTITY = /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});?/y;
const hexValue = (c: number) =>
  c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1;

/** The byte of a %XX escape at `i` (before `to`), or −1. */
function percentByte(s: string, i: number, to: number): number {
  if (i + 3 > to || s.charCodeAt(i) !== 37) return -1;
  const hi = hexValue(s.charCodeAt(i + 1));
  const lo = hexValue(s.charCodeAt(i + 2));
  return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
}

/** The code point of the UTF-8 character escaped at `i` (%C3%A4 …), or −1 when it is broken. */
function percentChar(s: string, i: number, to: number): number {
  const first = percentByte(s, i, to);
  if (first < 0) return -1;
  let length: number;
  let cp: number;
  if (first < 0x80) return first || -1;
  else if (first >= 0xc2 && first <= 0xdf) [length, cp] = [2, first & 0x1f];
  else if (first >= 0xe0 && first <= 0xef) [length, cp] = [3, first & 0x0f];
  else if (first >= 0xf0 && first <= 0xf4) [length, cp] = [4, first & 0x07];
  else return -1;
  for (let k = 1; k < length; k++) {
    const b = percentByte(s, i + k * 3, to);
    if (b < 0x80 || b > 0xbf) return -1;
    cp = cp * 64 + (b & 0x3f);
  }
  // overlong forms, surrogates and what lies beyond Unicode are not characters
  if ((length === 3 && cp < 0x800) || (length === 4 && (cp < 0x10000 || cp > 0x10ffff))) return -1;
  if (cp >= 0xd800 && cp <= 0xdfff) return -1;
  return cp;
}

/**
 * Step 1: markup and encodings out, disguises undone, each character mapped to its source. Reads
 * original[from, to) into `out`; with `html`, tags are read as tags, and what HTML shows out of
 * the flow (public attribute values, comments) goes to `aside`, one line each.
 */
function decode(
  original: string,
  from: number,
  to: number,
  out: SpannedText,
  aside: SpannedText,
  html: boolean,
  finder: Finder,
) {
  let i = from;
  while (i < to) {
    const code = original.charCodeAt(i);
    if (code < 0x80 && ORDINARY[code]) {
      // the common case: a run of ASCII that stands for itself, copied in one tight loop
      out.reserve(to - i);
      const { codes, starts, ends } = out;
      let at = out.length;
      let j = i;
      for (; j < to; j++, at++) {
        const c = original.charCodeAt(j);
        if (c >= 0x80 || !ORDINARY[c]) break;
        codes[at] = c;
        starts[at] = j;
        ends[at] = j + 1;
      }
      out.length = at;
      i = j;
      continue;
    }
    if (code < 0x80 && code !== 60 && code !== 38 && code !== 37) {
      // Markdown emphasis goes, a line break ends a right-to-left run
      if (code !== 42 && code !== 95 && code !== 126 && code !== 96) {
        if (code === NEWLINE || code === 13) out.endOfLine();
        out.pushCode(code, i, i + 1);
      }
      i++;
      continue;
    }
    if (code === 60 /* < */ && html) {
      if (original.startsWith('<!--', i)) {
        const close = finder.find('-->', i + 4);
        if (close >= 0 && close + 3 <= to) {
          decode(original, i + 4, close, aside, aside, true, finder);
          aside.endOfLine();
          aside.pushCode(NEWLINE, close, close);
          i = close + 3;
          continue;
        }
      } else {
        const tag = scanTag(original, i, to, finder);
        if (tag) {
          if (BLOCK_TAGS.has(tag.name)) {
            out.endOfLine();
            out.pushCode(SPACE, i, tag.end);
          }
          for (let v = 0; v < tag.values.length; v += 2) {
            const end = tag.values[v + 1] as number;
            decode(original, tag.values[v] as number, end, aside, aside, false, finder);
            aside.endOfLine();
            aside.pushCode(NEWLINE, end, end);
          }
          i = tag.end;
          continue;
        }
      }
    } else if (code === 38 /* & */) {
      ENTITY.lastIndex = i;
      const m = ENTITY.exec(original);
      const decoded = m && i + m[0].length <= to ? decodeEntity(m[1] as string) : null;
      if (m && decoded !== null) {
        for (const c of decoded) emit(out, c.codePointAt(0) as number, i, i + m[0].length);
        i += m[0].length;
        continue;
      }
    } else if (code === 37 /* % */) {
      // one UTF-8 character at a time, spanning the escapes of its own bytes; a broken sequence
      // stays as it is written
      const decoded = percentChar(original, i, to);
      if (decoded > 0) {
        const length = decoded > 0xffff ? 12 : decoded > 0x7ff ? 9 : decoded > 0x7f ? 6 : 3;
        emit(out, decoded, i, i + length);
        i += length;
        continue;
      }
    }
    const cp = original.codePointAt(i) as number;
    const width = cp > 0xffff && i + 1 < to ? 2 : 1;
    emit(out, width === 2 ? cp : code, i, i + width);
    i += width;
  }
}

const isLetterCode = (code: number) =>
  isAsciiLetter(code) || (code >= 0x80 && /\p{L}/u.test(String.fromCharCode(code)));

/** Step 2: words hyphenated across a line break ("Um-\n  satz") joined, in place. */
function joinHyphenation(b: SpannedText) {
  const { codes } = b;
  let write = -1; // where the compacted text continues, once something was removed
  let copied = 0; // characters before this are in place
  for (
    let nl = codes.indexOf(NEWLINE);
    nl >= 0 && nl < b.length;
    nl = codes.indexOf(NEWLINE, nl + 1)
  ) {
    let h = nl - 1;
    if (codes[h] === 13) h--;
    while (h >= 0 && (codes[h] === SPACE || codes[h] === 9)) h--;
    if (h < 1 || codes[h] !== 45 /* - */ || !isLetterCode(codes[h - 1] as number)) continue;
    let next = nl + 1;
    while (next < b.length && (codes[next] === SPACE || codes[next] === 9)) next++;
    if (next >= b.length || !isLetterCode(codes[next] as number)) continue;
    if (h < copied) continue;
    // drop [h, next): the hyphen, the line break and the indentation
    if (write < 0) write = h;
    else {
      move(b, copied, h, write);
      write += h - copied;
    }
    copied = next;
  }
  if (write < 0) return;
  move(b, copied, b.length, write);
  b.length = write + b.length - copied;
}

function move(b: SpannedText, from: number, to: number, at: number) {
  b.codes.copyWithin(at, from, to);
  b.starts.copyWithin(at, from, to);
  b.ends.copyWithin(at, from, to);
}

/** The same buffer in display order: each right-to-left override run reversed. */
function displayOrder(b: SpannedText): SpannedText {
  const d = new SpannedText(b.length + 1);
  d.codes.set(b.codes.subarray(0, b.length));
  d.starts.set(b.starts.subarray(0, b.length));
  d.ends.set(b.ends.subarray(0, b.length));
  d.length = b.length;
  for (let r = 0; r < b.reversed.length; r += 2) {
    const from = b.reversed[r] as number;
    const to = b.reversed[r + 1] as number;
    d.codes.subarray(from, to).reverse();
    d.starts.subarray(from, to).reverse();
    d.ends.subarray(from, to).reverse();
    // a surrogate pair stays in its order
    for (let k = from; k + 1 < to; k++) {
      const a = d.codes[k] as number;
      const c = d.codes[k + 1] as number;
      if (a >= 0xdc00 && a <= 0xdfff && c >= 0xd800 && c <= 0xdbff) {
        d.codes[k] = c;
        d.codes[k + 1] = a;
        const s = d.starts[k] as number;
        d.starts[k] = d.starts[k + 1] as number;
        d.starts[k + 1] = s;
        const e = d.ends[k] as number;
        d.ends[k] = d.ends[k + 1] as number;
        d.ends[k + 1] = e;
        k++;
      }
    }
  }
  return d;
}

function decodeAll(original: string): SpannedText {
  const out = new SpannedText(original.length + 16);
  const aside = new SpannedText(16);
  decode(original, 0, original.length, out, aside, true, new Finder(original));
  out.endOfLine();
  if (aside.length) {
    // what HTML shows outside the flow follows the text (so it cannot split a word of it)
    out.pushCode(NEWLINE, original.length, original.length);
    out.append(aside);
  }
  return out;
}

/** The plain layer of a text, in the order it is stored (see the top of this file). */
export function plainLayer(original: string): Layer {
  const decoded = decodeAll(original);
  joinHyphenation(decoded);
  return decoded.toLayer();
}

/**
 * The plain layers a text is checked in: as stored, and — when it has right-to-left overrides —
 * in display order as well.
 */
export function plainLayers(original: string): Layer[] {
  const decoded = decodeAll(original);
  if (!decoded.reversed.length) {
    joinHyphenation(decoded);
    return [decoded.toLayer()];
  }
  const shown = displayOrder(decoded);
  joinHyphenation(decoded);
  joinHyphenation(shown);
  return [decoded.toLayer(), shown.toLayer()];
}

const DIGIT_GAP = /[0-9] [0-9]/;

/**
 * The texts regex rules run on, from a plain layer: the layer itself and, when digits are grouped
 * by spaces ("KD-123 456", thin and no-break spaces are spaces by now), the layer without those
 * single spaces between two digits.
 */
export function regexViews(plain: Layer): Layer[] {
  const text = plain.text;
  if (!DIGIT_GAP.test(text)) return [plain];
  const out = new SpannedText(text.length + 1);
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (
      code === SPACE &&
      k > 0 &&
      isDigit(text.charCodeAt(k - 1)) &&
      isDigit(text.charCodeAt(k + 1))
    )
      continue;
    out.pushCode(code, plain.starts[k] as number, plain.ends[k] as number);
  }
  return [plain, out.toLayer()];
}

// ---------------------------------------------------------------------------------------------
// skeleton

/** Endings a German or English word takes when inflected (Umsatz-es, revenue-s, Falke-n). */
export const INFLECTION: ReadonlySet<string> = new Set([
  '',
  'e',
  'n',
  's',
  'en',
  'es',
  'er',
  'em',
  'ern',
  'ens',
  'ns',
  'ed',
  'd',
  'ing',
  'ings',
  'ies',
  'r',
]);

/** The words rules look for (skeletons), as a trie, for joining words split by a hyphen or space. */
export type WordIndex = {
  /** child of the root per character code (the cheap first test) */
  first: Int32Array;
  /** child per (node × 128 + character code) below the root */
  children: Map<number, number>;
  /** per node: a word ends here */
  word: Uint8Array;
};

/** A word index of skeleton words; words shorter than 4 letters are too common to be joined. */
export function wordIndex(words: Iterable<string>): WordIndex | null {
  const first = new Int32Array(128).fill(-1);
  const children = new Map<number, number>();
  const ends: number[] = [];
  let nodes = 1;
  for (const w of words) {
    if (w.length < 4 || !/^[a-z0-9]+$/.test(w)) continue;
    let node = 0;
    for (let i = 0; i < w.length; i++) {
      const c = w.charCodeAt(i);
      let child = node === 0 ? (first[c] as number) : (children.get(node * 128 + c) ?? -1);
      if (child < 0) {
        child = nodes++;
        if (node === 0) first[c] = child;
        else children.set(node * 128 + c, child);
      }
      node = child;
    }
    ends.push(node);
  }
  if (!ends.length) return null;
  const word = new Uint8Array(nodes);
  for (const e of ends) word[e] = 1;
  return { first, children, word };
}

const SPELLED: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', æ: 'ae', œ: 'oe' };
const spellings = new Map<number, string>();
/** The skeleton spelling of a code unit outside ASCII: lower case, umlauts spelled, no accents. */
function spell(code: number): string {
  let s = spellings.get(code);
  if (s === undefined) {
    const raw = String.fromCharCode(code);
    const lower = raw === 'ẞ' ? 'ß' : raw.toLowerCase();
    s = '';
    for (const c of lower) s += SPELLED[c] ?? c.normalize('NFKD').replace(/\p{M}/gu, '');
    if (spellings.size >= 65_536) spellings.clear();
    spellings.set(code, s);
  }
  return s;
}

/** The cheap first test: the text [from, to) begins like one of the words (two letters). */
function beginsWord(words: WordIndex, codes: Uint16Array, from: number, to: number): boolean {
  const node = words.first[codes[from] as number] as number;
  if (node < 0) return false;
  return to - from < 2 || words.children.has(node * 128 + (codes[from + 1] as number));
}

// per ASCII character: its letter or digit in the skeleton (lower case), or 0 for a separator
const ASCII_WORD = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_WORD[c] = c;
for (let c = 97; c <= 122; c++) ASCII_WORD[c] = ASCII_WORD[c - 32] = c;

// what a run of separators between two letters holds (bits): white space (line breaks too),
// dashes, anything else (. / · • an emoji …)
const SEPARATOR_SPACE = 1;
const SEPARATOR_DASH = 2;
const SEPARATOR_GLUE = 4;
const DASH = /\p{Pd}/u;
const WHITE = /\s/u;

function separatorKind(text: string, k: number): number {
  const code = text.charCodeAt(k);
  if (code === SPACE || (code >= 9 && code <= 13)) return SEPARATOR_SPACE;
  if (code === 45) return SEPARATOR_DASH;
  if (code < 0x80 || (code >= 0xd800 && code <= 0xdfff)) return SEPARATOR_GLUE;
  const ch = text[k] as string;
  return WHITE.test(ch) ? SEPARATOR_SPACE : DASH.test(ch) ? SEPARATOR_DASH : SEPARATOR_GLUE;
}

/**
 * Whether a run of separators may split a word (0: no; 1: when a small letter follows, as in
 * "Um satz" but not "um Satz"; 2: always): up to three characters of white space ("Um\r\nsatz"),
 * a dash with up to two of white space around it ("Um - satz"), or up to two characters (one
 * emoji) of anything else, with no white space ("Um.satz", "Um/satz", "Um·satz", "Um🔥satz").
 */
function splitKind(kind: number, chars: number): number {
  if (kind === SEPARATOR_SPACE) return chars <= 3 ? 1 : 0;
  if (kind & SEPARATOR_GLUE) return kind === SEPARATOR_GLUE && chars <= 2 ? 2 : 0;
  return chars <= 3 ? 2 : 0;
}

function isLowerLetterAt(plain: Layer, k: number): boolean {
  const code = plain.text.charCodeAt(k);
  if (code < 0x80) return code >= 97 && code <= 122;
  const ch = plain.text[k] as string;
  return ch.toLowerCase() === ch && ch.toUpperCase() !== ch;
}

/**
 * The skeleton of a plain layer (see the top of this file). With the rules' words, a word split
 * by a short run of separators (splitKind) is joined when the whole (maybe inflected) is one of
 * them; for white space, only when the second part starts with a small letter ("Um satz", not
 * "um Satz").
 */
export function skeletonLayer(plain: Layer, words?: WordIndex | null): Layer {
  const text = plain.text;
  const n = text.length;
  // one pass (without helper closures: this is the hottest path of a check): lower case, umlauts
  // spelled out, accents off, everything else one space, and folded: ae → a, oe → o, ue → u,
  // ss → s, so Umsatz, Umsätze and Umsaetze share one stem. Noted on the way: the separators that
  // may split a word, and the runs of single letters.
  const out = new SpannedText(n + 16);
  let folded = false; // the last letter took in the one after it (ae → a): no second time
  let sepAt = -1; // the space just written, while no letter follows
  let sepChars = 0; // how many characters of the plain layer it stands for
  let sepKind = 0;
  const joinable: number[] = [];
  let tokenStart = 0;
  let runStart = -1;
  let runLength = 0;
  const spaced: number[] = []; // [from, to) of letters spaced out, 3 or more in a row
  for (let k = 0; k < n; k++) {
    const code = text.charCodeAt(k);
    const s = plain.starts[k] as number;
    const e = plain.ends[k] as number;
    const spelled = code < 0x80 ? null : spell(code);
    const count = spelled === null ? 1 : spelled.length;
    for (let x = 0; x < count; x++) {
      let c =
        spelled === null ? (code >= 65 && code <= 90 ? code + 32 : code) : spelled.charCodeAt(x);
      // @ and $ inside a word stand for a and s ("Ums@tz", "Um$atz")
      if ((c === 64 || c === 36) && sepAt < 0 && out.length > tokenStart && isLetterAfter(text, k))
        c = c === 64 ? 97 : 115;
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
        if (sepAt >= 0) {
          // a short run of separators between two letters: maybe a split word (see splitKind;
          // white space only before a small letter: "Um satz", not "um Satz")
          // the word before must begin like a rule's word, or continue a split one ("Pro-jek-t")
          const split = words ? splitKind(sepKind, sepChars) : 0;
          if (
            split &&
            c >= 97 &&
            sepAt > 0 &&
            (out.codes[sepAt - 1] as number) >= 97 &&
            (joinable[joinable.length - 1] === tokenStart - 1 ||
              beginsWord(words!, out.codes, tokenStart, sepAt)) &&
            (split === 2 || isLowerLetterAt(plain, k))
          )
            joinable.push(sepAt);
          sepAt = -1;
          tokenStart = out.length;
        } else if (out.length > tokenStart && !folded) {
          const prev = out.codes[out.length - 1] as number;
          if (
            (c === 101 && (prev === 97 || prev === 111 || prev === 117)) ||
            (c === 115 && prev === 115)
          ) {
            out.ends[out.length - 1] = e;
            folded = true;
            continue;
          }
        }
        out.pushCode(c, s, e);
        folded = false;
        if (spelled !== null) continue;
        // more ASCII letters of the same word, in a tight loop (most of any text)
        out.reserve(n - k);
        const { codes, starts, ends } = out;
        const { starts: from, ends: to } = plain;
        let at = out.length;
        while (k + 1 < n) {
          const next = text.charCodeAt(k + 1);
          const lower = next < 0x80 ? (ASCII_WORD[next] as number) : 0;
          if (!lower) break;
          k++;
          const prev = codes[at - 1] as number;
          if (
            !folded &&
            ((lower === 101 && (prev === 97 || prev === 111 || prev === 117)) ||
              (lower === 115 && prev === 115))
          ) {
            ends[at - 1] = to[k] as number;
            folded = true;
            continue;
          }
          codes[at] = lower;
          starts[at] = from[k] as number;
          ends[at] = to[k] as number;
          at++;
          folded = false;
        }
        out.length = at;
      } else if (sepAt >= 0) {
        sepChars++;
        if (x === 0) sepKind |= separatorKind(text, k);
        // the run covers all its characters: text HTML shows outside the flow (a comment) follows
        // the text, so the plain layer's spans are not always in order
        if (e > (out.ends[sepAt] as number)) out.ends[sepAt] = e;
        if (s < (out.starts[sepAt] as number)) out.starts[sepAt] = s;
      } else {
        if (out.length > tokenStart) {
          // a word ended: one letter long, it may be one of letters spaced out
          if (out.length - tokenStart === 1) {
            if (runLength === 0) runStart = tokenStart;
            runLength++;
          } else {
            if (runLength >= 3) spaced.push(runStart, runStart + runLength * 2 - 1);
            runLength = 0;
          }
        }
        sepAt = out.length;
        sepChars = 1;
        sepKind = separatorKind(text, k);
        out.pushCode(SPACE, s, e);
        folded = false;
      }
    }
  }
  if (sepAt < 0 && out.length - tokenStart === 1) {
    if (runLength === 0) runStart = tokenStart;
    runLength++;
  }
  if (runLength >= 3) spaced.push(runStart, runStart + runLength * 2 - 1);

  let result = out;
  let splits = joinable;
  // letters spaced out ("U m s a t z", "U.m.s.a.t.z"): their spaces go
  if (spaced.length) [result, splits] = dropSpaces(result, spaced, splits);
  // a word split by one hyphen or space, joined when the whole is a rule's word
  if (words && splits.length) {
    const remove = splitWords(result, splits, words);
    if (remove.length) [result] = dropSpaces(result, remove, []);
  }
  unleet(result);
  return result.toLayer();
}

function isLetterAfter(text: string, k: number): boolean {
  const next = text.charCodeAt(k + 1);
  if (next < 0x80) return (next >= 97 && next <= 122) || (next >= 65 && next <= 90);
  return k + 1 < text.length && isLetterCode(next);
}

// digits written for the letters they look like: 0 o, 1 i, 3 e, 4 a, 5 s, 7 t, 8 b
const LEET = new Uint8Array(58);
[
  [48, 111],
  [49, 105],
  [51, 101],
  [52, 97],
  [53, 115],
  [55, 116],
  [56, 98],
].forEach(([digit, letter]) => (LEET[digit as number] = letter as number));
const isSmallLetter = (c: number) => c >= 97 && c <= 122;

/** How many small letters stand in a row from `k` in direction `step` (+1 or -1). */
function lettersFrom(codes: Uint16Array, length: number, k: number, step: number): number {
  let count = 0;
  for (let x = k; x >= 0 && x < length && isSmallLetter(codes[x] as number); x += step) count++;
  return count;
}

/**
 * Digits written for letters read as the letters they stand for ("Pr0jekt", "Ums4tz", "F4lk3",
 * "1nterne"), in place: a run of them between letters, or at the start or end of a word of at
 * least three letters more. Numbers, years after a word ("Umsatz2026"), short codes ("Q3", "4K")
 * and codes like "KD-123456" stay digits.
 */
function unleet(b: SpannedText) {
  const { codes, length } = b;
  for (let k = 0; k < length; k++) {
    const c = codes[k] as number;
    if (c >= 58 || !LEET[c]) continue;
    let end = k;
    while (end < length && (codes[end] as number) < 58 && LEET[codes[end] as number]) end++;
    const before = lettersFrom(codes, length, k - 1, -1);
    const after = lettersFrom(codes, length, end, 1);
    const startsWord = k === 0 || codes[k - 1] === SPACE;
    const endsWord = end === length || codes[end] === SPACE;
    if ((before > 0 && after > 0) || (startsWord && after >= 3) || (endsWord && before >= 3))
      for (let x = k; x < end; x++) codes[x] = LEET[codes[x] as number] as number;
    k = end;
  }
}

/**
 * The buffer without the spaces inside the given ranges ([from, to) pairs, ascending), folding
 * letters that meet (a e → a), and where the positions `marks` (ascending) went.
 */
function dropSpaces(
  b: SpannedText,
  pairs: readonly number[],
  marks: readonly number[],
): [SpannedText, number[]] {
  const out = new SpannedText(b.length + 1);
  const moved: number[] = [];
  let r = 0;
  let m = 0;
  let joined = false;
  for (let k = 0; k < b.length; k++) {
    while (r < pairs.length && k >= (pairs[r + 1] as number)) r += 2;
    const c = b.codes[k] as number;
    if (c === SPACE && r < pairs.length && k >= (pairs[r] as number)) {
      joined = true;
      continue;
    }
    if (joined && out.length) {
      const prev = out.codes[out.length - 1] as number;
      if (
        (c === 101 && (prev === 97 || prev === 111 || prev === 117)) ||
        (c === 115 && prev === 115)
      ) {
        out.ends[out.length - 1] = b.ends[k] as number;
        joined = false;
        continue;
      }
    }
    joined = false;
    while (m < marks.length && (marks[m] as number) < k) m++;
    if (marks[m] === k) moved.push(out.length);
    out.pushCode(c, b.starts[k] as number, b.ends[k] as number);
  }
  return [out, moved];
}

/**
 * The separators among the candidates (ascending positions) that split a rule's word, as
 * [p, p + 1) pairs.
 */
function splitWords(
  folded: SpannedText,
  candidates: readonly number[],
  index: WordIndex,
): number[] {
  const { codes, length } = folded;
  const { first, children, word } = index;
  const step = (node: number, c: number) =>
    c >= 128 ? -1 : node === 0 ? (first[c] as number) : (children.get(node * 128 + c) ?? -1);
  const remove: number[] = [];
  let done = -1; // candidates up to here are decided
  for (let q = 0; q < candidates.length; q++) {
    const sep = candidates[q] as number;
    if (sep <= done) continue;
    // the part before: from the previous space
    let from = sep;
    while (from > 0 && codes[from - 1] !== SPACE) from--;
    let node = 0;
    for (let k = from; k < sep && node >= 0; k++) node = step(node, codes[k] as number);
    if (node <= 0) continue;
    // the parts after, across further candidate separators, while they continue a word
    let last = -1; // index in candidates of the last separator of an accepted join
    let at = sep;
    let qq = q;
    for (;;) {
      let end = at + 1;
      while (end < length && codes[end] !== SPACE) end++;
      let wordEnd = -1; // a rule's word ends before this position (inside this part)
      let k = at + 1;
      for (; k < end; k++) {
        if (k > at + 1 && word[node]) wordEnd = k;
        node = step(node, codes[k] as number);
        if (node < 0) break;
      }
      if (k === end && node >= 0 && word[node]) wordEnd = end;
      if (wordEnd > at + 1 && INFLECTION.has(sliceCodes(codes, wordEnd, end))) last = qq;
      if (node < 0 || k < end || candidates[qq + 1] !== end) break;
      qq++;
      at = end;
    }
    if (last < 0) continue;
    for (let x = q; x <= last; x++)
      remove.push(candidates[x] as number, (candidates[x] as number) + 1);
    done = candidates[last] as number;
  }
  return remove;
}

function sliceCodes(codes: Uint16Array, from: number, to: number): string {
  let s = '';
  for (let k = from; k < to; k++) s += String.fromCharCode(codes[k] as number);
  return s;
}

/** The skeleton of a rule's pattern, made the same way as the text's. */
export function skeleton(text: string): string {
  return skeletonLayer(plainLayer(text)).text.trim();
}
