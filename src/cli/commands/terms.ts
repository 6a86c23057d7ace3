import { analyseInput, extractTerms, linkResourcesOf } from "../../pipeline.js";
import type { TermPair } from "../../model/index.js";
import { collectInputs, type InputFlags } from "../inputs.js";
import { resources } from "../resources.js";

export interface TermsFlags extends InputFlags {
  top: number;
  json?: boolean;
}

/** Display width of a string in a terminal: CJK and full-width characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

function cut(s: string, max: number): string {
  if (width(s) <= max) return s;
  let out = "";
  for (const ch of s) {
    if (width(out + ch) > max - 1) break;
    out += ch;
  }
  return out + "…";
}

const pad = (s: string, n: number): string => s + " ".repeat(Math.max(0, n - width(s)));

/** The top pairs as an aligned text table (score, counts, dictionary support, the pair). */
export function formatTermTable(pairs: readonly TermPair[]): string {
  const enW = Math.min(48, Math.max(7, ...pairs.map((p) => width(p.en))));
  const zhW = Math.min(30, Math.max(7, ...pairs.map((p) => width(p.zh))));
  const lines = [`${pad("#", 4)}${pad("score", 7)}${pad("cooc", 6)}${pad("dict", 6)}${pad("English", enW + 2)}${pad("Chinese", zhW)}`];
  pairs.forEach((p, k) => {
    lines.push(`${pad(String(k + 1), 4)}${pad(p.score.toFixed(2), 7)}${pad(String(p.cooc), 6)}${pad(p.dict.toFixed(2), 6)}${pad(cut(p.en, enW), enW + 2)}${cut(p.zh, zhW)}`);
  });
  return lines.join("\n") + "\n";
}

/** `termbridge terms`: align the inputs, link their terms and print the best pairs. */
export async function termsCommand(files: string[], flags: TermsFlags): Promise<void> {
  // The inputs are found and read before the engines load: a missing file is reported at once.
  const inputs = collectInputs(files, flags);
  const res = await resources();
  const docs = inputs.map((input) => analyseInput(input, res));
  const pairs = extractTerms(docs, linkResourcesOf(res)!);
  const top = pairs.slice(0, flags.top);
  process.stdout.write(flags.json ? JSON.stringify(top, null, 2) + "\n" : formatTermTable(top));
  process.stderr.write(`termbridge: ${pairs.length} term pairs from ${docs.length} document(s); ${top.length} shown\n`);
}
