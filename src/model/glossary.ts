/** A reviewer's decision on a glossary entry. */
export type GlossaryStatus = "candidate" | "approved" | "rejected" | "forbidden";

export const GLOSSARY_STATUSES: readonly GlossaryStatus[] = ["candidate", "approved", "rejected", "forbidden"];

/**
 * One concept of the curated glossary (`glossary/glossary.csv`, one row each). `forbidden`
 * marks a wrong translation to warn about; `rejected` a pair that must not come back.
 */
export interface GlossaryEntry {
  /** Stable id (`t` + 10 hex digits for entries the linker found; anything unique for imported ones). */
  id: string;
  en: string;
  zh: string;
  status: GlossaryStatus;
  enVariants: string[];
  zhVariants: string[];
  /** Evidence from the latest run that saw the pair (empty for entries no run has seen). */
  score: string;
  enCount: string;
  zhCount: string;
  exampleEn: string;
  exampleZh: string;
  note: string;
  domain: string;
  /** Dates as YYYY-MM-DD: first and last run that saw the pair, last change of any field. */
  firstSeen: string;
  lastSeen: string;
  updated: string;
  /** Columns the store does not know (a reviewer's own), kept by header name. */
  extra: Record<string, string>;
}

/** A pair as a reviewer left it in the review workbook, with the values it had when the workbook was written. */
export interface ReviewedPair {
  id: string;
  en: string;
  zh: string;
  status: GlossaryStatus;
  note: string;
  /** Status when the workbook was written; `""` when the glossary did not hold the pair. */
  statusWas: string;
  noteWas: string;
  /** Every cell of the row by terms.csv column name, as text (the evidence a new entry takes). */
  cells: Readonly<Record<string, string>>;
}
