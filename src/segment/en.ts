import type { Paragraph, Sentence } from "../model/index.js";
import { AMBIGUOUS, BEFORE_NUMBER, EN_CLOSERS, NEVER_FINAL, SENTENCE_STARTERS } from "./data/abbreviations.js";
import { cut } from "./split.js";

const ESC = (s: string): string => s.replace(/[\]\\^-]/g, "\\$&");

/** 1. Candidate ends: `.?!…` (runs), closing quotes/brackets, white space, then something that can open a sentence. */
const CANDIDATE = new RegExp(`([.?!…]+)([${ESC(EN_CLOSERS)}]*)(?=\\s+(["“‘'(\\[]?)([A-Z0-9\\p{Script=Han}]|["“‘(\\[]))`, "gu");

/** 2. The word before a period, internal dots kept ("U.S", "e.g", "Mr"). */
function wordBefore(text: string, dot: number): string {
  return /([\p{L}\p{N}.&$'-]*)$/u.exec(text.slice(0, dot))?.[1] ?? "";
}

function nextWord(text: string, from: number): string {
  return /^\s+["“‘'(\[]?([\p{L}\p{N}]+)/u.exec(text.slice(from))?.[1] ?? "";
}

/** 3. Whether a period after `word` is an abbreviation's, not a sentence end. */
function isAbbreviation(word: string, next: string): boolean {
  const w = word.replace(/^[^\p{L}]+/u, "");
  const lower = w.toLowerCase();
  if (NEVER_FINAL.has(lower)) return true;
  if (BEFORE_NUMBER.has(lower) && /^\d/.test(next)) return true;
  const starter = SENTENCE_STARTERS.has(next);
  if (AMBIGUOUS.has(lower)) return !starter;
  // Initialisms (U.S, U.N, a.m, Ph.D) and single initials (John F. Kennedy).
  if (/^(?:\p{L}{1,2}\.)+\p{L}{1,2}$/u.test(w) || /^\p{Lu}$/u.test(w)) return !starter;
  return false;
}

/**
 * Splits an English paragraph into sentences. Periods of abbreviations (`U.N.`, `Mr.`,
 * `No. 5`) do not end a sentence unless a typical sentence opener follows an initialism
 * (`…the U.S. The next…`); a speaker label stays with its first sentence because a colon
 * never ends one.
 */
export function splitEnglish(p: Paragraph, paragraphIndex: number): Sentence[] {
  const t = p.text;
  const ends: number[] = [];
  for (const m of t.matchAll(CANDIDATE)) {
    const end = m.index! + m[1]!.length + m[2]!.length;
    if (m[1] === ".") {
      if (isAbbreviation(wordBefore(t, m.index!), nextWord(t, end))) continue;
    }
    // An ellipsis or "?" inside a quotation followed by a lower-case word never gets here (CANDIDATE wants a capital).
    ends.push(end);
  }
  return cut(p, paragraphIndex, ends);
}
