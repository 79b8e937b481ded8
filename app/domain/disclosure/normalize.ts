/**
 * Text normalization for disclosure checks, in two layers that remember, for every character,
 * which characters of the original text it came from (so findings can be highlighted there):
 *
 * - the "plain" layer undoes disguises but keeps letter case and punctuation: HTML tags and
 *   entities, URL encoding, zero-width characters and soft hyphens, full-width and look-alike
 *   letters, combining accents, Markdown emphasis, words hyphenated across a line break. Regex
 *   rules run here.
 * - the "skeleton" layer is lower case, spells umlauts and ß out and folds them (ä/ae → a,
 *   ß/ss → s), turns every run of other characters into one space and joins letters that were
 *   spaced out. Term, phrase and figure rules run here.
 */

export type Layer = {
  text: string;
  /** original start offset of each character */
  starts: Int32Array;
  /** original end offset (exclusive) of each character */
  ends: Int32Array;
};

// growable UTF-16 buffer with the source span of every code unit (typed arrays: 100 KB of text
// passes each step in a few milliseconds)
// decoding UTF-16 code units in one call is far faster than building the string piecewise
const UTF16 = new TextDecoder('utf-16le');
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

class Buffer {
  codes: Uint16Array;
  starts: Int32Array;
  ends: Int32Array;
  length = 0;
  constructor(capacity = 64) {
    this.codes = new Uint16Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }
  private grow() {
    const size = this.codes.length * 2;
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
  pushCode(code: number, start: number, end: number) {
    if (this.length === this.codes.length) this.grow();
    this.codes[this.length] = code;
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length++;
  }
  push(text: string, start: number, end: number) {
    for (let i = 0; i < text.length; i++) this.pushCode(text.charCodeAt(i), start, end);
  }
  last(): number {
    return this.length ? (this.codes[this.length - 1] as number) : -1;
  }
  text(): string {
    const units = this.codes.subarray(0, this.length);
    if (LITTLE_ENDIAN) return UTF16.decode(units);
    let out = '';
    for (let i = 0; i < units.length; i += 8192)
      out += String.fromCharCode(...units.subarray(i, i + 8192));
    return out;
  }
}
const toLayer = (b: Buffer): Layer => ({
  text: b.text(),
  starts: b.starts.slice(0, b.length),
  ends: b.ends.slice(0, b.length),
});
const SPACE = 32;

/** Original span [start, end) of the layer span [from, to). */
export function originalSpan(layer: Layer, from: number, to: number): [number, number] {
  return [layer.starts[from] ?? 0, layer.ends[Math.max(from, to - 1)] ?? 0];
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
const isInvisible = (cp: number) => INVISIBLE_RANGES.some(([a, b]) => cp >= a && cp <= b);
const COMBINING = /\p{M}/u;

/** Letters from other scripts that look like Latin ones, as used to slip past filters. */
const CONFUSABLES: Record<string, string> = {
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
  // other look-alikes
  ı: 'i',
  ȷ: 'j',
  ℓ: 'l',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
};

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

/** Decodes a run of %XX escapes as UTF-8; null when it is not valid UTF-8. */
function decodePercentRun(run: string): string | null {
  try {
    return decodeURIComponent(run);
  } catch {
    return null;
  }
}

/**
 * Emits one decoded character: invisible characters and Markdown emphasis go, compatibility
 * forms and look-alikes become plain letters, a combining diaeresis makes an umlaut, other
 * combining accents go.
 */
function emit(out: Buffer, ch: string, start: number, end: number) {
  const code = ch.charCodeAt(0);
  if (ch.length === 1 && code < 0x7f) {
    // * _ ~ ` (Markdown emphasis) join what they separate
    if (code === 42 || code === 95 || code === 126 || code === 96) return;
    out.pushCode(code, start, end);
    return;
  }
  const cp = ch.codePointAt(0) as number;
  if (isInvisible(cp)) return;
  if (COMBINING.test(ch)) {
    const prev = out.length - 1;
    if (prev < 0) return;
    const base = String.fromCharCode(out.codes[prev] as number);
    if (ch === '\u0308' && /[aouAOU]/.test(base))
      out.codes[prev] = (base + '\u0308').normalize('NFC').charCodeAt(0);
    out.ends[prev] = end;
    return;
  }
  out.push((CONFUSABLES[ch] ?? ch).normalize('NFKC'), start, end);
}

/** Step 1: markup and encodings out, disguises undone, each character mapped to its source. */
function decodeMarkup(original: string): Buffer {
  const out = new Buffer(original.length + 16);
  const n = original.length;
  let i = 0;
  while (i < n) {
    const code = original.charCodeAt(i);
    if (code < 0x7f && code !== 60 && code !== 38 && code !== 37) {
      // the common case, inline
      if (code !== 42 && code !== 95 && code !== 126 && code !== 96) out.pushCode(code, i, i + 1);
      i++;
      continue;
    }
    if (code === 60 /* < */) {
      const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>|^<!--[\s\S]*?-->/.exec(
        original.slice(i, i + 2000),
      );
      if (m) {
        const tag = (m[2] ?? '').toLowerCase();
        if (BLOCK_TAGS.has(tag)) out.pushCode(SPACE, i, i + m[0].length);
        i += m[0].length;
        continue;
      }
    } else if (code === 38 /* & */) {
      const m = /^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});?/.exec(
        original.slice(i, i + 40),
      );
      const decoded = m ? decodeEntity(m[1] as string) : null;
      if (m && decoded !== null) {
        for (const c of decoded) emit(out, c, i, i + m[0].length);
        i += m[0].length;
        continue;
      }
    } else if (code === 37 /* % */) {
      const m = /^(?:%[0-9a-fA-F]{2})+/.exec(original.slice(i, i + 600));
      const decoded = m ? decodePercentRun(m[0]) : null;
      if (m && decoded !== null) {
        // each decoded character spans the escapes of its own bytes
        let at = i;
        for (const c of decoded) {
          const bytes = new TextEncoder().encode(c).length;
          emit(out, c, at, at + bytes * 3);
          at += bytes * 3;
        }
        i += m[0].length;
        continue;
      }
    }
    const cp = original.codePointAt(i) as number;
    const width = cp > 0xffff ? 2 : 1;
    emit(out, String.fromCodePoint(cp), i, i + width);
    i += width;
  }
  return out;
}

