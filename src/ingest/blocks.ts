import { HEADING_LINE } from "./data/markup.js";
import { PAGE_NUMBER, RUNNING_HEADER } from "./data/noise.js";
import { EN_COMPLETE, PARAGRAPH_INDENT, ZH_COMPLETE } from "./data/stitch.js";
import { fromSource, type Mapped } from "./mapped.js";
import { runningKey } from "./noise.js";
import { lineLanguage } from "./script.js";
import type { Lang } from "../model/index.js";

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

/** A trimmed source line with what block splitting needs to know of it. */
interface Line {
  start: number;
  end: number;
  /** Columns of white space before the text (pdftotext -layout indents a paragraph's first line). */
  indent: number;
  /** Its language when its letters say so clearly, else undefined (numbers, short lines). */
  lang: Lang | undefined;
  /** It ends a sentence (`.?!` or `。！？`, closers after it) or a label (`:`). */
  complete: boolean;
}

/**
 * Lines that are page furniture in a PDF extraction without blank lines around them: a page
 * number, or a short line repeated (digits aside) as often as a running header is.
 */
function furnitureLines(text: string, lines: readonly Line[]): Set<number> {
  const keys = lines.map((l) => (l.complete ? undefined : runningKey(text.slice(l.start, l.end))));
  const counts = new Map<string, number>();
  for (const k of keys) if (k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1);
  const out = new Set<number>();
  lines.forEach((l, i) => {
    const k = keys[i];
    if (PAGE_NUMBER.test(text.slice(l.start, l.end)) || (k !== undefined && counts.get(k)! >= RUNNING_HEADER.minRepeats)) out.add(i);
  });
  return out;
}

/**
 * Step 1 of reading running text: splits a document into blocks (paragraphs). A block ends
 * at a blank line and at a form feed (pdftotext's page break), wherever it stands; a
 * markdown `#` heading line, a page number and a running header line are blocks of their
 * own. Without blank lines (raw pdftotext output), a block also ends where the script
 * changes from one line to the next (an English line, then a Chinese one), and where a line
 * that ends a sentence is followed by a line indented further (a paragraph's first line in
 * `pdftotext -layout`). Blocks keep their inner line breaks; step 2 joins them.
 */
export function splitBlocks(text: string): RawBlock[] {
  const lineOf = lineFinder(text);
  const source = sourceLines(text);
  const lines: Array<Line | undefined> = source.map((l) => {
    const t = trimmed(text, l);
    if (!t) return undefined;
    const body = text.slice(t.start, t.end);
    return { ...t, indent: t.start - l.start, lang: lineLanguage(body), complete: EN_COMPLETE.test(body) || ZH_COMPLETE.test(body) };
  });
  const furniture = furnitureLines(text, lines.filter((l): l is Line => l !== undefined));
  const out: RawBlock[] = [];
  let open: { start: number; end: number; lang: Lang | undefined; last: Line } | undefined;
  const flush = (): void => {
    if (open) out.push({ m: fromSource(text, open.start, open.end), line: lineOf(open.start) });
    open = undefined;
  };
  let n = 0;
  source.forEach((l, k) => {
    const t = lines[k];
    if (!t) {
      flush();
    } else if (furniture.has(n++) || HEADING_LINE.test(text.slice(t.start, t.end))) {
      flush();
      open = { start: t.start, end: t.end, lang: t.lang, last: t };
      flush();
    } else {
      if (open && startsBlock(open, t)) flush();
      open = open ? { start: open.start, end: t.end, lang: open.lang ?? t.lang, last: t } : { start: t.start, end: t.end, lang: t.lang, last: t };
    }
    if (l.pageBreak) flush();
  });
  flush();
  return out;
}

/** Whether line `t` opens a new block after the open one: a change of script, or a first-line indent after a finished sentence. */
function startsBlock(open: { lang: Lang | undefined; last: Line }, t: Line): boolean {
  if (open.lang !== undefined && t.lang !== undefined && t.lang !== open.lang) return true;
  return open.last.complete && t.indent >= open.last.indent + PARAGRAPH_INDENT;
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
