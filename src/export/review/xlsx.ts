import ExcelJS from "exceljs";
import { ALIGNMENT_FIXES, beadKey, type AlignmentFix } from "../../glossary/corrections.js";
import { GLOSSARY_STATUSES } from "../../model/index.js";
import { stripInvalidXml } from "../xmltext.js";
import { termSpans } from "./highlight.js";
import { pinZipDates } from "./zipdate.js";
import type { ReviewModel, ReviewTerm } from "./model.js";

/** Sheet names: the import finds the sheets by these. */
export const SHEETS = { terms: "Terms", alignment: "Alignment review", about: "About" } as const;

/** Columns the Terms sheet adds to those of `terms.csv`. */
export const REVIEW_COLUMNS = { status: "status", note: "note", statusBase: "status_was", noteBase: "note_was" } as const;

/** Extra examples beside `terms.csv`'s own (`example_en`, `example_zh`: the best bead). */
const MORE_EXAMPLES = 2;

/** Columns of the Alignment review sheet, in order. */
export const ALIGNMENT_COLUMNS = ["document", "bead", "shape", "score", "line", "english", "chinese", "fix", "edited_en", "edited_zh", "bead_key"] as const;

/** What a reviewer may write in the fix column. */
export const FIXES = ALIGNMENT_FIXES;
export type Fix = AlignmentFix;

/** Columns of `terms.csv` that hold numbers; every other column is written as text, whatever it looks like. */
const NUMERIC = new Set(["score", "en_count", "zh_count", "cooc", "logdice", "llr", "dict", "doc_count"]);

/** What each column means, for the About sheet; a column without an entry is described generically. */
const MEANING: Record<string, string> = {
  id: "stable id of the pair (from its two keys): the import finds the glossary entry by it",
  en: "the English term as written (most frequent form)",
  zh: "the Chinese term as written",
  kind: "what sort of term the linker took it for (term, name, abbreviation, phrase, general)",
  status: "your decision: candidate, approved, rejected (never proposed again) or forbidden (a wrong translation to warn about)",
  note: "your note; it goes into the glossary's note column",
  score: "final score in [0, 1]: link confidence × termhood",
  en_count: "occurrences of the English term in the corpus",
  zh_count: "occurrences of the Chinese term in the corpus",
  cooc: "aligned beads holding both terms",
  logdice: "14 + log2(2·cooc / (beads with en + beads with zh)); 14 = always together",
  llr: "log-likelihood ratio G² of the 2×2 bead table",
  dict: "CC-CEDICT support in [0, 1]",
  en_variants: "other English forms in the entry, | separated",
  zh_variants: "other Chinese forms in the entry, | separated",
  example_en: "the best-scoring bead where the pair met, English (the term in red)",
  example_zh: "the same bead, Chinese",
  example_2_en: "the second-best bead, English",
  example_2_zh: "the second-best bead, Chinese",
  example_3_en: "the third-best bead, English",
  example_3_zh: "the third-best bead, Chinese",
  source: "document and bead number (1-based) of the best example",
  doc_count: "how many documents the pair occurs in",
  docs: "the documents (the first 10 met)",
  status_was: "hidden: the status when this workbook was written (the import tells your changes from others')",
  note_was: "hidden: the note when this workbook was written",
  document: "the document the bead comes from",
  bead: "the bead's position in its document (1-based)",
  shape: "English sentences - Chinese sentences in the bead",
  line: "the line of its first English sentence in the input",
  english: "the bead's English sentences",
  chinese: "the bead's Chinese sentences",
  fix: "your fix: ok (the pair is right), split (pair the sentences one to one), merge (join with the next bead), drop (leave it out of the TMX)",
  edited_en: "corrected English text for the TMX unit (leave empty to keep it)",
  edited_zh: "corrected Chinese text for the TMX unit (leave empty to keep it)",
  bead_key: "hidden: identifies the bead for the next run, whatever you edit",
};

/** Excel's limit on the characters of a cell. */
const MAX_CELL = 32_767;

/** Rows the Alignment review sheet holds at most (a spreadsheet slows down long before its row limit). */
export const MAX_FLAGGED_ROWS = 100_000;

/** Text as a cell takes it: no XML-invalid characters (they would make the file unreadable), within the cell limit. */
function text(s: string): string {
  const t = stripInvalidXml(s).text;
  return t.length > MAX_CELL ? t.slice(0, MAX_CELL - 1) + "…" : t;
}

