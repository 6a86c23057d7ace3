import { importedId } from "./imported.js";
import { entryKeys } from "./merge.js";
import type { Glossary } from "./store.js";
import type { GlossaryEntry, GlossaryStatus, ReviewedPair } from "../model/index.js";

/** A reviewed pair with the place it came from. */
export interface ReviewDecision extends ReviewedPair {
  /** Where it came from, for messages (`review.xlsx:Terms!D7`). */
  where: string;
}

/** A reviewer's change the glossary did not take, because someone else changed the same field since the workbook was written. */
export interface ReviewConflict {
  where: string;
  id: string;
  en: string;
  zh: string;
  field: "status" | "note";
  /** The value the workbook was written with, the glossary's now, and the reviewer's. */
  was: string;
  glossary: string;
  workbook: string;
}

export interface ReviewSummary {
  /** Entries whose status the review changed. */
  decided: number;
  /** Entries whose note the review changed. */
  notes: number;
  /** Pairs the glossary did not hold (below --glossary-min-score, or a run without the glossary), added with the reviewer's status. */
  added: number;
  /** Rows the reviewer left as they were. */
  unchanged: number;
  conflicts: ReviewConflict[];
}

const list = (s: string | undefined): string[] => (s ? s.split(/\s*\|\s*/).filter(Boolean) : []);

/**
 * Takes a review workbook's decisions into the glossary, as a three-way merge with the values
 * the workbook was written with: a field the reviewer changed is taken when the glossary still
 * holds what the workbook showed (or already the same); when someone else changed it meanwhile
 * (another review, an edit of glossary.csv) the glossary keeps its value and the conflict is
 * reported. Fields the reviewer did not change are never touched, so an import never undoes a
 * decision made elsewhere. A pair the glossary does not hold is added when the reviewer decided
 * it or wrote a note; a row the reviewer added (no id) is added, or decides a candidate. Pure.
 */
export function applyReview(g: Glossary, rows: readonly ReviewDecision[], today: string): { glossary: Glossary; summary: ReviewSummary } {
  const entries = g.entries.map((e) => ({ ...e, enVariants: [...e.enVariants], zhVariants: [...e.zhVariants], extra: { ...e.extra } }));
  const byId = new Map<string, GlossaryEntry>();
  const byPair = new Map<string, GlossaryEntry>();
  const index = (e: GlossaryEntry): void => {
    if (!byId.has(e.id)) byId.set(e.id, e);
    for (const k of entryKeys(e)) if (!byPair.has(k)) byPair.set(k, e);
  };
  entries.forEach(index);
  const summary: ReviewSummary = { decided: 0, notes: 0, added: 0, unchanged: 0, conflicts: [] };
  const add = (r: ReviewDecision, id: string): void => {
    const c = r.cells;
    const entry: GlossaryEntry = {
      id,
      en: r.en,
      zh: r.zh,
      status: r.status,
      enVariants: list(c.en_variants),
      zhVariants: list(c.zh_variants),
      score: c.score ?? "",
      enCount: c.en_count ?? "",
      zhCount: c.zh_count ?? "",
      exampleEn: c.example_en ?? "",
      exampleZh: c.example_zh ?? "",
      note: r.note,
      domain: "",
      firstSeen: r.id ? today : "",
      lastSeen: r.id ? today : "",
      updated: today,
      extra: Object.fromEntries(g.extraColumns.map((x) => [x, ""])),
    };
    entries.push(entry);
    index(entry);
    summary.added++;
  };
  for (const r of rows) {
    const match = (r.id ? byId.get(r.id) : undefined) ?? entryKeys({ en: r.en, zh: r.zh, enVariants: [], zhVariants: [] }).map((k) => byPair.get(k)).find(Boolean);
    // A row the reviewer added (no id) is a pair with a decision, as in a glossary import: its base is a candidate.
    const statusWas = (r.id ? r.statusWas || "candidate" : "candidate") as GlossaryStatus;
    const noteWas = r.id ? r.noteWas : (match?.note ?? "");
    const statusChanged = r.status !== statusWas;
    const noteChanged = r.note !== noteWas;
    if (!match && (!r.id || statusChanged || noteChanged)) {
      let id = r.id && !byId.has(r.id) ? r.id : importedId(r.en, r.zh);
      while (byId.has(id)) id = importedId(id, r.zh);
      add(r, id);
      continue;
    }
    if (!match || (!statusChanged && !noteChanged)) {
      summary.unchanged++;
      continue;
    }
    let changed = false;
    const take = (field: "status" | "note", was: string, mine: string): void => {
      const now = match[field];
      if (now === mine) return;
      if (now !== was) {
        summary.conflicts.push({ where: r.where, id: match.id, en: match.en, zh: match.zh, field, was, glossary: now, workbook: mine });
        return;
      }
      (match as unknown as Record<string, string>)[field] = mine;
      changed = true;
      summary[field === "status" ? "decided" : "notes"]++;
    };
    if (statusChanged) take("status", statusWas, r.status);
    if (noteChanged) take("note", noteWas, r.note);
    if (changed) match.updated = today;
  }
  return { glossary: { entries, extraColumns: g.extraColumns }, summary };
}
