import type { Diagnostic } from "./diagnostic.js";
import type { Encoding, Paragraph, Sentence } from "./text.js";

/** Ingest output for a document that still needs sentence splitting and alignment. */
export interface Bitext {
  kind: "bitext";
  doc: string;
  path: string;
  /** Encodings of the source file(s), for the report. */
  encodings: Encoding[];
  en: Paragraph[];
  zh: Paragraph[];
  /** Each paragraph is already one sentence (`--presplit` or one-sentence-per-line input). */
  presplit: boolean;
  diagnostics: Diagnostic[];
}

/** A group of consecutive sentences on each side; an empty side is a 1-0 or 0-1 bead. */
export interface Bead {
  /** Indices into `AlignedDoc.en`, ascending and consecutive. */
  en: number[];
  /** Indices into `AlignedDoc.zh`, ascending and consecutive. */
  zh: number[];
  /** Confidence in [0, 1]. */
  score: number;
}

/** Extra properties carried from an input TMX unit (tuid, props, notes). */
export interface UnitMeta {
  tuid?: string;
  props: Array<{ type: string; value: string }>;
  notes: string[];
  line: number;
}

/** A document after alignment, or a TMX read as already-aligned pairs. */
export interface AlignedDoc {
  doc: string;
  path: string;
  encodings: Encoding[];
  en: Sentence[];
  zh: Sentence[];
  beads: Bead[];
  /** Per bead, the metadata of the TMX unit it came from (TMX input only). */
  units?: UnitMeta[];
  diagnostics: Diagnostic[];
  /** Paragraph counts per language, for the report. */
  paragraphs: { en: number; zh: number };
  /** The script of the Chinese side, when it is Traditional (absent: Simplified). */
  zhScript?: "hant";
  /** The Chinese language code the input itself gave (a TMX's `zh-TW`, `zh-HK`…), for the memory written. */
  zhLang?: string;
}
