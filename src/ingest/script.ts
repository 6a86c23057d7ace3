import type { Lang } from "../model/index.js";

const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;
/** Han ideographs, CJK symbols and punctuation, full-width forms. Curly quotes are shared with English, so not here. */
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/**
 * One Han character carries about as much text as three Latin letters (a Chinese word is
 * 1–2 characters, an English one 5–6 letters), so Han letters are weighted by this before
 * they are compared with Latin ones. Latin names, acronyms and numbers in a Chinese
 * paragraph then do not tip it, and a Chinese name quoted in English does not either.
 */
export const HAN_WEIGHT = 3;

/** Counts Han and Latin letters (code points, not UTF-16 units). */
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
 * The language of a text by script: Chinese when Han letters (weighted by
 * {@link HAN_WEIGHT}) make up at least half of the Han + Latin letters, English
 * otherwise, and `undefined` for text with neither (page numbers, rules, lone punctuation).
 */
export function classify(text: string): Lang | undefined {
  const { han, latin } = scriptCounts(text);
  if (han === 0 && latin === 0) return undefined;
  return han * HAN_WEIGHT >= latin ? "zh" : "en";
}

/** Whether a character is CJK: an ideograph, CJK punctuation (`。，`) or a full-width form (`（：`). */
export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}

/**
 * A line's language has to be this clear (Han letters × {@link HAN_WEIGHT} + Latin letters)
 * before a change of script from the line before starts a new paragraph: "2024", "(WHO)"
 * or a lone name in a Chinese paragraph's line do not.
 */
export const LINE_SCRIPT_MIN = 8;

/** The language of one line when its letters decide it clearly ({@link LINE_SCRIPT_MIN}), else undefined. */
export function lineLanguage(text: string): Lang | undefined {
  const { han, latin } = scriptCounts(text);
  const weighted = han * HAN_WEIGHT + latin;
  if (weighted < LINE_SCRIPT_MIN) return undefined;
  // Clear means two thirds of the weighted letters: a line that mixes scripts evenly changes nothing.
  if (han * HAN_WEIGHT >= (2 * weighted) / 3) return "zh";
  if (latin >= (2 * weighted) / 3) return "en";
  return undefined;
}
