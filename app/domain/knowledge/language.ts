import type { ContentLanguage } from './vocabulary';

// Frequent function words of each language; a text's language is the one whose words it uses more.
const GERMAN = new Set(
  'der die das und ist nicht ein eine einen einem einer zu mit von den dem des für auf im in sich auch wie was wir sie es bei oder aus nach wenn nur noch über so kann können wird werden sind hat haben man mehr vom zum zur am um dass ob warum welche welcher meine ich oft aber damit'.split(
    ' ',
  ),
);
const ENGLISH = new Set(
  'the and is are not a an to with of for on in it as at by or from after if only also how what we they you can will be have has more about that which why my your when their this these those do does our than into'.split(
    ' ',
  ),
);

/**
 * Suggests the language of a text (German or English) from its function words and letters;
 * null when there is too little to tell.
 */
export function suggestLanguage(text: string): ContentLanguage | null {
  const words = text.toLowerCase().match(/[a-zäöüß]+/g) ?? [];
  let de = 0;
  let en = 0;
  for (const word of words) {
    if (GERMAN.has(word)) de++;
    if (ENGLISH.has(word)) en++;
  }
  // umlauts and ß are strong hints for German; letter groups typical of each language weak ones
  de += (text.match(/[äöüßÄÖÜ]/g) ?? []).length * 0.5;
  for (const word of words) {
    de += (word.match(/sch|pf|tz|ung$|keit|heit|lich$|chen$|ei/g) ?? []).length * 0.3;
    en += (word.match(/th|tion$|ing$|ness$|ly$|wh|ou|ee/g) ?? []).length * 0.3;
  }
  if (de === en) return null;
  if (Math.max(de, en) < 0.3) return null;
  return de > en ? 'de' : 'en';
}
