import type { Paragraph, Sentence } from "../model/index.js";
import { splitEnglish } from "./en.js";
import { cut } from "./split.js";
import { splitChinese } from "./zh.js";

export { splitEnglish } from "./en.js";
export { splitChinese } from "./zh.js";

/** Splits a paragraph into sentences by its language; a heading is always one sentence. */
export function splitParagraph(p: Paragraph, paragraphIndex: number): Sentence[] {
  if (p.kind === "heading") return cut(p, paragraphIndex, []);
  return p.lang === "en" ? splitEnglish(p, paragraphIndex) : splitChinese(p, paragraphIndex);
}
