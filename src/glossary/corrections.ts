import { createHash } from "node:crypto";
import { stripInvalidXml } from "../export/xmltext.js";
import { TermbridgeError, type AlignedDoc, type Bead, type Diagnostic, type Sentence } from "../model/index.js";

/** What a reviewer may say about a weak bead. */
export const ALIGNMENT_FIXES = ["ok", "split", "merge", "drop"] as const;
export type AlignmentFix = (typeof ALIGNMENT_FIXES)[number];

/** The file beside the glossary that holds the reviewers' alignment fixes; every run applies it. */
export const CORRECTIONS_FILE = "alignment-corrections.json";

/** One reviewer's fix of one bead, found again by its text (`key`) in the next run. */
export interface AlignmentCorrection {
  doc: string;
  /** 0-based bead index when it was reviewed: tried first, then the key anywhere in the document. */
  bead: number;
  /** `beadKey(en, zh)` of the bead as it was reviewed. */
  key: string;
  /** The bead's text as reviewed, for a person reading the file. */
  en: string;
  zh: string;
  fix?: AlignmentFix;
  editedEn?: string;
  editedZh?: string;
  /** YYYY-MM-DD of the import that recorded it. */
  updated: string;
}

/** Normalised text of a bead side, as the workbook and the run compare it. */
export function normaliseSide(s: string): string {
  return stripInvalidXml(s).text.replace(/\s+/g, " ").trim();
}

/** Identity of a bead by its text, stable across runs while the bead is the same. */
export function beadKey(en: string, zh: string): string {
  return createHash("sha1").update(normaliseSide(en)).update("\u0000").update(normaliseSide(zh)).digest("hex").slice(0, 16);
}

/** A bead's two sides joined as the report and the workbook show them. */
export function beadText(doc: Pick<AlignedDoc, "en" | "zh">, b: Bead): { en: string; zh: string } {
  return { en: b.en.map((i) => doc.en[i]!.text).join(" "), zh: b.zh.map((j) => doc.zh[j]!.text).join("") };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const idOf = (c: Pick<AlignmentCorrection, "doc" | "key">): string => `${c.doc}\u0000${c.key}`;

/** Adds newer fixes to older ones: a fix of the same bead (document and key) replaces the old one. Sorted by document, bead, key. */
export function mergeCorrections(old: readonly AlignmentCorrection[], newer: readonly AlignmentCorrection[]): AlignmentCorrection[] {
  const by = new Map<string, AlignmentCorrection>();
  for (const c of [...old, ...newer]) by.set(idOf(c), c);
  return [...by.values()].sort((a, b) => cmp(a.doc, b.doc) || a.bead - b.bead || cmp(a.key, b.key));
}

/** `alignment-corrections.json`: a version and the list, one fix an object, stable order. */
export function serializeCorrections(list: readonly AlignmentCorrection[]): string {
  return JSON.stringify({ version: 1, corrections: list }, null, 2) + "\n";
}

/** Reads `alignment-corrections.json`, checking every field; a bad file stops with what to do. */
export function parseCorrections(text: string, file: string): AlignmentCorrection[] {
  const bad = (message: string): never => {
    throw new TermbridgeError({ code: "malformed-review", message, file, hint: "repair it, or delete it and import the review workbook again" });
  };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    bad(`is not JSON (${(e as Error).message})`);
  }
  const list = (data as { corrections?: unknown })?.corrections;
  if (!Array.isArray(list)) return bad('has no "corrections" list');
  return list.map((c: Record<string, unknown>, k): AlignmentCorrection => {
    const str = (f: string, optional = false): string | undefined => {
      const v = c?.[f];
      if (v === undefined && optional) return undefined;
      if (typeof v !== "string") bad(`correction ${k + 1} has no text "${f}"`);
      return v as string;
    };
    const fix = str("fix", true);
    if (fix !== undefined && !ALIGNMENT_FIXES.includes(fix as AlignmentFix)) bad(`correction ${k + 1}: fix "${fix}" is not one of ${ALIGNMENT_FIXES.join(", ")}`);
    if (!Number.isInteger(c?.bead) || (c.bead as number) < 0) bad(`correction ${k + 1} has no bead number`);
    const editedEn = str("editedEn", true);
    const editedZh = str("editedZh", true);
    return { doc: str("doc")!, bead: c.bead as number, key: str("key")!, en: str("en")!, zh: str("zh")!, ...(fix ? { fix: fix as AlignmentFix } : {}), ...(editedEn ? { editedEn } : {}), ...(editedZh ? { editedZh } : {}), updated: str("updated")! };
  });
}

