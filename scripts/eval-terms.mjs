#!/usr/bin/env node
// Term-linking quality on every set of ../shared/eval/terms/ (or the folder given): runs the same path
// as `termbridge run` on the set's corpus.tmx and scores the linked pairs against gold-in-corpus.tsv:
// recall of the gold pairs per tier (anywhere in the list), precision of the top K (a pair counts when
// it is a gold pair of terms.tsv or a pair judged acceptable in scripts/eval-terms-judged.tsv; unjudged
// pairs count as not accepted and are counted).
// Read in place: the gold data is never copied. Run: npm run eval:terms [-- FOLDER] [--show K]
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { decodeBytes } from "../dist/ingest/encoding.js";
import { resources } from "../dist/cli/resources.js";
import { analyseInput, extractTerms } from "../dist/pipeline.js";
import { loadTermGold, scoreTerms } from "../dist/eval/terms.js";

const args = process.argv.slice(2);
const show = args.includes("--show") ? Number(args[args.indexOf("--show") + 1]) : 0;
const folder = args.find((a, k) => !a.startsWith("--") && args[k - 1] !== "--show");
const root = resolve(folder ?? join(import.meta.dirname, "../../shared/eval/terms"));
if (!existsSync(root)) {
  console.error(`eval:terms: ${root}: no such folder — put the gold sets in ../shared/eval/terms or pass a folder`);
  process.exit(1);
}
const judgedPath = join(import.meta.dirname, "eval-terms-judged.tsv");
const judged = existsSync(judgedPath) ? readFileSync(judgedPath, "utf8") : "";
const res = await resources();
const fmt = (x) => (x === undefined ? "  –  " : x.toFixed(3));
console.log("set        pairs  core R        loose R       P@50   P@100  unjudged@50/@100  time");
for (const set of readdirSync(root).sort()) {
  const dir = join(root, set);
  if (!existsSync(join(dir, "gold-in-corpus.tsv"))) continue;
  const t0 = performance.now();
  const src = join(dir, "corpus.tmx");
  const doc = analyseInput({ kind: "tmx", src: decodeBytes(src, src, readFileSync(src)) }, res);
  const pairs = extractTerms([doc], res);
  const ms = performance.now() - t0;
  const gold = loadTermGold(readFileSync(join(dir, "gold-in-corpus.tsv"), "utf8"), existsSync(join(dir, "terms.tsv")) ? readFileSync(join(dir, "terms.tsv"), "utf8") : "", judged);
  const s = scoreTerms(pairs, gold, [50, 100]);
  const r = (t) => `${fmt(s.recall[t]?.recall)} (${s.recall[t]?.found ?? 0}/${s.recall[t]?.total ?? 0})`;
  console.log(`${set.padEnd(10)} ${String(pairs.length).padStart(5)}  ${r("core").padEnd(13)} ${r("loose").padEnd(13)} ${fmt(s.precision[50])}  ${fmt(s.precision[100])}  ${String(s.unjudged[50]).padStart(3)} / ${String(s.unjudged[100]).padEnd(10)}  ${(ms / 1000).toFixed(1)} s`);
  if (show) {
    pairs.slice(0, show).forEach((p, k) => console.log(`  ${String(k + 1).padStart(3)} ${s.verdicts[k] ?? "?"} ${p.score.toFixed(3)} ${p.en} | ${p.zh}`));
    console.log("  missed core:", s.missed.core.join("; "));
  }
}
