/** What kind of problem a diagnostic reports; stable codes for scripts and tests. */
export type DiagnosticCode =
  | "not-found"
  | "unreadable"
  | "empty"
  | "binary"
  | "bad-encoding"
  | "one-language"
  | "no-pairs"
  | "malformed-xml"
  | "malformed-tmx"
  | "unsafe-xml"
  | "line-too-long"
  | "mixed-script"
  | "traditional-chinese"
  | "tmx-no-language"
  | "tmx-unit-skipped"
  | "truncated"
  | "dropped-noise"
  | "invalid-xml-char"
  | "long-segment"
  | "duplicate-unit"
  | "bad-usage"
  | "malformed-glossary"
  | "glossary-locked"
  | "malformed-review"
  | "alignment-correction"
  | "long-sentence"
  | "huge-paragraphs"
  | "low-scores"
  | "bad-embeddings"
  | "queue-unreachable"
  | "queue-failed";

export type Severity = "error" | "warning" | "info";

/** A problem found in the input, kept per document; the library never prints it. */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  /** What is wrong, in one sentence. */
  message: string;
  file: string;
  /** 1-based line, when the problem has a place. */
  line?: number;
  /** What the user can do about it. */
  hint?: string;
}

/**
 * The one fatal error class of the library. The CLI turns it into
 * `termbridge: FILE[:LINE]: message — hint` and a non-zero exit.
 */
export class TermbridgeError extends Error {
  readonly code: DiagnosticCode;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly hint: string | undefined;

  constructor(d: Omit<Diagnostic, "severity">) {
    super(d.message);
    this.name = "TermbridgeError";
    this.code = d.code;
    this.file = d.file || undefined;
    this.line = d.line;
    this.hint = d.hint;
  }
}