/** Fixes by document, for a run. */
export function correctionsByDoc(list: readonly AlignmentCorrection[]): Map<string, AlignmentCorrection[]> {
  const by = new Map<string, AlignmentCorrection[]>();
  for (const c of list) by.set(c.doc, [...(by.get(c.doc) ?? []), c]);
  return by;
}

/** A reviewer's bead counts as certain. */
const REVIEWED = 1;

/**
 * Applies a document's fixes before its TMX units are written. Each fix finds its bead by the
 * reviewed text (at the reviewed position first); `ok` confirms it (score 1), `split` pairs its
 * sentences one to one in order (sentences left over stay unaligned), `merge` joins it with
 * the next bead, `drop` unaligns its sentences (they leave the TMX); edited text replaces a
 * side's text (the side's first sentence takes it, the others are emptied). A fix whose bead
 * is gone (the document changed) is reported, never applied elsewhere. Pure.
 */
export function applyCorrections(doc: AlignedDoc, fixes: readonly AlignmentCorrection[], file: string): AlignedDoc {
  if (fixes.length === 0) return doc;
  const keyAt = (i: number): string | undefined => (doc.beads[i] ? ((t) => beadKey(t.en, t.zh))(beadText(doc, doc.beads[i]!)) : undefined);
  let index: Map<string, number> | undefined;
  const at = new Map<number, AlignmentCorrection>();
  const diagnostics: Diagnostic[] = [];
  for (const c of fixes) {
    let i: number | undefined = keyAt(c.bead) === c.key ? c.bead : undefined;
    if (i === undefined) {
      index ??= new Map(doc.beads.map((_, k) => [keyAt(k)!, k] as const).reverse());
      i = index.get(c.key);
    }
    if (i === undefined) {
      diagnostics.push({ code: "alignment-correction", severity: "warning", file, message: `the reviewed bead ${c.bead + 1} ("${c.en.slice(0, 40)}") is no longer in the alignment; its fix was not applied`, hint: `review it again, or remove it from ${CORRECTIONS_FILE}` });
      continue;
    }
    at.set(i, c);
  }
  const en: Sentence[] = [...doc.en];
  const zh: Sentence[] = [...doc.zh];
  const beads: Bead[] = [];
  let applied = 0;
  for (let i = 0; i < doc.beads.length; i++) {
    const b = doc.beads[i]!;
    const c = at.get(i);
    if (!c) {
      beads.push(b);
      continue;
    }
    applied++;
    if (c.fix === "drop") {
      for (const e of b.en) beads.push({ en: [e], zh: [], score: b.score });
      for (const z of b.zh) beads.push({ en: [], zh: [z], score: b.score });
      continue;
    }
    if (c.fix === "split") {
      const n = Math.min(b.en.length, b.zh.length);
      for (let k = 0; k < n; k++) beads.push({ en: [b.en[k]!], zh: [b.zh[k]!], score: REVIEWED });
      for (const e of b.en.slice(n)) beads.push({ en: [e], zh: [], score: b.score });
      for (const z of b.zh.slice(n)) beads.push({ en: [], zh: [z], score: b.score });
      continue;
    }
    const next = c.fix === "merge" ? doc.beads[i + 1] : undefined;
    if (next) i++;
    const out: Bead = { en: [...b.en, ...(next?.en ?? [])], zh: [...b.zh, ...(next?.zh ?? [])], score: REVIEWED };
    const edit = (side: Sentence[], ids: number[], text: string | undefined): void => {
      if (!text || ids.length === 0) return;
      ids.forEach((s, k) => (side[s] = { ...side[s]!, text: k === 0 ? text : "" }));
    };
    edit(en, out.en, c.editedEn);
    edit(zh, out.zh, c.editedZh);
    beads.push(out);
  }
  if (applied) diagnostics.push({ code: "alignment-correction", severity: "info", file, message: `${applied} reviewer fix(es) from ${CORRECTIONS_FILE} applied to the alignment` });
  return { ...doc, en, zh, beads, diagnostics: [...doc.diagnostics, ...diagnostics] };
}
