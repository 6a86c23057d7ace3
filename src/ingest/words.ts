import { readFileSync } from "node:fs";
import wordListPath from "word-list";

/** The English word list used to repair words hyphenated across page breaks. */
export interface WordList {
  has(word: string): boolean;
}

/** Engines and data the ingest stage needs, loaded once and passed in. */
export interface IngestResources {
  words: WordList;
}

/** Loads the 274,000-word list of the `word-list` package once (about 50 ms). */
export function loadWordList(): WordList {
  const set = new Set(readFileSync(wordListPath, "utf8").split("\n"));
  return { has: (w) => set.has(w.toLowerCase()) };
}
