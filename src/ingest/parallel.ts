import { TermbridgeError, type Bitext, type Diagnostic, type Lang, type Paragraph, type SourceDoc } from "../model/index.js";
import { splitLines } from "./blocks.js";
import { replace } from "./mapped.js";
import { LANG_NAME, readRunningText, requireText, toParagraphs } from "./mixed.js";
import { noiseDiagnostics } from "./noise.js";
import { proseOf } from "./prose.js";
import { classify } from "./script.js";
import type { IngestResources } from "./words.js";

/**
 * The language of a whole file by the script of its prose (its first 200,000 characters are
 * plenty): code blocks, URLs and markup do not count, so a Chinese technical document full of
 * code is still Chinese. Undefined without letters.
 */
const fileLanguage = (src: SourceDoc): Lang | undefined => {
  const head = src.text.slice(0, 200_000);
  return classify(proseOf(head)) ?? classify(head);
};

/**
 * Refuses empty files and files whose script says they are the other language (swapped --en and
 * --zh, or misnamed files). `named`: the pair was found by the files' names in a folder, not
 * given as --en/--zh, and the messages speak of the names.
 */
function checkLanguages(en: SourceDoc, zh: SourceDoc, named: boolean): void {
  const given = (lang: Lang): string => (named ? `the file named as ${LANG_NAME[lang]}` : `the file given as --${lang}`);
  const fix = (lang: Lang): string => (named ? `check that it is the ${LANG_NAME[lang]} version of its pair, or rename it` : `pass the ${LANG_NAME[lang]} file with --${lang}`);
  requireText(en, fix("en"));
  requireText(zh, fix("zh"));
  const found: Record<Lang, Lang | undefined> = { en: fileLanguage(en), zh: fileLanguage(zh) };
  for (const [src, lang] of [[en, "en"], [zh, "zh"]] as const) {
    const is = found[lang];
    if (is === undefined) {
      throw new TermbridgeError({ code: "empty", message: `${given(lang)} has no English or Chinese text`, file: src.path, hint: fix(lang) });
    }
    if (is !== lang) {
      const swapped = found.en === "zh" && found.zh === "en";
      throw new TermbridgeError({
        code: "one-language",
        message: `${given(lang)} is ${LANG_NAME[is]}, not ${LANG_NAME[lang]}`,
        file: src.path,
        hint: swapped ? (named ? "are the two names swapped? rename them" : "swap --en and --zh?") : fix(lang),
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
export function readParallel(en: SourceDoc, zh: SourceDoc, res: IngestResources, opts: { presplit: boolean; named?: boolean }): Bitext {
  checkLanguages(en, zh, opts.named ?? false);
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
