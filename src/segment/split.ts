import type { Paragraph, Sentence } from "../model/index.js";
import { CLAUSE_MARKS } from "./data/abbreviations.js";

/**
 * Sentences longer than this (UTF-16 units) are cut at clause marks; a stretch with none
 * is left out. CAT tools skip longer segments, and every later stage (tagging, alignment)
 * then works on bounded pieces (issue 18: a 200,000-character sentence hung the run).
 */
export const MAX_SENTENCE_CHARS = 2000;

/** What bounding did to the over-long sentences of a document; filled in by {@link cut}. */
export interface LengthBound {
  max: number;
  /** Over-long sentences met. */
  long: number;
  /** Pieces they were cut into and kept. */
  pieces: number;
  /** Stretches without a clause mark, left out: their first line and length. */
  dropped: Array<{ line: number; chars: number }>;
}

/** A fresh record for one document. */
export const lengthBound = (max = MAX_SENTENCE_CHARS): LengthBound => ({ max, long: 0, pieces: 0, dropped: [] });

const CLAUSE = new Set(CLAUSE_MARKS);

/**
 * Cuts `[a, b)` of `text` into pieces of at most `max` units, each ending at a clause mark
 * (the last one that fits); a stretch that has no clause mark within `max` units runs to the
 * next mark and is returned as `drop`. Linear: the last mark at or before each index is
 * found once.
 */
function clausePieces(text: string, a: number, b: number, max: number): Array<{ start: number; end: number; drop: boolean }> {
  const lastMark = new Int32Array(b - a);
  let seen = -1;
  for (let k = a; k < b; k++) {
    if (CLAUSE.has(text[k]!)) seen = k;
    lastMark[k - a] = seen;
  }
  const out: Array<{ start: number; end: number; drop: boolean }> = [];
  let pos = a;
  while (b - pos > max) {
    const c = lastMark[pos + max - 1 - a]!;
    if (c >= pos) {
      out.push({ start: pos, end: c + 1, drop: false });
      pos = c + 1;
      continue;
    }
    // No clause mark within reach: this stretch goes, up to the next mark (or the end).
    let next = pos + max;
    while (next < b && !CLAUSE.has(text[next]!)) next++;
    out.push({ start: pos, end: Math.min(next + 1, b), drop: true });
    pos = Math.min(next + 1, b);
  }
  if (pos < b) out.push({ start: pos, end: b, drop: false });
  return out;
}

/**
 * Cuts a paragraph at the given end offsets (exclusive) into trimmed, non-empty sentences.
 * With a `bound`, a sentence longer than `bound.max` is cut at clause marks and what cannot
 * be cut is left out, both recorded in `bound`.
 */
export function cut(p: Paragraph, paragraphIndex: number, ends: readonly number[], bound?: LengthBound): Sentence[] {
  const out: Sentence[] = [];
  const push = (a: number, b: number): void => {
    const s: Sentence = { doc: p.doc, lang: p.lang, text: p.text.slice(a, b), start: p.map[a]!, end: p.map[b - 1]! + 1, line: p.line, paragraph: paragraphIndex };
    if (p.kind === "heading") s.heading = true;
    out.push(s);
  };
  let start = 0;
  for (const end of [...ends, p.text.length]) {
    if (end <= start) continue;
    const raw = p.text.slice(start, end);
    const body = raw.trim();
    if (body) {
      const a = start + raw.length - raw.trimStart().length;
      const b = a + body.length;
      if (!bound || b - a <= bound.max) push(a, b);
      else {
        bound.long++;
        for (const piece of clausePieces(p.text, a, b, bound.max)) {
          const t = p.text.slice(piece.start, piece.end);
          const pa = piece.start + t.length - t.trimStart().length;
          const pb = pa + t.trim().length;
          if (pb <= pa) continue;
          if (piece.drop) bound.dropped.push({ line: p.line, chars: pb - pa });
          else {
            bound.pieces++;
            push(pa, pb);
          }
        }
      }
    }
    start = end;
  }
  return out;
}
