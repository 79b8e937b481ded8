// The Snowball stemmers of nlp.js (German and English), which ship without type declarations.
// Only what the matching engine uses is declared: set a word, run the algorithm, read the stem.
declare module '@nlpjs/lang-de/src/stemmer-de.js' {
  export default class StemmerDe {
    setCurrent(word: string): void;
    innerStem(): boolean;
    getCurrent(): string;
  }
}
declare module '@nlpjs/lang-en-min/src/stemmer-en.js' {
  export default class StemmerEn {
    setCurrent(word: string): void;
    innerStem(): boolean;
    getCurrent(): string;
  }
}
