import { TermbridgeError, type Bitext, type Diagnostic, type Lang, type Paragraph, type SourceDoc } from "../model/index.js";
import { splitBlocks, type RawBlock } from "./blocks.js";
import { PAGE_NUMBER, RUNNING_HEADER } from "./data/markup.js";
import { cleanBlock } from "./markup.js";
import { trim } from "./mapped.js";
import { classify } from "./script.js";
import { documentVocabulary, isComplete, joinLines, stitch, type Piece, type Vocabulary } from "./stitch.js";
import type { IngestResources } from "./words.js";

/** Cleans raw blocks into pieces; `lang` fixed for monolingual files, else classified by script. */
export function toPieces(blocks: readonly RawBlock[], v: Vocabulary, lang?: Lang): { pieces: Piece[]; noise: number } {
  const pieces: Piece[] = [];
  let noise = 0;
  for (const b of blocks) {
    const c = cleanBlock(b.m);
    const text = c.m.text.trim();
    const l = classify(text);
    if (l === undefined || PAGE_NUMBER.test(text)) {
      noise++;
      continue;
    }
    const pieceLang = lang ?? l;
    const m = trim(joinLines(c.m, pieceLang, v));
    if (m.text) pieces.push({ m, lang: pieceLang, line: b.line, heading: c.heading, allBold: c.allBold, label: c.label });
  }
  return { pieces, noise };
}

/** Drops running headers and footers: short blocks repeated (digits aside) three times or more. */
export function dropRunningHeaders(pieces: readonly Piece[]): { kept: Piece[]; dropped: number } {
  const keyOf = (p: Piece): string | undefined =>
    p.heading || p.label || p.m.text.length > RUNNING_HEADER.maxLength || /[:：]$/.test(p.m.text) ? undefined : p.m.text.replace(/\d+/g, "0").replace(/\s+/g, " ").toLowerCase();
  const counts = new Map<string, number>();
  for (const p of pieces) {
    const k = keyOf(p);
    if (k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const kept = pieces.filter((p) => {
    const k = keyOf(p);
    return k === undefined || (counts.get(k) ?? 0) < RUNNING_HEADER.minRepeats;
  });
  return { kept, dropped: pieces.length - kept.length };
}

/** Turns stitched pieces into paragraphs; the last one of a language without final punctuation is truncated. */
export function toParagraphs(doc: string, path: string, pieces: readonly Piece[], diagnostics: Diagnostic[]): Paragraph[] {
  return pieces.map((p, k) => {
    const para: Paragraph = { doc, lang: p.lang, kind: p.heading ? "heading" : "text", text: p.m.text, map: Uint32Array.from(p.m.map), line: p.line };
    if (k === pieces.length - 1 && !isComplete(p)) {
      para.truncated = true;
      diagnostics.push({
        code: "truncated",
        severity: "warning",
        message: `the last ${p.lang === "en" ? "English" : "Chinese"} paragraph stops mid-sentence ("…${p.m.text.slice(-12)}"); it is kept as it is`,
        file: path,
        line: p.line,
        hint: "check whether the document was cut off",
      });
    }
    return para;
  });
}

export function noiseDiagnostics(path: string, noise: number, headers: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (noise) out.push({ code: "dropped-noise", severity: "info", message: `${noise} block(s) without words dropped (page numbers, rules)`, file: path });
  if (headers) out.push({ code: "dropped-noise", severity: "info", message: `${headers} running header/footer block(s) dropped`, file: path });
  return out;
}

/**
 * Reads a bilingual document whose English and Chinese pages are interleaved (a PDF
 * extraction): blocks are cleaned of markup, classified by script, stripped of page
 * numbers and running headers, and stitched back across page breaks per language.
 */
export function readMixed(src: SourceDoc, res: IngestResources): Bitext {
  const v = documentVocabulary(src.text, res.words);
  const { pieces, noise } = toPieces(splitBlocks(src.text), v);
  const { kept, dropped } = dropRunningHeaders(pieces);
  const en = stitch(kept.filter((p) => p.lang === "en"), v);
  const zh = stitch(kept.filter((p) => p.lang === "zh"), v);
  if (en.length === 0 && zh.length === 0) {
    throw new TermbridgeError({ code: "empty", message: "the file has no English or Chinese text", file: src.path, hint: "pass a bilingual document, a TMX, or --en FILE --zh FILE" });
  }
  if (en.length === 0 || zh.length === 0) {
    const has = en.length ? `${en.length} English paragraph(s) and no Chinese` : `${zh.length} Chinese paragraph(s) and no English`;
    throw new TermbridgeError({
      code: "one-language",
      message: `found ${has}`,
      file: src.path,
      hint: `pass the ${en.length ? "Chinese" : "English"} file too, with --en FILE --zh FILE, or check that this is the bilingual document`,
    });
  }
  const diagnostics = noiseDiagnostics(src.path, noise, dropped);
  return {
    kind: "bitext",
    doc: src.id,
    path: src.path,
    encodings: [src.encoding],
    en: toParagraphs(src.id, src.path, en, diagnostics),
    zh: toParagraphs(src.id, src.path, zh, diagnostics),
    presplit: false,
    diagnostics,
  };
}
