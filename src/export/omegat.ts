import type { GlossaryEntry, GlossaryStatus } from "../model/index.js";
import { escapeFormula } from "./csv.js";
import { foldSpace } from "./termtext.js";
import { stripInvalidXml } from "./xmltext.js";

/** One line of an OmegaT glossary: `source<TAB>target<TAB>comment`. */
export interface OmegatRow {
  source: string;
  target: string;
  /** May be empty: the line then has two fields (OmegaT reads 2 or 3). */
  comment: string;
  /** Kept for ordering and for tests; not written. */
  status: Exclude<GlossaryStatus, "rejected">;
}

export interface OmegatOptions {
  /** The project's source language: its terms are what OmegaT looks up in the source text. */
  srcLang: "en" | "zh";
}

/**
 * The structured parts of a comment, always in this order and separated by {@link COMMENT_SEP},
 * so that `readOmegatGlossary` can take them back; the free note comes last, unprefixed, so
 * a " | " inside a note does no harm.
 */
export const FORBIDDEN_MARK = "FORBIDDEN: do not use";
export const VARIANT_OF = "variant of: ";
export const ALSO = "also: ";
export const DOMAIN = "domain: ";
export const COMMENT_SEP = " | ";
/** Joins target variants inside the `also:` part. */
export const LIST_SEP = "; ";

/**
 * OmegaT reads a glossary line by splitting on TAB and has no quoting (DESIGN.md, OmegaT
 * glossary facts), and every line break ends an entry: so tabs, line breaks and the other
 * line separators become a space (none between Chinese characters, see `foldSpace`). Other
 * controls and non-characters are dropped as in XML (`stripInvalidXml`): no term holds them.
 */
function cleanField(text: string): string {
  return foldSpace(stripInvalidXml(foldSpace(text)).text.replace(/\u007f/g, ""));
}

/**
 * A term wrapped in straight double quotes would keep the quotes in OmegaT (its reader does
 * not unquote) and never match; the harness fails such fields too. Quotes are punctuation
 * around a term, not part of it, so one wrapping pair is removed.
 */
function cleanTerm(text: string): string {
  const t = cleanField(text);
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).trim() : t;
}

/** A comment wrapped in straight quotes gets typographic ones, for the same reason. */
function cleanComment(text: string): string {
  const t = cleanField(text);
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? `“${t.slice(1, -1)}”` : t;
}

function unique(list: string[]): string[] {
  const out: string[] = [];
  for (const t of list) if (t && !out.includes(t)) out.push(t);
  return out;
}

const GROUP: Record<OmegatRow["status"], number> = { approved: 0, candidate: 1, forbidden: 2 };

/** Code-unit order: the same in every locale and ICU version (DESIGN.md: deterministic output). */
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Builds OmegaT glossary rows from glossary entries.
 *
 * - OmegaT matches glossary sources exactly (DESIGN.md), so every source-language spelling
 *   (main term and each variant) gets its own line, all with the main target: a translator
 *   who meets the variant in the text should be offered the preferred translation. Variant
 *   lines say `variant of: <main>` so the reader (and `readOmegatGlossary`) can group them.
 * - Target variants go into the comment (`also: …`): a second line with the same source and
 *   another target would look like a competing translation.
 * - Approved entries first, then candidates, then forbidden pairs; each group sorted by source,
 *   then target. Forbidden pairs are kept (the warning is the point) with
 *   `FORBIDDEN: do not use` at the start of the comment; rejected entries are left out.
 * - The comment carries the domain and the note. A (source, target) pair is written once,
 *   the first in this order winning.
 * - A source starting with `#` cannot be written: OmegaT's TSV reader takes the line for a
 *   comment and keeps a leading space as part of the term (both checked with OmegaT 3.6), so
 *   such a line is left out rather than lost silently in OmegaT.
 */
export function buildOmegatGlossary(entries: readonly GlossaryEntry[], opts: OmegatOptions): OmegatRow[] {
  const rows: OmegatRow[] = [];
  for (const e of entries) {
    if (e.status === "rejected") continue;
    const srcIsZh = opts.srcLang === "zh";
    const sources = unique([e[srcIsZh ? "zh" : "en"], ...e[srcIsZh ? "zhVariants" : "enVariants"]].map(cleanTerm));
    const targets = unique([e[srcIsZh ? "en" : "zh"], ...e[srcIsZh ? "enVariants" : "zhVariants"]].map(cleanTerm));
    const [main, ...variants] = sources;
    const [target, ...alsoTargets] = targets;
    if (!main || !target) continue;
    const writable = (source: string): boolean => !source.startsWith("#");
    const tail: string[] = [];
    if (alsoTargets.length > 0) tail.push(ALSO + alsoTargets.join(LIST_SEP));
    const domain = cleanField(e.domain);
    if (domain) tail.push(DOMAIN + domain);
    const note = cleanComment(e.note);
    if (note) tail.push(note);
    const head = e.status === "forbidden" ? [FORBIDDEN_MARK] : [];
    if (writable(main)) rows.push({ source: main, target, comment: [...head, ...tail].join(COMMENT_SEP), status: e.status });
    for (const v of variants.filter(writable)) {
      rows.push({ source: v, target, comment: [...head, VARIANT_OF + main, ...tail].join(COMMENT_SEP), status: e.status });
    }
  }
  rows.sort((a, b) => GROUP[a.status] - GROUP[b.status] || cmp(a.source, b.source) || cmp(a.target, b.target) || cmp(a.comment, b.comment));
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = `${r.source}\t${r.target}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The first line: a `#` comment (OmegaT skips it) saying what the file is. */
export const OMEGAT_HEADER = "# OmegaT glossary exported by termbridge (UTF-8): source<TAB>target<TAB>comment";

/**
 * Serialises rows as an OmegaT tab-separated glossary: UTF-8 without BOM (save it as `.utf8`,
 * which OmegaT always reads as UTF-8), LF line ends, one entry a line, no quoting; a line
 * without a comment has two fields. A tab-separated file opens in a spreadsheet too, so every
 * field gets the CSV's formula policy (`escapeFormula`, undone by `readOmegatGlossary`).
 */
export function serializeOmegatGlossary(rows: readonly OmegatRow[]): string {
  const lines = [OMEGAT_HEADER];
  for (const r of rows) {
    const [source, target, comment] = [r.source, r.target, r.comment].map(escapeFormula);
    lines.push(comment ? `${source}\t${target}\t${comment}` : `${source}\t${target}`);
  }
  return lines.join("\n") + "\n";
}
