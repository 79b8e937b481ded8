import { stems, stemLanguage, wordSurfaces, words } from './analyze';

/**
 * What a content gap lacks: the important words of a need (after the engine's analysis: folded,
 * without stop words, one per stem) that no knowledge item covers. They name the glossary term
 * or the expert interview that would close the gap.
 */

/** Words shorter than this say too little on their own ("45", "ab", "tun"). */
const MIN_WORD_LENGTH = 4;
/** At most this many missing words are named: the first ones of the need, in its order. */
export const MAX_MISSING = 6;

/**
 * Function words the engine's analysis keeps (they weigh little there) but that never name a
 * concept to ask for.
 */
const FILLER = new Set(
  (
    'beim vom ins damit dabei dafur dazu davon daran darauf ohne etwas bitte ganz gerade ' +
    'bevor nachdem wahrend seit bis gegen jetzt dann also bzw could would really things thing ' +
    'does done want need needs please something anything without through until since'
  ).split(' '),
);

export type NeedText = { text: string; tags: readonly string[]; language?: string | null };

/**
 * The need's important words, as written (lower case, umlauts kept), in the order they appear:
 * the text's words and then its tags', each stem once.
 */
export function importantWords(need: NeedText): string[] {
  const language = stemLanguage(need.language);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of [need.text, ...need.tags]) {
    const shown = wordSurfaces(part);
    for (const w of words(part)) {
      if (w.length < MIN_WORD_LENGTH || /^\d+$/.test(w) || FILLER.has(w)) continue;
      const key = stems(w, language).join('|');
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(shown.get(w) ?? w);
    }
  }
  return out;
}

/**
 * The important words that `covered` says no item speaks of (`covered` asks the matcher with
 * the word alone), the first MAX_MISSING of them.
 */
export function missingWords(need: NeedText, covered: (word: string) => boolean): string[] {
  return importantWords(need)
    .filter((w) => !covered(w))
    .slice(0, MAX_MISSING);
}

/**
 * The department to ask first: the one of the nearest item that has one, else the first known
 * department (or '' when none is known).
 */
export function defaultDepartment(
  nearest: readonly { department: string }[],
  departments: readonly string[],
): string {
  const near = nearest.find((n) => n.department && departments.includes(n.department));
  return near?.department ?? departments[0] ?? '';
}
