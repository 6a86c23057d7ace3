import type { Lang } from "../model/index.js";

const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;

/** Counts Han and Latin letters. */
export function scriptCounts(text: string): { han: number; latin: number } {
  let han = 0;
  let latin = 0;
  for (const ch of text) {
    if (HAN.test(ch)) han++;
    else if (LATIN.test(ch)) latin++;
  }
  return { han, latin };
}

/**
 * The language of a paragraph by script: Chinese when Han characters carry the text
 * (one Han character does the work of about three Latin letters, so Latin names and
 * acronyms in a Chinese sentence do not tip it), English when Latin letters do, and
 * undefined for blocks with neither (page numbers, rules, lone punctuation).
 */
export function classify(text: string): Lang | undefined {
  const { han, latin } = scriptCounts(text);
  if (han === 0 && latin === 0) return undefined;
  return han * 3 >= latin ? "zh" : "en";
}

/** Whether a character is CJK (ideographs, CJK punctuation, full-width forms). */
export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2018-\u201d]/u.test(ch);
}
