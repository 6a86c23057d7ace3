import { createHash } from "node:crypto";
import { fragment } from "xmlbuilder2";
import type { AlignedDoc, Bead } from "../model/index.js";
import { stripInvalidXml, tmxDate, xmlAttr, xmlText } from "./xmltext.js";

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
 * Folds the white space of a segment: runs of spaces and tabs become one space, the ends are
 * trimmed, and line breaks stay (a TMX read in keeps the ones its segments hold; TMX text may
 * hold them). OmegaT trims segments, so they are trimmed here too.
 */
export function segmentSpace(text: string): string {
  return text.replace(/[^\S\n]*\n[^\S\n]*/g, "\n").replace(/[^\S\n]+/g, " ").trim();
}

/** Joins a bead's sentences (English with a space, Chinese with nothing) after removing characters XML forbids. */
function joinSide(doc: AlignedDoc, bead: Bead, lang: "en" | "zh"): { text: string; removed: number } {
  let removed = 0;
  const parts = bead[lang].map((k) => {
    const clean = stripInvalidXml(doc[lang][k]!.text);
    removed += clean.removed;
    return clean.text.trim();
  });
  return { text: segmentSpace(parts.join(lang === "en" ? " " : "")), removed };
}

/** Stable unit id: the same pair gets the same id in every run. */
function unitId(en: string, zh: string): string {
  return createHash("sha1").update(en).update("\u0000").update(zh).digest("hex").slice(0, 16);
}

/**
 * Turns aligned documents into TMX units one document at a time, so that a corpus never has to
 * sit in memory: identical pairs are written once across documents (the set of pairs seen is
 * all that grows), over-long and weak beads are left out and counted.
 */
export class TmxBuilder {
  readonly header: TmxHeader;
  readonly stats: TmxStats = { units: 0, oneSided: 0, duplicates: 0, tooLong: 0, belowMinScore: 0, invalidCharsRemoved: 0 };
  private readonly seen = new Set<string>();
  private readonly date: string;
  private readonly srcIsZh: boolean;

  constructor(private readonly opts: TmxOptions) {
    this.date = tmxDate(opts.now);
    this.srcIsZh = opts.srcLang.toLowerCase().startsWith("zh");
    this.header = {
      creationtool: "termbridge",
      creationtoolversion: opts.toolVersion,
      // Units are sentence beads; a 2-1 bead stays one unit (it still serves as a fuzzy match).
      segtype: "sentence",
      "o-tmf": "termbridge",
      adminlang: "en-US",
      srclang: opts.srcLang,
      datatype: "plaintext",
      creationdate: this.date,
    };
  }

  /** The units of one document, in bead order. */
  add(doc: AlignedDoc): TmxUnit[] {
    const { opts, stats } = this;
    const units: TmxUnit[] = [];
    doc.beads.forEach((bead, b) => {
      const en0 = joinSide(doc, bead, "en");
      const zh0 = joinSide(doc, bead, "zh");
      stats.invalidCharsRemoved += en0.removed + zh0.removed;
      const en = en0.text;
      const zh = zh0.text;
      if (!en || !zh) return void stats.oneSided++;
      if (bead.score < opts.minScore) return void stats.belowMinScore++;
      if (en.length > opts.maxSegmentLength || zh.length > opts.maxSegmentLength) return void stats.tooLong++;
      // A digest, not the text: the only thing kept per unit across a corpus.
      const key = unitId(en, zh) + createHash("sha1").update(zh).digest("hex").slice(0, 8);
      if (this.seen.has(key)) return void stats.duplicates++;
      this.seen.add(key);
      const meta = doc.units?.[b];
      const clean = (t: string): string => {
        const c = stripInvalidXml(t);
        stats.invalidCharsRemoved += c.removed;
        return c.text;
      };
      const props = [
        ...(meta?.props ?? []).filter((p) => !p.type.startsWith("x-termbridge-")).map((p) => ({ type: clean(p.type), value: clean(p.value) })),
        { type: "x-termbridge-doc", value: doc.doc },
        { type: "x-termbridge-bead", value: `${bead.en.length}-${bead.zh.length}` },
        { type: "x-termbridge-score", value: bead.score.toFixed(3) },
        ...(bead.score < opts.reviewBelow ? [{ type: "x-termbridge-review", value: "low-confidence" }] : []),
      ];
      const enV = { lang: this.srcIsZh ? opts.tgtLang : opts.srcLang, text: en };
      const zhV = { lang: this.srcIsZh ? opts.srcLang : opts.tgtLang, text: zh };
      // An imported tuid is kept (cleaned); an empty one would identify nothing.
      const tuid = meta?.tuid !== undefined ? clean(meta.tuid) : "";
      units.push({ tuid: tuid || unitId(en, zh), creationdate: this.date, props, notes: (meta?.notes ?? []).map(clean), variants: this.srcIsZh ? [zhV, enV] : [enV, zhV] });
    });
    stats.units += units.length;
    return units;
  }
}

/** Builds the whole TMX model from aligned documents (see `TmxBuilder` for one document at a time). */
export function buildTmx(docs: readonly AlignedDoc[], opts: TmxOptions): { model: TmxModel; stats: TmxStats } {
  const b = new TmxBuilder(opts);
  const units = docs.flatMap((d) => b.add(d));
  return { model: { header: b.header, units }, stats: b.stats };
}

/**
 * TMX 1.4 (`version="1.4"`: the DTD fixes the value), UTF-8 without BOM, in three pieces so that a
 * corpus can be written as it goes: the head (declaration, root, header, open body), one piece per
 * unit, the tail. Joined they are `serializeTmx`'s output, byte for byte.
 */
export function tmxHead(header: TmxHeader): string {
  // Every string goes through xmlText/xmlAttr (xmltext.ts): xmlbuilder2 alone writes "&nbsp;" text raw.
  const attrs = Object.fromEntries(Object.entries(header).map(([k, v]) => [k, xmlAttr(v)]));
  const h = fragment().ele("header", attrs).end({ prettyPrint: true, indent: "  ", offset: 1 });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n${h}\n  <body>\n`;
}

export function tmxUnit(u: TmxUnit): string {
  const tu = fragment().ele("tu", { tuid: xmlAttr(u.tuid), creationdate: xmlAttr(u.creationdate) });
  // TMX 1.4b §3.3: <note> and <prop> come before the <tuv>s.
  for (const n of u.notes) tu.ele("note").txt(xmlText(n));
  for (const p of u.props) tu.ele("prop", { type: xmlAttr(p.type) }).txt(xmlText(p.value));
  for (const v of u.variants) tu.ele("tuv", { "xml:lang": xmlAttr(v.lang) }).ele("seg").txt(xmlText(v.text));
  return tu.end({ prettyPrint: true, indent: "  ", offset: 2 }) + "\n";
}

export const TMX_TAIL = "  </body>\n</tmx>\n";

/** Serialises a whole TMX model. */
export function serializeTmx(model: TmxModel): string {
  return tmxHead(model.header) + model.units.map(tmxUnit).join("") + TMX_TAIL;
}
