/**
 * Chinese characters and full-width punctuation: Chinese is written without spaces, so a
 * line break inside a Chinese term (a PDF or Word line end) joins with nothing (DESIGN.md:
 * "the Chinese side continues the same way").
 */
const CJK = "[\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef]";
const CJK_GAP = new RegExp(`(?<=${CJK})\\s+(?=${CJK})`, "gu");

/**
 * Folds whitespace in a term or a one-line field: tabs, line breaks and runs of spaces become
 * one space, or nothing between two Chinese characters; the ends are trimmed. `\s` covers
 * U+000B, U+000C, U+0085, U+2028 and U+2029 as well, which end lines in some readers.
 */
export function foldSpace(text: string): string {
  return text.replace(CJK_GAP, "").replace(/\s+/g, " ").trim();
}
