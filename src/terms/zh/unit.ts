import { FUNCTION_WORDS, STOP_ANYWHERE } from "./data/stop.js";

/** A token placed in the sentence: `fold` is its width-folded text, used for keys and matching. */
export interface Unit {
  word: string;
  fold: string;
  tag: string;
  start: number;
  end: number;
  /** Role letter's code (see `ROLE_CODES`), 0 for a boundary. */
  role: number;
  label: string;
  /** Punctuation or a separating space: a neighbour that reads as `""`. */
  punct: boolean;
}

export const HAN_WORD = /^\p{Script=Han}{2,}$/u;
/** Words that are never part of a term. */
export const NEVER_IN_TERM: ReadonlySet<string> = new Set([...FUNCTION_WORDS, ...STOP_ANYWHERE]);

/** Full-width ASCII and the ideographic space to their narrow forms; same length, so offsets hold. */
export function fold(s: string): string {
  let i = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3000 || (c >= 0xff01 && c <= 0xff5e)) break;
  }
  if (i === s.length) return s;
  let out = s.slice(0, i);
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c === 0x3000 ? " " : c >= 0xff01 && c <= 0xff5e ? String.fromCharCode(c - 0xfee0) : s[i];
  }
  return out;
}