/** A run of rich text takes no font from its cell: the name and size are spelt out, or readers fall back to a serif. */
const PLAIN: Partial<ExcelJS.Font> = { name: "Calibri", size: 11 };
const HIGHLIGHT: Partial<ExcelJS.Font> = { ...PLAIN, bold: true, color: { argb: "FFC00000" } };

/** A bead side as rich text with the term's occurrences bold and red (plain text when it has none). */
function highlighted(s: string, forms: readonly string[], lang: "en" | "zh"): ExcelJS.CellValue {
  const t = text(s);
  const spans = termSpans(t, forms, lang);
  if (spans.length === 0) return t;
  const parts: ExcelJS.RichText[] = [];
  let at = 0;
  for (const [a, b] of spans) {
    if (a > at) parts.push({ text: t.slice(at, a), font: PLAIN });
    parts.push({ text: t.slice(a, b), font: HIGHLIGHT });
    at = b;
  }
  if (at < t.length) parts.push({ text: t.slice(at), font: PLAIN });
  return { richText: parts };
}

function colLetter(n: number): string {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

function widthOf(column: string): number {
  if (NUMERIC.has(column)) return 9;
  if (/^example|^english$|^chinese$|^edited/.test(column)) return 60;
  if (column === "en" || column === "docs" || column === "note") return 30;
  if (column === "zh" || column.endsWith("_variants") || column === "document" || column === "source") return 22;
  return 14;
}

function header(ws: ExcelJS.Worksheet, columns: readonly string[]): void {
  ws.columns = columns.map((c) => ({ header: c, key: c, width: widthOf(c) }));
  const row = ws.getRow(1);
  row.font = { ...PLAIN, bold: true };
  row.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7E6E6" } };
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: 1 }];
  // Printed, every page repeats the header.
  ws.pageSetup = { orientation: "landscape", paperSize: 9, printTitlesRow: "1:1", fitToPage: false };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

