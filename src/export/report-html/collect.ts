import type { AlignedDoc } from "../../model/index.js";

/** One bead as the report shows it: document number, bead index, score, shape, English, Chinese. */
export type ReportBead = [doc: number, bead: number, score: number, shape: string, en: string, zh: string];

/** The beads a run keeps for the report's alignment view, and the score histogram of all beads. */
export interface ReportBeads {
  docs: Array<{ name: string; beads: number; first: number; count: number }>;
  rows: ReportBead[];
  /** Two-sided beads per score bin of width 1/`HISTOGRAM_BINS`, over every document (kept or not). */
  histogram: number[];
  /** Beads of every document, kept or not. */
  total: number;
}

export const HISTOGRAM_BINS = 20;

/**
 * Beads the report holds at most: the alignment view of a large corpus stops there (the TMX
 * has them all) and memory stays bounded; the histogram still counts every bead.
 */
export const MAX_REPORT_BEADS = 50_000;

/** Collects documents' beads, one document at a time, up to a bound. */
export class BeadCollector {
  private readonly out: ReportBeads = { docs: [], rows: [], histogram: new Array<number>(HISTOGRAM_BINS).fill(0), total: 0 };

  constructor(private readonly max = MAX_REPORT_BEADS) {}

  add(d: AlignedDoc): void {
    const { out } = this;
    const k = out.docs.length;
    const room = Math.max(0, this.max - out.rows.length);
    // A document is shown whole or not at all: half a document's alignment misleads.
    const keep = d.beads.length <= room;
    out.docs.push({ name: d.doc, beads: d.beads.length, first: out.rows.length, count: keep ? d.beads.length : 0 });
    d.beads.forEach((b, i) => {
      out.total++;
      if (b.en.length && b.zh.length) out.histogram[Math.min(HISTOGRAM_BINS - 1, Math.floor(b.score * HISTOGRAM_BINS))]!++;
      if (keep) out.rows.push([k, i, b.score, `${b.en.length}-${b.zh.length}`, b.en.map((s) => d.en[s]!.text).join(" "), b.zh.map((s) => d.zh[s]!.text).join("")]);
    });
  }

  result(): ReportBeads {
    return this.out;
  }
}
