import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import type { TermPair } from "../model/index.js";

/** A table as it goes to a spreadsheet: one header row, string cells. */
export interface CsvTable {
  columns: readonly string[];
  rows: ReadonlyArray<Readonly<Record<string, string>>>;
}

export interface CsvOptions {
  /** Field separator: `,` (default) or `;` for European Excel, or a tab. */
  delimiter?: string;
}

/**
 * Cells a spreadsheet would run as a formula: = + - @ and their full-width forms, tab and CR
 * at the start (OWASP "CSV injection").
 */
const FORMULA_START = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\t\r]/;

/**
 * Cells a spreadsheet would read as another value and save back changed: booleans ("true" comes
 * back from LibreOffice as "TRUE"), numbers with leading zeros ("00123" → "123") or an exponent
 * ("1e5" → "1.00E+05"). Checked with LibreOffice 7 (CSV → xlsx → CSV).
 */
const CONVERTED = /^\s*(?:true|false)\s*$|^\s*0\d+\s*$|^\s*\d+(?:\.\d+)?e[+-]?\d+\s*$/i;

/** Whether a cell needs the leading apostrophe; a cell that already starts with one is protected too, so reading back is exact. */
function needsGuard(cell: string): boolean {
  return FORMULA_START.test(cell) || CONVERTED.test(cell) || (cell.startsWith("'") && needsGuard(cell.slice(1)));
}

/**
 * Neutralises a cell for a spreadsheet: a formula, or a value the spreadsheet would convert, gets
 * a leading apostrophe (kept as text by LibreOffice and Excel), which every reader of ours
 * removes again (`unescapeFormula`). The one policy of every export: CSV, OmegaT, TBX.
 */
export function escapeFormula(cell: string): string {
  return needsGuard(cell) ? `'${cell}` : cell;
}

/** Undoes `escapeFormula` on a cell read back. */
export function unescapeFormula(cell: string): string {
  return cell.startsWith("'") && needsGuard(cell.slice(1)) ? cell.slice(1) : cell;
}

/** Serialises a table: UTF-8 with BOM (Excel's cue for UTF-8), CRLF, quotes only where needed, formula cells escaped. */
export function serializeCsv(table: CsvTable, opts: CsvOptions = {}): string {
  const body = stringify(
    table.rows.map((r) => table.columns.map((c) => escapeFormula((Object.hasOwn(r, c) ? r[c] : undefined) ?? ""))),
    // A lone LF inside a cell must be quoted too, or a reader takes it for the end of the record.
    { header: true, columns: [...table.columns], delimiter: opts.delimiter ?? ",", record_delimiter: "windows", quoted_match: /[\r\n]/ },
  );
  return "\uFEFF" + body;
}

/**
 * Reads a CSV written by us or re-saved by a spreadsheet: BOM or not, CRLF or LF, `,` `;` or
 * tab (guessed from the header line), columns in any order. Formula escapes are undone.
 * Throws csv-parse's error (with its line) on a ragged or unterminated file.
 */
export function readCsv(text: string, opts: CsvOptions = {}): CsvTable {
  const clean = text.replace(/^\uFEFF/, "");
  const delimiter = opts.delimiter ?? guessDelimiter(clean);
  const records = parse(clean, { delimiter, bom: true, relax_column_count: false, skip_empty_lines: true }) as string[][];
  const [head, ...rest] = records;
  const columns = (head ?? []).map((c) => c.trim());
  return { columns, rows: rest.map((r) => Object.fromEntries(columns.map((c, k) => [c, unescapeFormula(r[k] ?? "")]))) };
}

/** The separator a spreadsheet saved with (`,`, `;` or tab): the one that splits the header line most. */
export function guessDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  return [",", ";", "\t"].map((d) => [d, header.split(d).length] as const).sort((a, b) => b[1] - a[1])[0]![0];
}

/** Columns of `terms.csv`, in order. */
export const TERM_COLUMNS = [
  "id",
  "en",
  "zh",
  "kind",
  "score",
  "en_count",
  "zh_count",
  "cooc",
  "logdice",
  "llr",
  "dict",
  "en_variants",
  "zh_variants",
  "example_en",
  "example_zh",
  "source",
  "doc_count",
  "docs",
  "en_pattern",
  "zh_pattern",
] as const;

/** A sentence pair as one spreadsheet line: line breaks from the source layout become spaces. */
export function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, " ");
}

/** Shortest decimal form: a spreadsheet re-saves 0.900 as 0.9, and a reviewed file must read back unchanged. */
export function num(x: number, digits: number): string {
  return String(Number(x.toFixed(digits)));
}

/** The term list as a table: one row per pair, in the order given (best first), variants joined by `|`. */
export function buildTermTable(pairs: readonly TermPair[]): CsvTable {
  return {
    columns: TERM_COLUMNS,
    rows: pairs.map((p) => ({
      id: p.id,
      en: p.en,
      zh: p.zh,
      kind: p.kind,
      score: num(p.score, 3),
      en_count: String(p.enCount),
      zh_count: String(p.zhCount),
      cooc: String(p.cooc),
      logdice: num(p.logDice, 2),
      llr: num(p.llr, 2),
      dict: num(p.dict, 2),
      en_variants: p.enVariants.join(" | "),
      zh_variants: p.zhVariants.join(" | "),
      example_en: oneLine(p.exampleEn),
      example_zh: oneLine(p.exampleZh),
      source: `${p.source.doc}#${p.source.bead + 1}`,
      doc_count: String(p.docCount),
      docs: p.docs.join(" | ") + (p.docCount > p.docs.length ? ` | … ${p.docCount - p.docs.length} more` : ""),
      en_pattern: p.enPattern,
      zh_pattern: p.zhPattern,
    })),
  };
}