const isLetter = (code: number) => code >= 0 && /\p{L}/u.test(String.fromCharCode(code));

/** Step 2: words hyphenated across a line break ("Um-\n  satz") joined. */
function joinHyphenation(input: Buffer): Buffer {
  const out = new Buffer(input.length + 16);
  const codes = input.codes;
  const n = input.length;
  for (let k = 0; k < n; k++) {
    const code = codes[k] as number;
    if (code === 45 /* - */ && isLetter(out.last())) {
      let j = k + 1;
      while (j < n && (codes[j] === 32 || codes[j] === 9)) j++;
      if (codes[j] === 13) j++;
      if (j < n && codes[j] === 10) {
        j++;
        while (j < n && (codes[j] === 32 || codes[j] === 9)) j++;
        if (j < n && isLetter(codes[j] as number)) {
          k = j - 1;
          continue;
        }
      }
    }
    out.pushCode(code, input.starts[k] as number, input.ends[k] as number);
  }
  return out;
}

export function plainLayer(original: string): Layer {
  const decoded = decodeMarkup(original);
  // the second pass only when there is something to join (hyphens may come from entities too)
  return toLayer(
    /[-‐‑‒–—−]|&|%2d/i.test(original) && /\n/.test(original) ? joinHyphenation(decoded) : decoded,
  );
}

const SPELLED: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', æ: 'ae', œ: 'oe' };
const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 97 && c <= 122);

/** The skeleton of a plain layer (see the top of this file). */
export function skeletonLayer(plain: Layer): Layer {
  // lower case, umlauts spelled out, accents off, everything else one space
  const spelled = new Buffer(plain.text.length + 16);
  const separator = (s: number, e: number) => {
    if (spelled.last() !== SPACE) spelled.pushCode(SPACE, s, e);
    else spelled.ends[spelled.length - 1] = e;
  };
  for (let k = 0; k < plain.text.length; k++) {
    const code = plain.text.charCodeAt(k);
    const s = plain.starts[k] as number;
    const e = plain.ends[k] as number;
    if (code < 0x80) {
      const lower = code >= 65 && code <= 90 ? code + 32 : code;
      if (isAlnum(lower)) spelled.pushCode(lower, s, e);
      else separator(s, e);
      continue;
    }
    const raw = plain.text[k] as string;
    const lower = raw === 'ẞ' ? 'ß' : raw.toLowerCase();
    for (const c of lower) {
      const spell = SPELLED[c] ?? c.normalize('NFKD').replace(/\p{M}/gu, '');
      for (let x = 0; x < spell.length; x++) {
        const xc = spell.charCodeAt(x);
        if (isAlnum(xc)) spelled.pushCode(xc, s, e);
        else separator(s, e);
      }
    }
  }
  // letters spaced out ("U m s a t z", "U.m.s.a.t.z"): runs of 3+ single letters are one word
  const text = spelled.text();
  const drop = new Uint8Array(text.length);
  // a scan instead of a regex: tokens of one character, three or more in a row
  let runStart = -1;
  let runLength = 0;
  const closeRun = () => {
    if (runLength >= 3) {
      for (let k = runStart; k < runStart + runLength * 2 - 1; k++)
        if (text.charCodeAt(k) === SPACE) drop[k] = 1;
    }
    runLength = 0;
  };
  for (let k = 0; k < text.length;) {
    if (text.charCodeAt(k) === SPACE) {
      k++;
      continue;
    }
    let end = k;
    while (end < text.length && text.charCodeAt(end) !== SPACE) end++;
    if (end - k === 1) {
      if (runLength === 0) runStart = k;
      runLength++;
    } else closeRun();
    k = end;
  }
  closeRun();
  // folding: ae → a, oe → o, ue → u, ss → s, so Umsatz, Umsätze and Umsaetze share one stem
  const folded = new Buffer(text.length + 16);
  for (let k = 0; k < text.length; k++) {
    if (drop[k]) continue;
    const c = text.charCodeAt(k);
    // the next character that is kept
    let n = k + 1;
    while (n < text.length && drop[n]) n++;
    const next = n < text.length ? text.charCodeAt(n) : -1;
    // a e, o e, u e; s s
    if ((next === 101 && (c === 97 || c === 111 || c === 117)) || (c === 115 && next === 115)) {
      folded.pushCode(c, spelled.starts[k] as number, spelled.ends[n] as number);
      k = n;
      continue;
    }
    folded.pushCode(c, spelled.starts[k] as number, spelled.ends[k] as number);
  }
  return toLayer(folded);
}

/** The skeleton of a rule's pattern, made the same way as the text's. */
export function skeleton(text: string): string {
  return skeletonLayer(plainLayer(text)).text.trim();
}
