import type { Glossary } from "../../glossary/store.js";
import type { TermPair } from "../../model/index.js";
import { buildTermTable } from "../csv.js";
import { buildReportData, buildReportHtml, type ReportBeads } from "../report-html/index.js";
import type { Report } from "../report.js";
import { buildReviewModel } from "./model.js";
import { buildReviewWorkbook } from "./xlsx.js";

export { buildReviewModel, type ReviewModel } from "./model.js";
export { buildReviewWorkbook } from "./xlsx.js";
export { readReviewWorkbook } from "./read.js";

/** What a run hands over for its review files. */
export interface ReviewFilesInput {
  terms: readonly TermPair[];
  /** The glossary after the run's merge (none with --no-glossary). */
  glossary?: Glossary;
  report: Report;
  beads: ReportBeads;
  reviewBelow: number;
}

/** `review.xlsx` (bytes) and `report.html` (text) of a run, both built from one review model. */
export async function buildReviewFiles(input: ReviewFilesInput): Promise<{ xlsx: Buffer; html: string }> {
  const model = buildReviewModel({ terms: input.terms, table: buildTermTable(input.terms), report: input.report, reviewBelow: input.reviewBelow, ...(input.glossary ? { glossary: input.glossary } : {}) });
  const xlsx = await buildReviewWorkbook(model);
  const html = buildReportHtml(buildReportData(model, input.beads, input.report));
  return { xlsx, html };
}
