import ExcelJS from "exceljs";
import { GLOSSARY_STATUSES, TermbridgeError, type GlossaryStatus, type ReviewedPair } from "../../model/index.js";
import { ALIGNMENT_COLUMNS, FIXES, REVIEW_COLUMNS, SHEETS, type Fix } from "./xlsx.js";

/** A Terms row as the reviewer left it. */
export interface ReviewedTerm extends ReviewedPair {
  /** The sheet row (1-based), for messages. */
  row: number;
  /** The row's status cell (`Terms!D7`), for messages. */
  statusCell: string;
}

/** An Alignment review row with a fix or an edit. */
export interface ReviewedBead {
  row: number;
  doc: string;
  /** 0-based bead index when the workbook was written. */
  bead: number;
  key: string;
  en: string;
  zh: string;
  fix?: Fix;
  editedEn?: string;
  editedZh?: string;
}

export interface ReviewedWorkbook {
  terms: ReviewedTerm[];
  beads: ReviewedBead[];
}

function fail(file: string, where: string, message: string, hint: string): never {
  throw new TermbridgeError({ code: "malformed-review", message, file: `${file}:${where}`, hint });
}

/** A cell's text whatever a spreadsheet made of it: rich text, a formula's result, a number, a date, a boolean. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("result" in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ("text" in v) return cellText((v as { text: ExcelJS.CellValue }).text);
    if ("error" in v) return "";
  }
  return String(v);
}

/** Column name → 1-based index, from a sheet's header row (names trimmed; the first of a repeated name). */
function headerOf(ws: ExcelJS.Worksheet): Map<string, number> {
  const cols = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => {
    const name = cellText(cell.value).trim();
    if (name && !cols.has(name)) cols.set(name, col);
  });
  return cols;
}

function sheet(wb: ExcelJS.Workbook, name: string, file: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) fail(file, name, `the workbook has no sheet "${name}" (it has: ${wb.worksheets.map((w) => w.name).join(", ") || "none"})`, `import the review.xlsx a run wrote, and keep its sheet names`);
  return ws;
}

function need(ws: ExcelJS.Worksheet, cols: Map<string, number>, names: readonly string[], file: string): void {
  for (const n of names) if (!cols.has(n)) fail(file, `${ws.name}!1:1`, `the header has no column "${n}"`, "keep the header row as termbridge wrote it (columns may move, not be renamed)");
}

const cellRef = (ws: ExcelJS.Worksheet, row: number, col: number): string => `${ws.name}!${ws.getRow(row).getCell(col).address}`;

/**
 * Reads a review workbook back: the Terms sheet's status and note of every pair and the
 * Alignment review sheet's fixes, by column name (columns may be moved, rows sorted or
 * filtered). Errors name the file, sheet and cell: `review.xlsx:Terms!D7`.
 */
export async function readReviewWorkbook(bytes: Buffer, file: string): Promise<ReviewedWorkbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new TermbridgeError({ code: "malformed-review", message: "is not an XLSX workbook", file, hint: "pass the review.xlsx a run wrote, saved as Excel 2007-365 (.xlsx)" });
  }
  const terms = readTerms(sheet(wb, SHEETS.terms, file), file);
  const beads = readBeads(sheet(wb, SHEETS.alignment, file), file);
  return { terms, beads };
}

function readTerms(ws: ExcelJS.Worksheet, file: string): ReviewedTerm[] {
  const cols = headerOf(ws);
  need(ws, cols, ["id", "en", "zh", REVIEW_COLUMNS.status, REVIEW_COLUMNS.note, REVIEW_COLUMNS.statusBase, REVIEW_COLUMNS.noteBase], file);
  const out: ReviewedTerm[] = [];
  const ids = new Map<string, number>();
  ws.eachRow((r, row) => {
    if (row === 1) return;
    const cells: Record<string, string> = Object.create(null);
    for (const [name, col] of cols) cells[name] = cellText(r.getCell(col).value).trim();
    const id = cells.id!;
    if (!id && !cells.en && !cells.zh) return;
    // A row without an id is a pair the reviewer added by hand.
    if (id && ids.has(id)) fail(file, cellRef(ws, row, cols.get("id")!), `id ${id} is used again (first on row ${ids.get(id)})`, "delete the copied row");
    ids.set(id, row);
    const raw = cells[REVIEW_COLUMNS.status]!;
    const status = (raw.toLowerCase() || "candidate") as GlossaryStatus;
    if (!GLOSSARY_STATUSES.includes(status)) fail(file, cellRef(ws, row, cols.get(REVIEW_COLUMNS.status)!), `status "${raw}" is not one of ${GLOSSARY_STATUSES.join(", ")}`, "choose one from the drop-down");
    if (!cells.en || !cells.zh) fail(file, cellRef(ws, row, cols.get(cells.en ? "zh" : "en")!), `pair ${id} has no ${cells.en ? "Chinese" : "English"} term`, "fill it in, or delete the row");
    out.push({ row, statusCell: cellRef(ws, row, cols.get(REVIEW_COLUMNS.status)!), id, en: cells.en, zh: cells.zh, status, note: cells[REVIEW_COLUMNS.note]!, statusWas: cells[REVIEW_COLUMNS.statusBase]!.toLowerCase(), noteWas: cells[REVIEW_COLUMNS.noteBase]!, cells });
  });
  return out;
}

function readBeads(ws: ExcelJS.Worksheet, file: string): ReviewedBead[] {
  const cols = headerOf(ws);
  need(ws, cols, ALIGNMENT_COLUMNS, file);
  const out: ReviewedBead[] = [];
  ws.eachRow((r, row) => {
    if (row === 1) return;
    const get = (c: (typeof ALIGNMENT_COLUMNS)[number]): string => cellText(r.getCell(cols.get(c)!).value).trim();
    const rawFix = get("fix");
    const fix = rawFix.toLowerCase();
    const editedEn = get("edited_en");
    const editedZh = get("edited_zh");
    if (!fix && !editedEn && !editedZh) return;
    if (fix && !FIXES.includes(fix as Fix)) fail(file, cellRef(ws, row, cols.get("fix")!), `fix "${rawFix}" is not one of ${FIXES.join(", ")}`, "choose one from the drop-down, or write corrected text in edited_en / edited_zh");
    const key = get("bead_key");
    const bead = Number(get("bead"));
    if (!key || !Number.isInteger(bead) || bead < 1) fail(file, cellRef(ws, row, cols.get(key ? "bead" : "bead_key")!), "the row lost the bead it fixes", "keep the bead and bead_key columns as termbridge wrote them");
    out.push({ row, doc: get("document"), bead: bead - 1, key, en: get("english"), zh: get("chinese"), ...(fix ? { fix: fix as Fix } : {}), ...(editedEn ? { editedEn } : {}), ...(editedZh ? { editedZh } : {}) });
  });
  return out;
}
