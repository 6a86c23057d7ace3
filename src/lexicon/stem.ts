import { stemmer } from "stemmer";
import { EN_IRREGULAR } from "./data/irregular.js";
import { EN_STOP } from "./data/stopwords.js";

/**
 * Porter stem (the `stemmer` package) of the word's base form (said → say), applied alike to
 * dictionary glosses and sentences.
 */
export function stem(word: string): string {
  const w = word.toLowerCase();
  return stemmer(EN_IRREGULAR.get(w) ?? w);
}

/** Content-word stems of an English text (stop words and numbers left out). */
export function englishStems(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/[A-Za-z][A-Za-z'-]*/g)) {
    for (const part of m[0].split("-")) {
      const w = part.toLowerCase().replace(/'s?$/, "");
      if (w.length < 2 || EN_STOP.has(w)) continue;
      out.push(stem(w));
    }
  }
  return out;
}
