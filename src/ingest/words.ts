import { readFileSync } from "node:fs";
import wordListPath from "word-list";
import { cachedTable } from "../lexicon/table.js";

/** The English word list used to repair words hyphenated across page breaks. */
export interface WordList {
  has(word: string): boolean;
}

/** Engines and data the ingest stage needs, loaded once and passed in. */
export interface IngestResources {
  words: WordList;
}

/** Loads the 274,000-word list of the `word-list` package once (cached sorted beside the code, searched in place). */
export function loadWordList(): WordList {
  const table = cachedTable("words.tsv", [wordListPath], () => readFileSync(wordListPath, "utf8").split("\n").map((w) => [w.trim(), ""] as const));
  return { has: (w) => table.get(w.toLowerCase()) !== undefined };
}
