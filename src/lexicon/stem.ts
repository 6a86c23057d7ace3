import { stemmer } from "stemmer";
import { EN_IRREGULAR } from "./data/irregular.js";
import { EN_STOP } from "./data/stopwords.js";

/**
 * Porter stem (the `stemmer` package) of the word's base form (said → say), applied alike to
 * dictionary glosses and sentences.
 */
export function stem(word: string): string {
  const w = word.toLowerCase();
  return stemmer(EN_IRREGULAR.get(w) ?? americanSpelling(w));
}

/**
 * The American spelling of a British one by its regular endings (labour, centre, organise,
 * organisation): CC-CEDICT glosses in American English. Words that merely end alike (contour,
 * promise) are changed the same way on both sides, so nothing is lost.
 */
function americanSpelling(w: string): string {
  if (w.length >= 6 && /[^aeiou]our(s|ed|ing)?$/.test(w)) return w.replace(/our(s|ed|ing)?$/, "or$1");
  if (w.length >= 5 && /tres?$/.test(w)) return w.replace(/tre(s?)$/, "ter$1");
  if (w.length >= 7 && /is(e|es|ed|ing|ation|ations)$/.test(w)) return w.replace(/is(e|es|ed|ing|ation|ations)$/, "iz$1");
  return w;
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
