import { createHash } from "node:crypto";
import { parse } from "csv-parse/sync";
import { guessDelimiter, serializeCsv, unescapeFormula } from "../export/csv.js";
import { GLOSSARY_STATUSES, pairKey, TermbridgeError, type GlossaryEntry, type GlossaryStatus } from "../model/index.js";

/** The store's own columns, in the order they are written. */
export const GLOSSARY_COLUMNS = [
  "id",
  "en",
  "zh",
  "status",
  "en_variants",
  "zh_variants",
  "score",
  "en_count",
  "zh_count",
  "example_en",
  "example_zh",
  "note",
  "domain",
  "first_seen",
  "last_seen",
  "updated",
] as const;

type Column = (typeof GLOSSARY_COLUMNS)[number];

/** Columns a glossary must have; the others may be missing (a hand-made file) and are then empty. */
const REQUIRED: readonly Column[] = ["id", "en", "zh", "status"];

/** The glossary as read: its entries and the reviewer's own columns, in the order found. */
export interface Glossary {
  entries: GlossaryEntry[];
  extraColumns: string[];
  /** Rows a person added without an id, and the id each was given (1-based line of the row). */
  givenIds?: Array<{ line: number; id: string }>;
}

/**
 * The id of a row a reviewer added without one: `m` + 10 hex digits of its terms, so the same
 * row gets the same id on every read until it is written back with it.
 */
export function manualId(en: string, zh: string, taken: ReadonlySet<string>): string {
  let id = "m" + createHash("sha1").update(pairKey(en, zh)).digest("hex").slice(0, 10);
  for (let n = 2; taken.has(id); n++) id = "m" + createHash("sha1").update(`${pairKey(en, zh)}\t${n}`).digest("hex").slice(0, 10);
  return id;
}

const VARIANT_SEP = /\s*\|\s*/;

function fail(file: string, line: number | undefined, message: string, hint: string): never {
  throw new TermbridgeError({ code: "malformed-glossary", message, file, ...(line ? { line } : {}), hint: `${hint}; the glossary was left untouched` });
}

/**
 * Reads `glossary.csv` as a spreadsheet may have saved it: BOM or not, CRLF or LF, `,` `;` or tab,
 * columns in any order, rows in any order, extra columns (kept), formula escapes undone. A row a
 * reviewer added with an empty id gets one ({@link manualId}), everything else on it kept. A ragged
 * row, a duplicate id, an unknown status or a row without English or Chinese stops with its line.
 */
