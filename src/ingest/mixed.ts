import { TermbridgeError, type Bitext, type Diagnostic, type Lang, type Paragraph, type SourceDoc } from "../model/index.js";
import { splitBlocks, type RawBlock } from "./blocks.js";
import { blankCodeBlocks, cleanBlock } from "./markup.js";
import { dropRunningHeaders, isNoise, noiseDiagnostics, type Dropped } from "./noise.js";
import { classify } from "./script.js";
import { documentVocabulary, isComplete, joinLines, stitch, type Piece, type Vocabulary } from "./stitch.js";
import type { IngestResources } from "./words.js";

/*
 * Reading running text, in order:
 *   1. split into raw blocks at blank lines and form feeds   (blocks.ts: splitBlocks)
 *   2. clean markup and join the lines of each block          (cleanBlocks: markup.ts, stitch.ts joinLines)
 *   3. classify by script; drop noise and running headers     (classifyBlocks; noise.ts)
 *   4. stitch page breaks, per language                       (stitch.ts: stitch)
 *   5. mark a truncated last paragraph                        (toParagraphs)
 *   6. assemble the Bitext                                    (readMixed; parallel.ts: readParallel)
 */

/** Language names for messages. */
export const LANG_NAME: Record<Lang, string> = { en: "English", zh: "Chinese" };

/** A block after step 2: markup gone, lines joined; its language is not known yet. */
type CleanPiece = Omit<Piece, "lang">;

/** Step 2: cleans the markup of every block and joins its lines. Blocks that clean to nothing go. */
export function cleanBlocks(blocks: readonly RawBlock[], v: Vocabulary): CleanPiece[] {
  const out: CleanPiece[] = [];
  for (const b of blocks) {
    const c = cleanBlock(b.m);
    const m = joinLines(c.m, v);
    const end = b.m.map[b.m.map.length - 1]! + 1;
    if (m.text) out.push({ m, line: b.line, end, heading: c.heading, allBold: c.allBold, label: c.label });
  }
  return out;
}

/**
 * Step 3a: gives each block its language by script ({@link classify}); blocks with
 * neither script, and page numbers, are noise. A monolingual file passes its `lang`.
 */
export function classifyBlocks(blocks: readonly CleanPiece[], lang?: Lang): { pieces: Piece[]; noise: number[] } {
  const pieces: Piece[] = [];
  const noise: number[] = [];
  for (const b of blocks) {
    if (isNoise(b.m.text)) noise.push(b.line);
    else pieces.push({ ...b, lang: lang ?? classify(b.m.text)! });
  }
  return { pieces, noise };
}

/** Steps 1–4 for one file: the stitched pieces of each language, and what was dropped. */
export function readRunningText(src: SourceDoc, res: IngestResources, lang?: Lang): { en: Piece[]; zh: Piece[]; dropped: Dropped } {
  const v = documentVocabulary(src.text, res.words);
  const blocks = cleanBlocks(splitBlocks(blankCodeBlocks(src.text)), v);
  const { pieces, noise } = classifyBlocks(blocks, lang);
  const { kept, dropped } = dropRunningHeaders(pieces);
  return {
    en: stitch(kept.filter((p) => p.lang === "en"), v),
    zh: stitch(kept.filter((p) => p.lang === "zh"), v),
    dropped: { noise, headers: dropped },
  };
}

/**
 * Step 5: turns the stitched pieces of one language into paragraphs. The last one, if it
 * still has no sentence-final punctuation, is kept, marked `truncated`, and reported.
 */
export function toParagraphs(doc: string, file: string, pieces: readonly Piece[], diagnostics: Diagnostic[]): Paragraph[] {
  return pieces.map((p, k) => {
    const para: Paragraph = { doc, lang: p.lang, kind: p.heading ? "heading" : "text", text: p.m.text, map: Uint32Array.from(p.m.map), line: p.line };
    if (k === pieces.length - 1 && !isComplete(p)) {
      para.truncated = true;
      diagnostics.push({
        code: "truncated",
        severity: "warning",
        message: `the last ${LANG_NAME[p.lang]} paragraph stops mid-sentence ("…${p.m.text.slice(-16)}"); it is kept as it is`,
        file,
        line: p.line,
        hint: "check whether the document was cut off",
      });
    }
    return para;
  });
}

/** Refuses an empty or white-space-only file. */
export function requireText(src: SourceDoc, hint: string): void {
  if (src.text.trim() === "") {
    throw new TermbridgeError({ code: "empty", message: src.text === "" ? "the file is empty" : "the file has only white space", file: src.path, hint });
  }
}

const paragraphs = (n: number, lang: Lang): string => `${n} ${LANG_NAME[lang]} paragraph${n === 1 ? "" : "s"}`;

/** Refuses a "bilingual" document in which one language (or both) is missing; `inFolder`: found in a folder, not named by the user. */
function requireBothLanguages(src: SourceDoc, en: number, zh: number, inFolder: boolean): void {
  if (en === 0 && zh === 0) {
    throw new TermbridgeError({ code: "empty", message: "the file has no English or Chinese text", file: src.path, hint: "pass a bilingual document, a TMX, or --en FILE --zh FILE" });
  }
  if (en > 0 && zh > 0) return;
  const [has, lacks]: [Lang, Lang] = en > 0 ? ["en", "zh"] : ["zh", "en"];
  throw new TermbridgeError({
    code: "one-language",
    message: `found ${paragraphs(en || zh, has)} and no ${LANG_NAME[lacks]}`,
    file: src.path,
    hint: inFolder
      ? `if its ${LANG_NAME[lacks]} version is another file, name the two as a pair (name.en.txt and name.zh.txt); or check that this is the bilingual document`
      : `pass the ${LANG_NAME[lacks]} file too (--en FILE --zh FILE), or check that this is the bilingual document`,
  });
}

/**
 * Reads a bilingual .txt/.md document whose English and Chinese pages are interleaved
 * (a PDF extraction): blocks are cleaned of markup, classified by script, stripped of
 * page numbers and running headers, and stitched back across page breaks per language.
 *
 * @throws TermbridgeError `empty` for an empty document, `one-language` when English or Chinese is missing.
 */
export function readMixed(src: SourceDoc, res: IngestResources, opts: { inFolder?: boolean } = {}): Bitext {
  requireText(src, "pass a bilingual document, a TMX, or --en FILE --zh FILE");
  const { en, zh, dropped } = readRunningText(src, res);
  requireBothLanguages(src, en.length, zh.length, opts.inFolder ?? false);
  const diagnostics = noiseDiagnostics(src.path, dropped);
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
