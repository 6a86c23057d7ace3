import type { Lang, Paragraph } from "../../src/model/index.js";

/** A paragraph whose map is the identity shifted by `offset`. */
export function para(lang: Lang, text: string, offset = 0, kind: Paragraph["kind"] = "text"): Paragraph {
  return { doc: "t", lang, kind, text, map: Uint32Array.from({ length: text.length }, (_, k) => k + offset), line: 1 };
}