export function parseGlossary(text: string, file: string): Glossary {
  const clean = text.replace(/^\uFEFF/, "");
  if (clean.trim() === "") return { entries: [], extraColumns: [] };
  const delimiter = guessDelimiter(clean);
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(clean, { delimiter, relax_column_count: true, skip_empty_lines: true, info: true }) as typeof records;
  } catch (e) {
    const err = e as { lines?: number; message: string };
    fail(file, err.lines, `cannot be read as CSV (${err.message.replace(/^.*?: /, "")})`, "repair the quoting at that line (a cell with a quote must be quoted and its quotes doubled)");
  }
  const [head, ...rows] = records;
  const columns = head!.record.map((c) => c.trim());
  const seenCol = new Set<string>();
  for (const c of columns) {
    if (c === "") fail(file, 1, "has a column without a name", "give every column a header or delete the empty one");
    if (seenCol.has(c)) fail(file, 1, `has the column "${c}" twice`, "keep one of them");
    seenCol.add(c);
  }
  for (const c of REQUIRED) if (!seenCol.has(c)) fail(file, 1, `has no "${c}" column`, `the header must hold at least ${REQUIRED.join(", ")}`);
  const known = new Set<string>(GLOSSARY_COLUMNS);
  const extraColumns = columns.filter((c) => !known.has(c));
  const ids = new Map<string, number>();
  const entries = rows.map(({ record, info }) => {
    const line = info.lines;
    if (record.length !== columns.length) fail(file, line, `row has ${record.length} cells where the header has ${columns.length}`, "give the row one cell per column (quote cells that contain the separator)");
    const cell = (c: string): string => unescapeFormula(record[columns.indexOf(c)] ?? "").trim();
    const id = cell("id");
    if (id !== "" && ids.has(id)) fail(file, line, `id ${id} is used again (first on line ${ids.get(id)})`, "give each row its own id");
    if (id !== "") ids.set(id, line);
    const status = cell("status").toLowerCase() || "candidate";
    if (!GLOSSARY_STATUSES.includes(status as GlossaryStatus)) fail(file, line, `status "${cell("status")}" is not one of ${GLOSSARY_STATUSES.join(", ")}`, "use one of those words");
    const en = cell("en");
    const zh = cell("zh");
    if (en === "" || zh === "") fail(file, line, `row ${id || "without an id"} has no ${en === "" ? "English" : "Chinese"} term`, "fill it in, or delete the row");
    const list = (c: string): string[] => (cell(c) === "" ? [] : cell(c).split(VARIANT_SEP).filter(Boolean));
    const entry: GlossaryEntry = {
      id,
      en,
      zh,
      status: status as GlossaryStatus,
      enVariants: list("en_variants"),
      zhVariants: list("zh_variants"),
      score: cell("score"),
      enCount: cell("en_count"),
      zhCount: cell("zh_count"),
      exampleEn: cell("example_en"),
      exampleZh: cell("example_zh"),
      note: cell("note"),
      domain: cell("domain"),
      firstSeen: cell("first_seen"),
      lastSeen: cell("last_seen"),
      updated: cell("updated"),
      extra: Object.fromEntries(extraColumns.map((c) => [c, unescapeFormula(record[columns.indexOf(c)] ?? "")])),
    };
    return { entry, line };
  });
  const taken = new Set(ids.keys());
  const givenIds: Array<{ line: number; id: string }> = [];
  for (const r of entries) {
    if (r.entry.id !== "") continue;
    r.entry.id = manualId(r.entry.en, r.entry.zh, taken);
    taken.add(r.entry.id);
    givenIds.push({ line: r.line, id: r.entry.id });
  }
  return { entries: entries.map((r) => r.entry), extraColumns, ...(givenIds.length ? { givenIds } : {}) };
}

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** Rows in a stable order a reviewer can scan: by English, then Chinese, then id. */
export function sortEntries(entries: readonly GlossaryEntry[]): GlossaryEntry[] {
  return [...entries].sort((a, b) => collator.compare(a.en, b.en) || (a.en < b.en ? -1 : a.en > b.en ? 1 : 0) || (a.zh < b.zh ? -1 : a.zh > b.zh ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Writes the glossary: the store's columns, then the reviewer's own; UTF-8 with BOM, formula-safe. */
export function serializeGlossary(g: Glossary): string {
  const columns = [...GLOSSARY_COLUMNS, ...g.extraColumns];
  const rows = sortEntries(g.entries).map((e) => {
    const row: Record<string, string> = {
      id: e.id,
      en: e.en,
      zh: e.zh,
      status: e.status,
      en_variants: e.enVariants.join(" | "),
      zh_variants: e.zhVariants.join(" | "),
      score: e.score,
      en_count: e.enCount,
      zh_count: e.zhCount,
      example_en: e.exampleEn,
      example_zh: e.exampleZh,
      note: e.note,
      domain: e.domain,
      first_seen: e.firstSeen,
      last_seen: e.lastSeen,
      updated: e.updated,
    };
    // Defined, not assigned: a reviewer's column may be called `__proto__`.
    for (const c of g.extraColumns) Object.defineProperty(row, c, { value: (Object.hasOwn(e.extra, c) ? e.extra[c] : undefined) ?? "", enumerable: true, writable: true, configurable: true });
    return row;
  });
  return serializeCsv({ columns, rows });
}