/** A list drop-down over a column's data rows. */
function dropDown(ws: ExcelJS.Worksheet, col: number, rows: number, values: readonly string[], what: string): void {
  if (rows === 0) return;
  const range = `${colLetter(col)}2:${colLetter(col)}${rows + 1}`;
  // exceljs types only the per-cell form; its DataValidations accepts a range and writes one rule.
  (ws as unknown as { dataValidations: { add(r: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(range, {
    type: "list",
    allowBlank: true,
    formulae: [`"${values.join(",")}"`],
    showErrorMessage: true,
    errorStyle: "error",
    errorTitle: what,
    error: `choose one of: ${values.join(", ")}`,
  });
}

function termsSheet(wb: ExcelJS.Workbook, m: ReviewModel): void {
  const ws = wb.addWorksheet(SHEETS.terms);
  const base = m.columns.filter((c) => c !== "id" && c !== "en" && c !== "zh");
  const more = Array.from({ length: MORE_EXAMPLES }, (_, k) => [`example_${k + 2}_en`, `example_${k + 2}_zh`]).flat();
  // The reviewer's columns beside the terms, the evidence after them, the base values last (hidden).
  const columns = ["id", "en", "zh", REVIEW_COLUMNS.status, REVIEW_COLUMNS.note, ...base, ...more, REVIEW_COLUMNS.statusBase, REVIEW_COLUMNS.noteBase];
  header(ws, columns);
  const statusCol = columns.indexOf(REVIEW_COLUMNS.status) + 1;
  m.terms.forEach((t: ReviewTerm, k) => {
    const row = ws.getRow(k + 2);
    columns.forEach((c, j) => {
      const cell = row.getCell(j + 1);
      const ex = /^example_(?:(\d)_)?(en|zh)$/.exec(c);
      if (ex) {
        const meeting = t.meetings[Number(ex[1] ?? 1) - 1];
        const lang = ex[2] as "en" | "zh";
        cell.value = meeting ? highlighted(meeting[lang], t.forms[lang], lang) : "";
        return;
      }
      const v = c === REVIEW_COLUMNS.status ? t.status : c === REVIEW_COLUMNS.note ? t.note : c === REVIEW_COLUMNS.statusBase ? (t.inGlossary ? t.status : "") : c === REVIEW_COLUMNS.noteBase ? t.note : (t.cells[c] ?? "");
      const n = Number(v);
      // Numbers only where the column holds numbers; "001", "1e5", "true" or "=SUM(…)" elsewhere stay text.
      cell.value = NUMERIC.has(c) && v !== "" && Number.isFinite(n) ? n : text(v);
    });
  });
  for (const c of [REVIEW_COLUMNS.statusBase, REVIEW_COLUMNS.noteBase]) ws.getColumn(columns.indexOf(c) + 1).hidden = true;
  dropDown(ws, statusCol, m.terms.length, GLOSSARY_STATUSES, "status");
  if (m.terms.length) {
    // Conditional, not fixed, fills: a row changes colour as soon as the reviewer changes its status.
    const s = `$${colLetter(statusCol)}2`;
    const fill = (argb: string): ExcelJS.Style => ({ fill: { type: "pattern", pattern: "solid", bgColor: { argb } } }) as ExcelJS.Style;
    ws.addConditionalFormatting({
      ref: `A2:${colLetter(columns.length)}${m.terms.length + 1}`,
      rules: [
        { type: "expression", priority: 1, formulae: [`${s}="approved"`], style: fill("FFC6EFCE") },
        { type: "expression", priority: 2, formulae: [`${s}="forbidden"`], style: fill("FFFFC7CE") },
        { type: "expression", priority: 3, formulae: [`${s}="rejected"`], style: { font: { color: { argb: "FF808080" } } } as ExcelJS.Style },
      ],
    });
  }
}

function alignmentSheet(wb: ExcelJS.Workbook, m: ReviewModel): number {
  const ws = wb.addWorksheet(SHEETS.alignment);
  header(ws, ALIGNMENT_COLUMNS);
  const rows = m.flagged.slice(0, MAX_FLAGGED_ROWS);
  rows.forEach((b, k) => {
    const values: Record<(typeof ALIGNMENT_COLUMNS)[number], ExcelJS.CellValue> = {
      document: text(b.doc),
      bead: b.bead + 1,
      shape: text(b.shape),
      score: b.score,
      line: b.line,
      english: text(b.en),
      chinese: text(b.zh),
      fix: "",
      edited_en: "",
      edited_zh: "",
      bead_key: beadKey(b.en, b.zh),
    };
    const row = ws.getRow(k + 2);
    ALIGNMENT_COLUMNS.forEach((c, j) => (row.getCell(j + 1).value = values[c]));
  });
  for (const c of ["bead", "score", "line"]) ws.getColumn(ALIGNMENT_COLUMNS.indexOf(c as never) + 1).width = 8;
  ws.getColumn(ALIGNMENT_COLUMNS.indexOf("bead_key") + 1).hidden = true;
  dropDown(ws, ALIGNMENT_COLUMNS.indexOf("fix") + 1, rows.length, FIXES, "fix");
  return rows.length;
}

function aboutSheet(wb: ExcelJS.Workbook, m: ReviewModel, termColumns: readonly string[], flaggedRows: number): void {
  const ws = wb.addWorksheet(SHEETS.about);
  ws.columns = [
    { key: "a", width: 34 },
    { key: "b", width: 110 },
  ];
  const bold = (r: ExcelJS.Row): void => void (r.font = { bold: true });
  bold(ws.addRow(["termbridge review workbook", `written ${m.created}`]));
  ws.addRow([
    "how to use it",
    `Set each pair's status (drop-down) and note in ${SHEETS.terms}; write a fix for weak beads in ${SHEETS.alignment}; save (as .xlsx); then run: termbridge review import FILE`,
  ]);
  ws.addRow([]);
  bold(ws.addRow([`${SHEETS.terms}: column`, "meaning"]));
  for (const c of termColumns) ws.addRow([c, MEANING[c] ?? "evidence from the run (see terms.csv in the README)"]);
  ws.addRow([]);
  bold(ws.addRow([`${SHEETS.alignment}: column`, "meaning"]));
  for (const c of ALIGNMENT_COLUMNS) ws.addRow([c, MEANING[c] ?? ""]);
  ws.addRow([]);
  bold(ws.addRow(["figure", "value"]));
  for (const [k, v] of m.figures) ws.addRow([k, v]);
  if (m.flagged.length > flaggedRows) ws.addRow([`${SHEETS.alignment}`, `holds the first ${flaggedRows} of ${m.flagged.length} beads to review (all are in report.json)`]);
}

/** The review workbook (Terms, Alignment review, About) as XLSX bytes. Deterministic for a fixed `created`. */
export async function buildReviewWorkbook(m: ReviewModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "termbridge";
  const created = new Date(m.created);
  wb.created = created;
  wb.modified = created;
  termsSheet(wb, m);
  const flaggedRows = alignmentSheet(wb, m);
  const termColumns = wb.getWorksheet(SHEETS.terms)!.getRow(1).values as unknown[];
  aboutSheet(wb, m, termColumns.filter((v): v is string => typeof v === "string"), flaggedRows);
  return pinZipDates(Buffer.from(await wb.xlsx.writeBuffer()), created);
}
