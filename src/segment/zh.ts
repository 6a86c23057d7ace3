import type { Paragraph, Sentence } from "../model/index.js";
import { ZH_CLOSERS, ZH_FINAL } from "./data/abbreviations.js";
import { cut } from "./split.js";

const ESC = (s: string): string => s.replace(/[\]\\^-]/g, "\\$&");

/**
 * Sentence ends in Chinese: a run of `。！？!?` with the closing quotes/brackets after it;
 * a half-width `.` counts only right after a Chinese character and before a space or the
 * end (some PDFs use it). `……` and `——` never end a sentence.
 */
const END = new RegExp(`(?:[${ESC(ZH_FINAL)}]+|(?<=\\p{Script=Han})\\.(?=\\s|$))[${ESC(ZH_CLOSERS)}]*`, "gu");

/** Splits a Chinese paragraph into sentences; an unfinished last piece is kept as a sentence. */
export function splitChinese(p: Paragraph, paragraphIndex: number): Sentence[] {
  const ends: number[] = [];
  for (const m of p.text.matchAll(END)) {
    const end = m.index! + m[0].length;
    // "?" or "!" inside Latin text ("what?") is not a Chinese sentence end unless Chinese follows.
    if (/^[?!]/.test(m[0]) && /[A-Za-z]$/.test(p.text.slice(0, m.index!)) && /^\s*[a-z]/.test(p.text.slice(end))) continue;
    ends.push(end);
  }
  return cut(p, paragraphIndex, ends);
}
