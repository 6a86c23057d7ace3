import { createRequire } from "node:module";
import { HANS_ONLY, HANT_ONLY } from "./data/common-han.js";

/** The two written forms of Chinese. */
export type ZhScript = "hans" | "hant";

const HANS = new Set(HANS_ONLY);
const HANT = new Set(HANT_ONLY);

/** Share of script-specific characters the minority script may have before a text counts as mixed. */
export const MIXED_SHARE = 0.1;

/**
 * The script of Chinese text, from the frequent characters whose two forms differ: Traditional
 * when those are mostly Traditional, Simplified otherwise (also when none occurs). `mixed` says
 * both occur in earnest (more than `MIXED_SHARE` of them in the minority script).
 */
export function detectScript(texts: Iterable<string>): { script: ZhScript; mixed: boolean; hans: number; hant: number } {
  let hans = 0;
  let hant = 0;
  for (const t of texts) {
    for (const ch of t) {
      if (HANS.has(ch)) hans++;
      else if (HANT.has(ch)) hant++;
    }
  }
  const script: ZhScript = hant > hans ? "hant" : "hans";
  const minority = Math.min(hans, hant);
  return { script, mixed: minority >= 2 && minority > (hans + hant) * MIXED_SHARE, hans, hant };
}

type Convert = (text: string) => string;
let t2s: Convert | undefined;

/**
 * Traditional → Simplified (opencc-js, Taiwan forms to mainland ones), loaded on first use
 * (about 0.3 s): only documents in Traditional pay for it. The result has the same length,
 * character for character, so offsets into it are offsets into the original; where the
 * phrase conversion would change a length, each character is converted alone.
 */
export function toSimplified(text: string): string {
  if (!t2s) {
    // The package's ESM entry for this direction only; createRequire keeps the load synchronous.
    const OpenCC = createRequire(import.meta.url)("opencc-js/t2cn") as { Converter: (o: { from: string; to: string }) => Convert };
    t2s = OpenCC.Converter({ from: "tw", to: "cn" });
  }
  const out = t2s(text);
  if (out.length === text.length) return out;
  return Array.from(text, (ch) => {
    const c = t2s!(ch);
    return c.length === ch.length ? c : ch;
  }).join("");
}
