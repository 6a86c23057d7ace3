/** The two languages termbridge works between. */
export type Lang = "en" | "zh";

/** Encodings the ingest stage recognises; the report names the one used. */
export type Encoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "gb18030" | "big5";

/** A decoded input file. `text` is what every offset in the pipeline points into. */
export interface SourceDoc {
  /** Stable document id (the path as given, or a name for in-memory input). */
  id: string;
  /** Path of the file for messages; equal to `id` for files. */
  path: string;
  encoding: Encoding;
  text: string;
}

/**
 * A paragraph after cleanup and page-break stitching.
 * `text` is not a substring of the source (markup removed, pieces joined), so
 * `map[i]` gives the UTF-16 offset in the decoded source of `text[i]`.
 */
export interface Paragraph {
  doc: string;
  lang: Lang;
  kind: "heading" | "text";
  text: string;
  map: Uint32Array;
  /** 1-based source line of the paragraph's first character. */
  line: number;
  /** The document ended inside this paragraph (no sentence-final punctuation). */
  truncated?: boolean;
}

/** One sentence; `start`/`end` are UTF-16 offsets into the decoded source (end exclusive). */
export interface Sentence {
  doc: string;
  lang: Lang;
  text: string;
  start: number;
  end: number;
  /** 1-based source line of the first character. */
  line: number;
  /** Index of the paragraph (within its language) the sentence comes from. */
  paragraph: number;
  heading?: boolean;
}
