/**
 * Text analysis for matching German and English content: lower case, umlauts folded the same way
 * whether written ä or ae, stop words out, Snowball stemming of German and English, and German
 * compounds split into the words they are made of (Kontaktlinsenpflege → kontaktlinse + pflege).
 */
import StemmerDe from '@nlpjs/lang-de/src/stemmer-de.js';
import StemmerEn from '@nlpjs/lang-en-min/src/stemmer-en.js';
import { memoized } from '../memo';

const STOP = new Set(
  (
    'der die das den dem des ein eine einer eines einem einen und oder aber nicht kein keine ist sind war waren wird werden wurde ' +
    'hat haben hatte sein ihr ihre ihren ihrem sie er es wir ich du man zu zum zur im in an am auf aus bei mit nach von vor ' +
    'fur uber unter um wie was wer wo wann warum welche welcher welches dass ob wenn als auch noch nur so sehr mehr schon ' +
    'kann konnen muss mussen soll sollen darf durfen will wollen sich uns euch mich dich dir mir ihm ihn denn doch ja nein ' +
    'manchmal immer oft etwa dies diese dieser dieses jener alle alles viele vielen andere anderen eigentlich gibt geht ' +
    'mein meine meinen meinem meiner meines dein deine deinen deinem deiner unser unsere unseren unserem unserer ' +
    'the a an and or but not no is are was were be been being has have had do does did will would can could should may ' +
    'might must shall of to in on at by for with from into about over under after before as it its this that these those ' +
    'they them their we our you your he she his her i me my what which who whom why how when where there here than then ' +
    'so very more most some any all each every other such own same also just only too up out if while during between ' +
    'what s t get gets got make makes'
  ).split(' '),
);

/** Lower case with umlauts and ß folded (ä and ae alike → a), accents off, other marks spaces. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä|ae/g, 'a')
    .replace(/ö|oe/g, 'o')
    .replace(/ü|ue/g, 'u')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The languages whose stemming rules the engine knows; other texts get the stems of both. */
export type StemLanguage = 'de' | 'en';

const german = new StemmerDe();
const english = new StemmerEn();
// no real word is longer (German's longest compounds have about 60 letters); the stemmers rewrite
// the word letter by letter and take time quadratic in its length, so a hostile 1 MB "word" would
// hold the server for minutes
const MAX_STEMMED_LENGTH = 64;
const snowball = (stemmer: StemmerDe | StemmerEn, word: string) => {
  if (word.length > MAX_STEMMED_LENGTH) return word;
  // the algorithm itself, without the stemmer's own cache (which never forgets a word)
  stemmer.setCurrent(word);
  stemmer.innerStem();
  return stemmer.getCurrent();
};
// English words whose final s is no plural ending (Snowball keeps "news", "atlas" and "bias" but
// would cut "lens" to "len" while "lenses" becomes "lens")
const ENGLISH_SINGULAR_S = new Set(['lens']);
// words repeat across texts: each is stemmed once (the memos start afresh when large)
const germanStem = memoized(100_000, (word) => snowball(german, word));
const englishStem = memoized(100_000, (word) =>
  ENGLISH_SINGULAR_S.has(word) ? word : snowball(english, word),
);

/**
 * The Snowball stem of a folded word (see `foldText`) in the given language: German
 * ("bestellungen" → "bestell") or English ("shipping" → "ship"). Numbers stay as they are.
 */
export function stem(word: string, language: StemLanguage = 'de'): string {
  if (/^\d+$/.test(word)) return word;
  return language === 'en' ? englishStem(word) : germanStem(word);
}

/** The language whose stems a text gets, or null when it is neither (or not known): both. */
export function stemLanguage(language: string | null | undefined): StemLanguage | null {
  return language === 'de' || language === 'en' ? language : null;
}

/** A word's stems: in the text's language, or in both languages when that is not known. */
export function stems(word: string, language: StemLanguage | null): string[] {
  if (language) return [stem(word, language)];
  const de = stem(word, 'de');
  const en = stem(word, 'en');
  return de === en ? [de] : [de, en];
}

/** Words of a text, folded, without stop words and one-letter tokens. */
export function words(text: string): string[] {
  return foldedWords(foldText(text));
}

/** The words of a text already folded by `foldText`. */
export function foldedWords(folded: string): string[] {
  return folded.split(' ').filter((w) => w.length > 1 && !STOP.has(w));
}

/**
 * How each word of `words(text)` was written (lower case, umlauts and accents kept), so that an
 * explanation can quote "Übersicht" rather than the folded "ubersicht".
 */
export function wordSurfaces(text: string): Map<string, string> {
  const shown = new Map<string, string>();
  for (const raw of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (!raw) continue;
    for (const w of foldedParts(raw)) if (!shown.has(w)) shown.set(w, raw);
  }
  return shown;
}

// words repeat across texts: each written form is folded once (the memo starts afresh when large)
const foldedParts = memoized(100_000, (raw) => foldText(raw).split(' ').filter(Boolean));

/** The longest word that is split into parts (Donaudampfschifffahrtsgesellschaft has 34). */
export const MAX_COMPOUND_LENGTH = 64;

/**
 * Splits a German compound into known parts, trying the longest known head first and allowing
 * the linking letters s, n, en, es, e between parts. `known` holds stems of words seen elsewhere.
 */
export function splitCompound(
  word: string,
  known: ReadonlySet<string>,
  depth = 0,
): string[] | null {
  // longer "words" are no compounds but junk (a pasted hash, a run of letters): trying every cut
  // of them would take quadratic time
  if (word.length < 8 || word.length > MAX_COMPOUND_LENGTH || depth > 3) return null;
  for (let cut = word.length - 4; cut >= 4; cut--) {
    const head = word.slice(0, cut);
    const headStem = stem(head);
    if (!known.has(headStem) && !known.has(head)) continue;
    for (const link of ['', 's', 'n', 'en', 'es', 'e']) {
      if (link && !word.startsWith(link, cut)) continue;
      const rest = word.slice(cut + link.length);
      if (rest.length < 4) continue;
      const restStem = stem(rest);
      if (known.has(restStem) || known.has(rest)) return [headStem, restStem];
      const deeper = splitCompound(rest, known, depth + 1);
      if (deeper) return [headStem, ...deeper];
    }
  }
  return null;
}

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      );
      best = Math.min(best, cur[j] as number);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] as number;
}
