import { fromSource, type Mapped } from "./mapped.js";

/** A run of non-blank lines of the source, with its 1-based first line. */
export interface RawBlock {
  m: Mapped;
  line: number;
}

/** 1-based line of an offset, from a sorted table of line starts. */
export function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let k = 0; k < text.length; k++) if (text[k] === "\n") starts.push(k + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/**
 * Splits a document into blocks at blank lines. A form feed (pdftotext's page break)
 * also ends a block, wherever it stands.
 */
export function splitBlocks(text: string): RawBlock[] {
  const lineOf = lineFinder(text);
  const out: RawBlock[] = [];
  const boundary = /(?:\r\n|\r|\n)[ \t\u00a0\u3000]*(?:(?:\r\n|\r|\n)[ \t\u00a0\u3000]*)+|\f/g;
  let start = 0;
  const push = (end: number): void => {
    const chunk = text.slice(start, end);
    const lead = chunk.length - chunk.trimStart().length;
    const body = chunk.trim();
    if (body) out.push({ m: fromSource(text, start + lead, start + lead + body.length), line: lineOf(start + lead) });
  };
  for (const x of text.matchAll(boundary)) {
    push(x.index!);
    start = x.index! + x[0].length;
  }
  push(text.length);
  return out;
}

/** Every non-blank line as its own block (for one-sentence-per-line files). */
export function splitLines(text: string): RawBlock[] {
  const out: RawBlock[] = [];
  let start = 0;
  let line = 1;
  for (let k = 0; k <= text.length; k++) {
    if (k === text.length || text[k] === "\n") {
      const raw = text.slice(start, k).replace(/\r$/, "");
      const lead = raw.length - raw.trimStart().length;
      const body = raw.trim();
      if (body) out.push({ m: fromSource(text, start + lead, start + lead + body.length), line });
      start = k + 1;
      line++;
    }
  }
  return out;
}
