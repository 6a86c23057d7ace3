import type { Paragraph, Sentence } from "../model/index.js";
import { ZH_CLOSERS, ZH_FINAL, ZH_QUOTES, ZH_TITLES } from "./data/abbreviations.js";
import { cut } from "./split.js";

const FINAL = new Set(ZH_FINAL);
const CLOSERS = new Set(ZH_CLOSERS);
const HAN = /\p{Script=Han}/u;

/**
 * Step 1: the matched title and quotation marks of a paragraph, as `open index → close index`,
 * found with one stack in one pass. An opener without its closer is ignored, so a missing
 * closing quote cannot swallow the rest of the paragraph.
 */
function pairs(text: string): Map<number, number> {
  const out = new Map<number, number>();
  const stack: Array<{ at: number; close: string }> = [];
  /** How many openers on the stack wait for each closer: a closer nobody waits for costs O(1). */
  const waiting = new Map<string, number>();
  for (let k = 0; k < text.length; k++) {
    const c = text[k]!;
    const close = ZH_TITLES.get(c) ?? ZH_QUOTES.get(c);
    if (close) {
      stack.push({ at: k, close });
      waiting.set(close, (waiting.get(close) ?? 0) + 1);
      continue;
    }
    if (!waiting.get(c)) continue;
    // A closer pops back to its own opener; openers left above it had no closer. Each opener
    // is pushed and popped once, so the whole pass is linear.
    for (;;) {
      const o = stack.pop()!;
      waiting.set(o.close, waiting.get(o.close)! - 1);
      if (o.close === c) {
        out.set(o.at, k);
        break;
      }
    }
  }
  return out;
}

/**
 * A quotation that a clause runs on from (`喊了一声“快跑！”就冲了出去`): its opener follows a
 * letter, not a colon, a comma or the start of the sentence.
 */
const embedded = (text: string, open: number): boolean => open > 0 && /[\p{L}\p{N}]/u.test(text[open - 1]!);

/** A title or quotation we are inside. */
interface Open {
  close: number;
  title: boolean;
  embedded: boolean;
}

/** Pops the innermost open pair; 1 when it was a title. */
const pop = (open: Open[]): number => {
  const o = open.pop()!;
  return o.title ? 1 : 0;
};

/**
 * Splits a Chinese paragraph into sentences: a run of `。！？!?` ends one, with the closing
 * quotes/brackets after it; a half-width `.` counts only right after a Chinese character and
 * before a space or the end (some PDFs use it). `……` and `——` never end a sentence; an end
 * mark inside a title (`《你好！长江》`) never does, nor one that closes a quotation a clause
 * runs on from (`喊了一声“快跑！”就冲了出去`). Inside quoted speech, sentences end where
 * the English splitter ends the translation's, so that beads stay small.
 * An unfinished last piece is kept as a sentence. Linear in the paragraph's length.
 */
export function splitChinese(p: Paragraph, paragraphIndex: number): Sentence[] {
  const t = p.text;
  const matched = pairs(t);
  const ends: number[] = [];
  /** The titles and quotations we are inside, innermost last. */
  const open: Open[] = [];
  /** How many of them are titles: a count, so that each check is O(1). */
  let blocking = 0;
  for (let k = 0; k < t.length; k++) {
    const c = t[k]!;
    while (open.length && open[open.length - 1]!.close === k) blocking -= pop(open);
    const close = matched.get(k);
    if (close !== undefined) {
      const o = { close, title: ZH_TITLES.has(c), embedded: embedded(t, k) };
      open.push(o);
      if (o.title) blocking++;
      continue;
    }
    const halfStop = c === "." && k > 0 && HAN.test(t[k - 1]!) && (k + 1 === t.length || /\s/.test(t[k + 1]!));
    if (!FINAL.has(c) && !halfStop) continue;
    const at = k;
    let e = k + 1;
    while (e < t.length && FINAL.has(t[e]!)) e++;
    // The closers after the mark stay with the sentence; note the quotations they close.
    let closedEmbedded = false;
    while (e < t.length && CLOSERS.has(t[e]!)) {
      if (open.length && open[open.length - 1]!.close === e) {
        closedEmbedded ||= open[open.length - 1]!.embedded;
        blocking -= pop(open);
      }
      e++;
    }
    k = e - 1;
    // Inside a title nothing ends; a quotation ends its sentences as the English side does
    // ("…this. The roads…"), but the last one goes on when a clause runs on from the quotation.
    if (closedEmbedded || blocking > 0) continue;
    // "?" or "!" inside Latin text ("what?") is not a Chinese sentence end unless Chinese follows.
    if ((c === "?" || c === "!") && /[A-Za-z]/.test(t[at - 1] ?? "") && /^\s*[a-z]/.test(t.slice(e, e + 3))) continue;
    ends.push(e);
  }
  return cut(p, paragraphIndex, ends);
}
