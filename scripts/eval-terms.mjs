#!/usr/bin/env node
// Term-linking quality on the gold sets of ../shared/eval/terms/ (or the folder given): runs the same
// path as `termbridge run` on each set's corpus and scores the linked pairs against its gold list:
// recall of the gold pairs per tier (found anywhere in the list, variants included), precision of the
// top K (a pair counts when it is a gold pair, in the set's list of acceptable pairs, or judged
// acceptable in scripts/eval-terms-judged.tsv; unjudged pairs count as not accepted and are counted).
// Read in place: the gold data is never copied. Run: npm run eval:terms [-- FOLDER] [--set NAME] [--show K]
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { decodeBytes } from "../dist/ingest/encoding.js";
import { resources } from "../dist/cli/resources.js";
import { analyseInput, extractTerms } from "../dist/pipeline.js";
import { judgementsFor, loadTermGold, scoreTerms } from "../dist/eval/terms.js";

const args = process.argv.slice(2);
const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const show = Number(opt("--show") ?? 0);
const only = opt("--set");
const folder = args.find((a, k) => !a.startsWith("--") && !["--show", "--set"].includes(args[k - 1]));
const root = resolve(folder ?? join(import.meta.dirname, "../../shared/eval/terms"));
if (!existsSync(root)) {
  console.error(`eval:terms: ${root}: no such folder — put the gold sets in ../shared/eval/terms or pass a folder`);
  process.exit(1);
}

/**
 * How each set is laid out. TICO-19: a TMX (aligned units) and gold-in-corpus.tsv, with terms.tsv the
 * published list. Magazine: the aligner's eval document 003 (one sentence per line, aligned by us, as
 * `termbridge run --en --zh --presplit` does) and terms.tsv with tiers, acceptable.tsv the general pairs.
 */
function layout(dir) {
  if (existsSync(join(dir, "gold-in-corpus.tsv")) && existsSync(join(dir, "corpus.tmx"))) {
    return { input: () => tmxInput(join(dir, "corpus.tmx")), gold: join(dir, "gold-in-corpus.tsv"), accepted: join(dir, "terms.tsv") };
  }
  if (existsSync(join(dir, "terms.tsv")) && existsSync(join(dir, "NOTES.md"))) {
    // NOTES.md names the corpus ("… for magazine/003"): document 003 of the aligner's set of that name.
    const m = /\b([\w-]+)\/(\d+)\b/.exec(readFileSync(join(dir, "NOTES.md"), "utf8"));
    if (!m) return undefined;
    const base = join(dir, "../../align", m[1], m[2]);
    if (!existsSync(`${base}.en`)) return undefined;
    return { input: () => parallelInput(`${base}.en`, `${base}.zh`), gold: join(dir, "terms.tsv"), accepted: join(dir, "acceptable.tsv") };
  }
  return undefined;
}
const read = (p) => decodeBytes(p, p, readFileSync(p));
const tmxInput = (p) => ({ kind: "tmx", src: read(p) });
const parallelInput = (en, zh) => ({ kind: "parallel", en: read(en), zh: read(zh), presplit: true });

const judgedPath = join(import.meta.dirname, "eval-terms-judged.tsv");
const judged = existsSync(judgedPath) ? readFileSync(judgedPath, "utf8") : "";
const res = await resources();
const fmt = (x) => (x === undefined ? "  –  " : x.toFixed(3));
console.log("set        pairs  core R          extended/loose R  P@50   P@100  unjudged@50/@100  time");
for (const set of readdirSync(root).sort()) {
  if (only && set !== only) continue;
  const dir = join(root, set);
  const lay = layout(dir);
  if (!lay) continue;
  const t0 = performance.now();
  const doc = analyseInput(lay.input(), res);
  const pairs = extractTerms([doc], res);
  const ms = performance.now() - t0;
  const gold = loadTermGold(readFileSync(lay.gold, "utf8"), existsSync(lay.accepted) ? readFileSync(lay.accepted, "utf8") : "", judgementsFor(judged, set));
  const s = scoreTerms(pairs, gold, [50, 100, show]);
  const other = Object.keys(s.recall).find((t) => t !== "core") ?? "extended";
  const r = (t) => `${fmt(s.recall[t]?.recall)} (${s.recall[t]?.found ?? 0}/${s.recall[t]?.total ?? 0})`;
  console.log(`${set.padEnd(10)} ${String(pairs.length).padStart(5)}  ${r("core").padEnd(15)} ${r(other).padEnd(17)} ${fmt(s.precision[50])}  ${fmt(s.precision[100])}  ${String(s.unjudged[50]).padStart(3)} / ${String(s.unjudged[100]).padEnd(10)}  ${(ms / 1000).toFixed(1)} s`);
  if (show) {
    pairs.slice(0, show).forEach((p, k) => console.log(`  ${String(k + 1).padStart(3)} ${s.verdicts[k] ?? "?"} ${p.score.toFixed(3)} ${p.kind ?? ""} ${p.en} | ${p.zh}${p.enVariants.length || p.zhVariants.length ? `  [${[...p.enVariants, ...p.zhVariants].join(", ")}]` : ""}`));
    for (const t of ["core", other]) console.log(`  missed ${t} (${s.missed[t]?.length ?? 0}): ${(s.missed[t] ?? []).join("; ")}`);
  }
}
