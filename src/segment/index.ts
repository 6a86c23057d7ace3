import type { Diagnostic, Paragraph, Sentence } from "../model/index.js";
import { splitEnglish } from "./en.js";
import { cut, lengthBound, type LengthBound } from "./split.js";
import { splitChinese } from "./zh.js";

export { splitEnglish } from "./en.js";
export { splitChinese } from "./zh.js";
export { lengthBound, MAX_SENTENCE_CHARS, type LengthBound } from "./split.js";

/** Splits a paragraph into sentences by its language; a heading is always one sentence. */
export function splitParagraph(p: Paragraph, paragraphIndex: number, bound?: LengthBound): Sentence[] {
  if (p.kind === "heading") return cut(p, paragraphIndex, [], bound);
  return p.lang === "en" ? splitEnglish(p, paragraphIndex, bound) : splitChinese(p, paragraphIndex, bound);
}

/** A paragraph that is one sentence already (`--presplit`), trimmed, and bounded like any other. */
export function wholeParagraph(p: Paragraph, paragraphIndex: number, bound?: LengthBound): Sentence[] {
  return cut(p, paragraphIndex, [], bound);
}

/** 200000 → "200,000" (toLocaleString loads ICU data on its first call). */
const n = (x: number): string => String(x).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/** The diagnostic for what a length bound did to one file's sentences, if anything. */
function boundDiagnostic(bound: LengthBound, file: string): Diagnostic[] {
  if (!bound.long) return [];
  const left = bound.dropped.reduce((a, d) => a + d.chars, 0);
  const first = bound.dropped[0]?.line;
  return [
    {
      code: "long-sentence",
      severity: "warning",
      message:
        `${n(bound.long)} sentence(s) longer than ${n(bound.max)} characters: cut at commas, semicolons and colons into ${n(bound.pieces)} piece(s)` +
        (bound.dropped.length ? `; ${n(bound.dropped.length)} stretch(es) without any (${n(left)} characters) left out` : ""),
      file,
      ...(first !== undefined ? { line: first } : {}),
      hint: "check the text there (a table, a list, an extraction that lost its punctuation?): restore the punctuation, or put one sentence a line and use --presplit",
    },
  ];
}

/**
 * Splits the paragraphs of one document, each side with a length bound, and says in a
 * diagnostic per file what the bound did (nothing when no sentence was over-long).
 */
export function segmentParagraphs(
  paragraphs: { en: readonly Paragraph[]; zh: readonly Paragraph[] },
  files: { en: string; zh: string },
  presplit: boolean,
): { en: Sentence[]; zh: Sentence[]; diagnostics: Diagnostic[] } {
  const side = (ps: readonly Paragraph[], file: string): { s: Sentence[]; d: Diagnostic[] } => {
    const bound = lengthBound();
    const s = ps.flatMap((p, k) => (presplit ? wholeParagraph(p, k, bound) : splitParagraph(p, k, bound)));
    return { s, d: boundDiagnostic(bound, file) };
  };
  const en = side(paragraphs.en, files.en);
  const zh = side(paragraphs.zh, files.zh);
  return { en: en.s, zh: zh.s, diagnostics: files.en === files.zh && en.d.length && zh.d.length ? [mergeBoth(en.d[0]!, zh.d[0]!)] : [...en.d, ...zh.d] };
}

/** One diagnostic for both sides of one file. */
function mergeBoth(en: Diagnostic, zh: Diagnostic): Diagnostic {
  const lines = [en.line, zh.line].filter((l): l is number => l !== undefined);
  const { line: _, ...rest } = en;
  return { ...rest, message: `English: ${en.message}; Chinese: ${zh.message}`, ...(lines.length ? { line: Math.min(...lines) } : {}) };
}
