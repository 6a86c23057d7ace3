import { TermbridgeError, type Bitext, type Lang, type SourceDoc } from "../model/index.js";
import { splitBlocks, splitLines } from "./blocks.js";
import { dropRunningHeaders, noiseDiagnostics, toParagraphs, toPieces } from "./mixed.js";
import { fromSource } from "./mapped.js";
import { scriptCounts } from "./script.js";
import { documentVocabulary, stitch, type Piece } from "./stitch.js";
import type { IngestResources } from "./words.js";

const NAME: Record<Lang, string> = { en: "English", zh: "Chinese" };

/** Refuses a file whose script says it is the other language (swapped --en and --zh). */
function checkLanguage(src: SourceDoc, lang: Lang): void {
  const { han, latin } = scriptCounts(src.text.slice(0, 200_000));
  if (han === 0 && latin === 0) throw new TermbridgeError({ code: "empty", message: "the file has no English or Chinese text", file: src.path, hint: `pass the ${NAME[lang]} file` });
  const looks: Lang = han * 3 >= latin ? "zh" : "en";
  if (looks !== lang) {
    throw new TermbridgeError({ code: "one-language", message: `given as --${lang} but the text is ${NAME[looks]}`, file: src.path, hint: "swap --en and --zh?" });
  }
}

/**
 * Reads a pair of monolingual files. Running text is cleaned and stitched like a mixed
 * document (page breaks cut paragraphs here too). With `presplit`, every non-blank line
 * is one sentence, taken as it is (only trimmed); blank lines are skipped.
 */
export function readParallel(en: SourceDoc, zh: SourceDoc, res: IngestResources, opts: { presplit: boolean }): Bitext {
  checkLanguage(en, "en");
  checkLanguage(zh, "zh");
  const diagnostics: Bitext["diagnostics"] = [];
  const side = (src: SourceDoc, lang: Lang) => {
    if (opts.presplit) {
      const pieces: Piece[] = splitLines(src.text).map((b) => ({ m: fromSource(src.text, b.m.map[0]!, b.m.map[b.m.map.length - 1]! + 1), lang, line: b.line, heading: false, allBold: false, label: false }));
      return pieces.map((p) => ({ doc: src.id, lang, kind: "text" as const, text: p.m.text, map: Uint32Array.from(p.m.map), line: p.line }));
    }
    const v = documentVocabulary(src.text, res.words);
    const { pieces, noise } = toPieces(splitBlocks(src.text), v, lang);
    const { kept, dropped } = dropRunningHeaders(pieces);
    diagnostics.push(...noiseDiagnostics(src.path, noise, dropped));
    return toParagraphs(src.id, src.path, stitch(kept, v), diagnostics);
  };
  return {
    kind: "bitext",
    doc: `${en.id}|${zh.id}`,
    path: `${en.path}|${zh.path}`,
    encodings: [en.encoding, zh.encoding],
    en: side(en, "en"),
    zh: side(zh, "zh"),
    presplit: opts.presplit,
    diagnostics,
  };
}
