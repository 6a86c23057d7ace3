import { HEADING_LINE } from "./data/markup.js";
import { fromSource, type Mapped } from "./mapped.js";

/** A run of non-blank lines of the source (trimmed), with its 1-based first line. */
export interface RawBlock {
  m: Mapped;
  line: number;
}

/** A source line: `[start, end)` without its terminator, and whether a form feed ended it. */
interface SourceLine {
  start: number;
  end: number;
  pageBreak: boolean;
}

/** Lines of the text; `\r\n`, `\r`, `\n` and the form feed (pdftotext's page break) all end one. */
function sourceLines(text: string): SourceLine[] {
  const out: SourceLine[] = [];
  let start = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (c !== "\n" && c !== "\r" && c !== "\f") continue;
    out.push({ start, end: k, pageBreak: c === "\f" });
    if (c === "\r" && text[k + 1] === "\n") k++;
    start = k + 1;
  }
  out.push({ start, end: text.length, pageBreak: false });
  return out;
}

/** 1-based line of an offset (lines end at `\n`, `\r\n` or a lone `\r`; a form feed does not start a line). */
export function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let k = 0; k < text.length; k++) {
    if (text[k] === "\n" || (text[k] === "\r" && text[k + 1] !== "\n")) starts.push(k + 1);
  }
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

/** The trimmed part of a line, or undefined when it is blank. */
function trimmed(text: string, l: SourceLine): { start: number; end: number } | undefined {
  const raw = text.slice(l.start, l.end);
  const body = raw.trim();
  if (!body) return undefined;
  const start = l.start + raw.length - raw.trimStart().length;
  return { start, end: start + body.length };
}

/**
 * Step 1 of reading running text: splits a document into blocks at blank lines. A form
 * feed (pdftotext's page break) also ends a block, wherever it stands, and a markdown
 * `#` heading line is always a block of its own (a heading is one line). Blocks keep
 * their inner line breaks; step 2 joins them.
 */
export function splitBlocks(text: string): RawBlock[] {
  const lineOf = lineFinder(text);
  const out: RawBlock[] = [];
  let open: { start: number; end: number } | undefined;
  const flush = (): void => {
    if (open) out.push({ m: fromSource(text, open.start, open.end), line: lineOf(open.start) });
    open = undefined;
  };
  for (const l of sourceLines(text)) {
    const t = trimmed(text, l);
    if (!t) {
      flush();
    } else if (HEADING_LINE.test(text.slice(t.start, t.end))) {
      flush();
      open = t;
      flush();
    } else {
      open = open ? { start: open.start, end: t.end } : t;
    }
    if (l.pageBreak) flush();
  }
  flush();
  return out;
}

/** Every non-blank line as its own block (one-sentence-per-line files); a form feed also ends a line. */
export function splitLines(text: string): RawBlock[] {
  const lineOf = lineFinder(text);
  const out: RawBlock[] = [];
  for (const l of sourceLines(text)) {
    const t = trimmed(text, l);
    if (t) out.push({ m: fromSource(text, t.start, t.end), line: lineOf(t.start) });
  }
  return out;
}
