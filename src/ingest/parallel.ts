import { TermbridgeError, type Bitext, type Diagnostic, type Lang, type Paragraph, type SourceDoc } from "../model/index.js";
import { splitLines } from "./blocks.js";
import { replace } from "./mapped.js";
import { LANG_NAME, readRunningText, requireText, toParagraphs } from "./mixed.js";
import { noiseDiagnostics } from "./noise.js";
import { classify } from "./script.js";
import type { IngestResources } from "./words.js";

/** The language of a whole file by script (its first 200,000 characters are plenty), or undefined without letters. */
const fileLanguage = (src: SourceDoc): Lang | undefined => classify(src.text.slice(0, 200_000));

/** Refuses empty files and files whose script says they are the other language (swapped --en and --zh). */
function checkLanguages(en: SourceDoc, zh: SourceDoc): void {
  requireText(en, "pass the English file with --en");
  requireText(zh, "pass the Chinese file with --zh");
  const found: Record<Lang, Lang | undefined> = { en: fileLanguage(en), zh: fileLanguage(zh) };
  for (const [src, lang] of [[en, "en"], [zh, "zh"]] as const) {
    const is = found[lang];
    if (is === undefined) {
      throw new TermbridgeError({ code: "empty", message: `the file given as --${lang} has no English or Chinese text`, file: src.path, hint: `pass the ${LANG_NAME[lang]} file with --${lang}` });
    }
    if (is !== lang) {
      const swapped = found.en === "zh" && found.zh === "en";
      throw new TermbridgeError({
        code: "one-language",
        message: `the file given as --${lang} is ${LANG_NAME[is]}, not ${LANG_NAME[lang]}`,
        file: src.path,
        hint: swapped ? "swap --en and --zh?" : `pass the ${LANG_NAME[lang]} file with --${lang}`,
      });
    }
  }
}

/** Control characters that must not reach XML (U+000B from Word, stray C0 codes); tabs stay. */
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g;

/** One paragraph per non-blank line, only trimmed (and control characters made spaces). */
function lineParagraphs(src: SourceDoc, lang: Lang): Paragraph[] {
  return splitLines(src.text).map((b) => {
    const m = replace(b.m, CONTROL, () => " ");
    return { doc: src.id, lang, kind: "text", text: m.text, map: Uint32Array.from(m.map), line: b.line };
  });
}

/** Running text of one monolingual file: cleaned and stitched like a mixed document. */
function runningParagraphs(src: SourceDoc, lang: Lang, res: IngestResources, diagnostics: Diagnostic[]): Paragraph[] {
  const r = readRunningText(src, res, lang);
  diagnostics.push(...noiseDiagnostics(src.path, r.dropped));
  return toParagraphs(src.id, src.path, r[lang], diagnostics);
}

/**
 * Reads a pair of monolingual files, each checked to be in its language by script.
 *
 * Without `presplit`, each file is running text: blocks at blank lines, cleaned of
 * markup, lines joined and page breaks stitched as in `readMixed` (PDF extraction cuts
 * paragraphs here too). With `presplit`, every non-blank line is one paragraph (= one
 * sentence for the aligner), taken as it is apart from trimming: markup is not touched,
 * and blank lines are skipped, so they carry no meaning.
 *
 * @throws TermbridgeError `empty` for an empty file, `one-language` when a file is in the other language (hint: "swap --en and --zh?").
 */
export function readParallel(en: SourceDoc, zh: SourceDoc, res: IngestResources, opts: { presplit: boolean }): Bitext {
  checkLanguages(en, zh);
  const diagnostics: Diagnostic[] = [];
  const side = (src: SourceDoc, lang: Lang): Paragraph[] => (opts.presplit ? lineParagraphs(src, lang) : runningParagraphs(src, lang, res, diagnostics));
  const enParas = side(en, "en");
  const zhParas = side(zh, "zh");
  return {
    kind: "bitext",
    doc: `${en.id}|${zh.id}`,
    path: `${en.path}|${zh.path}`,
    encodings: [en.encoding, zh.encoding],
    en: enParas,
    zh: zhParas,
    presplit: opts.presplit,
    diagnostics,
  };
}
