import { createHash } from "node:crypto";
import { pairKey, type GlossaryEntry } from "../model/index.js";
import { entryKeys } from "./merge.js";
import type { Glossary } from "./store.js";

/** What an import did. */
export interface ImportSummary {
  added: number;
  /** Candidates the import decided (approved or forbidden). */
  decided: number;
  /** Entries a reviewer had already decided otherwise: their decision is kept. */
  conflicts: number;
  /** Entries already there with the same decision. */
  unchanged: number;
}

/** Stable id of an imported pair: `i` + 10 hex digits of its identity, so importing twice adds nothing. */
export function importedId(en: string, zh: string): string {
  return "i" + createHash("sha1").update(pairKey(en, zh)).digest("hex").slice(0, 10);
}

/**
 * Brings entries from another glossary into the store as decisions. A pair the store already
 * holds as a candidate takes the imported decision; one a reviewer already decided keeps that
 * decision (counted as a conflict when they differ); a new pair is added. Pure.
 */
export function importEntries(g: Glossary, imported: readonly GlossaryEntry[], today: string): { glossary: Glossary; summary: ImportSummary } {
  const entries = g.entries.map((e) => ({ ...e, extra: { ...e.extra } }));
  const byPair = new Map<string, GlossaryEntry>();
  for (const e of entries) for (const k of entryKeys(e)) if (!byPair.has(k)) byPair.set(k, e);
  const ids = new Set(entries.map((e) => e.id));
  const summary: ImportSummary = { added: 0, decided: 0, conflicts: 0, unchanged: 0 };
  for (const imp of imported) {
    const status = imp.status === "candidate" ? "approved" : imp.status;
    const match = entryKeys(imp).map((k) => byPair.get(k)).find(Boolean);
    if (match) {
      if (match.status === status) summary.unchanged++;
      else if (match.status === "candidate") {
        match.status = status;
        if (!match.note && imp.note) match.note = imp.note;
        if (!match.domain && imp.domain) match.domain = imp.domain;
        match.updated = today;
        summary.decided++;
      } else summary.conflicts++;
      continue;
    }
    let id = imp.id && !ids.has(imp.id) ? imp.id : importedId(imp.en, imp.zh);
    while (ids.has(id)) id = importedId(id, imp.zh);
    const entry: GlossaryEntry = { ...imp, id, status, firstSeen: "", lastSeen: "", updated: today, extra: Object.fromEntries(g.extraColumns.map((c) => [c, (imp.extra && Object.hasOwn(imp.extra, c) ? imp.extra[c] : undefined) ?? ""])) };
    entries.push(entry);
    ids.add(id);
    for (const k of entryKeys(entry)) if (!byPair.has(k)) byPair.set(k, entry);
    summary.added++;
  }
  return { glossary: { entries, extraColumns: g.extraColumns }, summary };
}

const HEADER_ALIASES: ReadonlyMap<string, "en" | "zh" | "note" | "domain" | "status" | "id"> = new Map(Object.entries({
  en: "en", english: "en", source: "en", "en-us": "en", "en-gb": "en", term: "en",
  zh: "zh", chinese: "zh", target: "zh", "zh-cn": "zh", "zh-hans": "zh", translation: "zh",
  note: "note", notes: "note", comment: "note", comments: "note", definition: "note",
  domain: "domain", subject: "domain", "subject field": "domain",
  status: "status", id: "id",
} as const));

/**
 * Reads a glossary CSV from elsewhere: termbridge's own store, or any table whose header names an
 * English and a Chinese column (en/English/source, zh/Chinese/target; note/comment, domain,
 * status optional). Rows without a status are decisions as approved.
 */
export function readCsvGlossary(table: { columns: readonly string[]; rows: ReadonlyArray<Readonly<Record<string, string>>> }, file: string, fail: (line: number | undefined, message: string, hint: string) => never): GlossaryEntry[] {
  const role = new Map<string, string>();
  for (const c of table.columns) {
    const r = HEADER_ALIASES.get(c.trim().toLowerCase());
    if (r && ![...role.values()].includes(r)) role.set(r, c);
  }
  if (!role.has("en") || !role.has("zh")) fail(1, `${file} has no English and Chinese columns (found: ${table.columns.join(", ")})`, "name them en and zh (or English and Chinese, source and target) in the header row");
  const get = (row: Readonly<Record<string, string>>, r: string) => (role.has(r) ? ((Object.hasOwn(row, role.get(r)!) ? row[role.get(r)!] : undefined) ?? "").trim() : "");
  return table.rows.flatMap((row, k) => {
    const en = get(row, "en");
    const zh = get(row, "zh");
    if (!en && !zh) return [];
    if (!en || !zh) fail(k + 2, `row has no ${en ? "Chinese" : "English"} term`, "fill it in or delete the row");
    const status = (get(row, "status").toLowerCase() || "approved") as GlossaryEntry["status"];
    if (!["candidate", "approved", "rejected", "forbidden"].includes(status)) fail(k + 2, `status "${get(row, "status")}" is not one of candidate, approved, rejected, forbidden`, "use one of those words");
    return [{ id: get(row, "id"), en, zh, status, enVariants: [], zhVariants: [], score: "", enCount: "", zhCount: "", exampleEn: "", exampleZh: "", note: get(row, "note"), domain: get(row, "domain"), firstSeen: "", lastSeen: "", updated: "", extra: {} }];
  });
}
