import { createHash } from "node:crypto";
import { create } from "xmlbuilder2";
import type { AlignedDoc, Bead } from "../model/index.js";
import { stripInvalidXml, tmxDate } from "./xmltext.js";

/** The header every CAT tool needs; all seven attributes are required (TMX 1.4b §3.2). */
export interface TmxHeader {
  creationtool: string;
  creationtoolversion: string;
  segtype: "sentence" | "paragraph";
  "o-tmf": string;
  adminlang: string;
  srclang: string;
  datatype: "plaintext";
  creationdate: string;
}

export interface TmxVariant {
  lang: string;
  text: string;
}

export interface TmxUnit {
  tuid: string;
  creationdate: string;
  props: Array<{ type: string; value: string }>;
  notes: string[];
  /** Source first, then target: exactly two, one language pair per file. */
  variants: [TmxVariant, TmxVariant];
}

export interface TmxModel {
  header: TmxHeader;
  units: TmxUnit[];
}

/** What the export left out or changed, for the report. */
export interface TmxStats {
  units: number;
  oneSided: number;
  duplicates: number;
  tooLong: number;
  belowMinScore: number;
  invalidCharsRemoved: number;
}

export interface TmxOptions {
  srcLang: string;
  tgtLang: string;
  now: Date;
  toolVersion: string;
  /** Beads scoring below this are left out (0 keeps all). */
  minScore: number;
  /** Beads scoring below this get `x-termbridge-review: low-confidence`. */
  reviewBelow: number;
  /** Some tools skip segments longer than this; we leave them out and count them. */
  maxSegmentLength: number;
}

/**
 * Joins a bead's sentences (English with a space, Chinese with nothing) after removing
 * characters XML forbids; OmegaT trims segments, so the result is trimmed too.
 */
function joinSide(doc: AlignedDoc, bead: Bead, lang: "en" | "zh"): { text: string; removed: number } {
  let removed = 0;
  const parts = bead[lang].map((k) => {
    const clean = stripInvalidXml(doc[lang][k]!.text);
    removed += clean.removed;
    return clean.text.trim();
  });
  return { text: parts.join(lang === "en" ? " " : "").replace(/\s+/g, " ").trim(), removed };
}

/** Stable unit id: the same pair gets the same id in every run. */
function unitId(en: string, zh: string): string {
  return createHash("sha1").update(en).update("\u0000").update(zh).digest("hex").slice(0, 16);
}

/**
 * Builds the TMX model from aligned documents: one unit per bead with both sides
 * non-empty, identical pairs written once, over-long and weak beads left out (counted).
 */
export function buildTmx(docs: readonly AlignedDoc[], opts: TmxOptions): { model: TmxModel; stats: TmxStats } {
  const date = tmxDate(opts.now);
  const srcIsZh = opts.srcLang.toLowerCase().startsWith("zh");
  const stats: TmxStats = { units: 0, oneSided: 0, duplicates: 0, tooLong: 0, belowMinScore: 0, invalidCharsRemoved: 0 };
  const seen = new Set<string>();
  const units: TmxUnit[] = [];
  for (const doc of docs) {
    doc.beads.forEach((bead, b) => {
      const en0 = joinSide(doc, bead, "en");
      const zh0 = joinSide(doc, bead, "zh");
      stats.invalidCharsRemoved += en0.removed + zh0.removed;
      const en = en0.text;
      const zh = zh0.text;
      if (!en || !zh) return void stats.oneSided++;
      if (bead.score < opts.minScore) return void stats.belowMinScore++;
      if (en.length > opts.maxSegmentLength || zh.length > opts.maxSegmentLength) return void stats.tooLong++;
      const key = `${en}\u0000${zh}`;
      if (seen.has(key)) return void stats.duplicates++;
      seen.add(key);
      const meta = doc.units?.[b];
      const props = [
        ...(meta?.props ?? []).filter((p) => !p.type.startsWith("x-termbridge-")),
        { type: "x-termbridge-doc", value: doc.doc },
        { type: "x-termbridge-bead", value: `${bead.en.length}-${bead.zh.length}` },
        { type: "x-termbridge-score", value: bead.score.toFixed(3) },
        ...(bead.score < opts.reviewBelow ? [{ type: "x-termbridge-review", value: "low-confidence" }] : []),
      ];
      const enV = { lang: srcIsZh ? opts.tgtLang : opts.srcLang, text: en };
      const zhV = { lang: srcIsZh ? opts.srcLang : opts.tgtLang, text: zh };
      units.push({
        tuid: meta?.tuid ?? unitId(en, zh),
        creationdate: date,
        props,
        notes: meta?.notes ?? [],
        variants: srcIsZh ? [zhV, enV] : [enV, zhV],
      });
    });
  }
  stats.units = units.length;
  const header: TmxHeader = {
    creationtool: "termbridge",
    creationtoolversion: opts.toolVersion,
    // Units are sentence beads; a 2-1 bead stays one unit (it still serves as a fuzzy match).
    segtype: "sentence",
    "o-tmf": "termbridge",
    adminlang: "en-US",
    srclang: opts.srcLang,
    datatype: "plaintext",
    creationdate: date,
  };
  return { model: { header, units }, stats };
}

/** Serialises a TMX model as TMX 1.4 (`version="1.4"`: the DTD fixes the value), UTF-8 without BOM. */
export function serializeTmx(model: TmxModel): string {
  const root = create({ version: "1.0", encoding: "UTF-8" }).ele("tmx", { version: "1.4" });
  root.ele("header", { ...model.header });
  const body = root.ele("body");
  for (const u of model.units) {
    const tu = body.ele("tu", { tuid: u.tuid, creationdate: u.creationdate });
    // TMX 1.4b §3.3: <note> and <prop> come before the <tuv>s.
    for (const n of u.notes) tu.ele("note").txt(n);
    for (const p of u.props) tu.ele("prop", { type: p.type }).txt(p.value);
    for (const v of u.variants) tu.ele("tuv", { "xml:lang": v.lang }).ele("seg").txt(v.text);
  }
  return root.end({ prettyPrint: true, indent: "  " }) + "\n";
}
