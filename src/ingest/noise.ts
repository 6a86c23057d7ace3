import type { Diagnostic } from "../model/index.js";
import { PAGE_NUMBER, RUNNING_HEADER } from "./data/noise.js";
import { classify } from "./script.js";
import { isComplete, type Piece } from "./stitch.js";

/** A block without English or Chinese letters (`12`, `- 3 -`, `* * *`), or a page number (`Page 3 of 10`, `第3页`). */
export function isNoise(text: string): boolean {
  return classify(text) === undefined || PAGE_NUMBER.test(text.trim());
}

/**
 * The key under which a short text repeats as a running header: digits (page numbers,
 * dates), case and spacing aside; undefined for text too long to be one. Length is measured
 * with runs of white space as one space: `pdftotext -layout` pads a footer's URL and page
 * number apart by a page-dependent number of spaces.
 */
export function runningKey(t: string): string | undefined {
  const flat = t.trim().replace(/\s+/g, " ");
  if (flat.length > RUNNING_HEADER.maxChars || flat.split(" ").length > RUNNING_HEADER.maxWords) return undefined;
  return flat.replace(/\d+/g, "0").toLowerCase();
}

/** The key of a block that may be a running header. */
function headerKey(p: Piece): string | undefined {
  // Headings, speaker labels and whole sentences are text, even when they repeat ("Thank you.").
  if (p.heading || p.label || isComplete(p)) return undefined;
  return runningKey(p.m.text);
}

/** Step 3b: drops running headers and footers: short blocks repeated (digits aside) three times or more. */
export function dropRunningHeaders(pieces: readonly Piece[]): { kept: Piece[]; dropped: Piece[] } {
  const keys = pieces.map(headerKey);
  const counts = new Map<string, number>();
  for (const k of keys) if (k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1);
  const kept: Piece[] = [];
  const dropped: Piece[] = [];
  pieces.forEach((p, i) => {
    const k = keys[i];
    (k !== undefined && counts.get(k)! >= RUNNING_HEADER.minRepeats ? dropped : kept).push(p);
  });
  return { kept, dropped };
}

/** What was dropped as noise, for one diagnostic per kind. */
export interface Dropped {
  /** Lines of blocks without words or with a page number only. */
  noise: number[];
  /** Running headers/footers. */
  headers: Piece[];
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** One `dropped-noise` diagnostic per kind of noise (not one per block), with a count and the first line. */
export function noiseDiagnostics(file: string, d: Dropped): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (d.noise.length) {
    out.push({
      code: "dropped-noise",
      severity: "info",
      message: `dropped ${plural(d.noise.length, "block", "blocks")} without words (page numbers, rules, lone punctuation)`,
      file,
      line: d.noise[0]!,
    });
  }
  if (d.headers.length) {
    const first = d.headers[0]!;
    out.push({
      code: "dropped-noise",
      severity: "info",
      message: `dropped ${plural(d.headers.length, "running header/footer", "running headers/footers")} (short blocks repeated 3 or more times, such as "${first.m.text}")`,
      file,
      line: first.line,
    });
  }
  return out;
}
