import { createHash } from "node:crypto";

/**
 * The glossary's side file (`.glossary.csv.check`): what termbridge last wrote to glossary.csv.
 * It tells a person's edits (any change: fine) from a file cut off by a crash or a sync tool
 * (the start of what was written, with the rest missing), which a spreadsheet would show as a
 * shorter but well-formed glossary (issue 19 #4). It is kept beside the CSV, not in it, so the
 * CSV stays a plain table a reviewer can sort and edit.
 *
 * The side file holds the number of rows, the SHA-256 of the text, and a short hash of the text
 * up to the end of each row (8 hex digits a row: about 9 bytes a row on disk).
 */
export interface GlossaryCheck {
  rows: number;
  sha256: string;
  /** Hash of the text up to the end of the header (index 0) and of each row (index k). */
  prefixes: string[];
}

const HEAD = "termbridge glossary check v1";

/** Offsets just past each record's line break, quotes respected (a quoted cell may hold line breaks). */
export function recordEnds(text: string): number[] {
  const ends: number[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 10 && !quoted) ends.push(i + 1);
  }
  return ends;
}

const strip = (text: string): string => (text.startsWith("\uFEFF") ? text.slice(1) : text);

/** The check of a glossary text as written. */
export function checkOf(written: string): GlossaryCheck {
  const text = strip(written);
  const ends = recordEnds(text);
  const h = createHash("sha256");
  const prefixes: string[] = [];
  let at = 0;
  for (const end of ends) {
    h.update(text.slice(at, end));
    at = end;
    prefixes.push(h.copy().digest("hex").slice(0, 8));
  }
  return { rows: Math.max(0, ends.length - 1), sha256: createHash("sha256").update(text).digest("hex"), prefixes };
}

/** The side file's text. */
export function formatCheck(c: GlossaryCheck): string {
  return `${HEAD}: what termbridge last wrote to glossary.csv, to tell a cut-off file from a person's edits; delete this file to skip the check once\nrows ${c.rows}\nsha256 ${c.sha256}\nprefixes ${c.prefixes.join(" ")}\n`;
}

/** Reads a side file; undefined when it is not one (then no check is made). */
export function parseCheck(text: string): GlossaryCheck | undefined {
  if (!text.startsWith(HEAD)) return undefined;
  const field = (name: string): string | undefined => new RegExp(`^${name} (.*)$`, "m").exec(text)?.[1]?.trim();
  const rows = Number(field("rows"));
  const sha256 = field("sha256");
  const prefixes = (field("prefixes") ?? "").split(" ").filter(Boolean);
  if (!Number.isInteger(rows) || !sha256 || prefixes.length !== rows + 1) return undefined;
  return { rows, sha256, prefixes };
}

/** A glossary text that is the start of what termbridge wrote, the rest missing. */
export interface CutOff {
  /** Complete rows left. */
  rows: number;
  /** Rows termbridge wrote. */
  written: number;
  /** Cut inside a row (true) or exactly where a row ended. */
  midRow: boolean;
}

/**
 * Whether `current` (the glossary as read now) is what termbridge wrote cut short. Anything
 * else (unchanged, edited, sorted, rows deleted in a spreadsheet, rows appended) is not a cut.
 * A reviewer who deleted exactly the last rows and saved byte for byte as termbridge writes
 * looks the same as a cut at a row boundary; the message then says how to go on.
 */
export function cutOff(current: string, check: GlossaryCheck): CutOff | undefined {
  const text = strip(current);
  if (createHash("sha256").update(text).digest("hex") === check.sha256) return undefined;
  const ends = recordEnds(text);
  if (ends.length === 0) {
    // Not even a whole header line: nothing a spreadsheet would save.
    return { rows: 0, written: check.rows, midRow: text.length > 0 };
  }
  const k = ends.length - 1;
  if (k >= check.rows) return undefined;
  const end = ends[k]!;
  const prefix = createHash("sha256").update(text.slice(0, end)).digest("hex").slice(0, 8);
  if (prefix !== check.prefixes[k]) return undefined;
  if (end === text.length) return { rows: k, written: check.rows, midRow: false };
  // A spreadsheet ends its last line with a line break; a cut inside a row does not.
  const rest = text.slice(end);
  return /[\r\n]$/.test(rest) ? undefined : { rows: k, written: check.rows, midRow: true };
}
