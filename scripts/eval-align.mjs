#!/usr/bin/env node
// Strict bead precision/recall/F1 of the aligner on every set of ../shared/eval/align/ (or the folder given),
// running the same path as `termbridge align --presplit`. Read in place: the gold data is never copied.
// Also the review flag (a two-sided bead scoring below --review-below, default that of the CLI): of the
// two-sided beads that are wrong, how many it catches, and how many right beads it flags.
// Run: npm run eval:align [-- folder] [-- --review-below 0.9]
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { decodeBytes } from "../dist/ingest/encoding.js";
import { loadWordList } from "../dist/ingest/words.js";
import { loadCedict } from "../dist/lexicon/cedict.js";
import { loadJieba } from "../dist/terms/zh/jieba.js";
import { alignInput } from "../dist/pipeline.js";
import { fromCounts, parseBeads, reviewFlagCounts, scoreStrict } from "../dist/eval/beads.js";
import { DEFAULT_OPTIONS } from "../dist/options.js";

const args = process.argv.slice(2);
const rb = args.indexOf("--review-below");
const reviewBelow = rb >= 0 ? Number(args.splice(rb, 2)[1]) : DEFAULT_OPTIONS.reviewBelow;
const root = resolve(args[0] ?? join(import.meta.dirname, "../../shared/eval/align"));
if (!existsSync(root)) {
  console.error(`eval:align: ${root}: no such folder — put the gold sets in ../shared/eval/align or pass a folder`);
  process.exit(1);
}
const res = { words: loadWordList(), zhTag: loadJieba().tag, dict: await loadCedict() };
const read = (p) => decodeBytes(p, p, readFileSync(p));
const rows = [];
const fmt = (x) => x.toFixed(3);
for (const set of readdirSync(root).sort()) {
  const dir = join(root, set);
  const docs = readdirSync(dir).filter((f) => f.endsWith(".align")).map((f) => f.slice(0, -6)).sort();
  let p = 0, g = 0, e = 0, ms = 0, wrong = 0, caught = 0, rightFlagged = 0;
  for (const d of docs) {
    const t0 = performance.now();
    const aligned = alignInput({ kind: "parallel", en: read(join(dir, `${d}.en`)), zh: read(join(dir, `${d}.zh`)), presplit: true }, res);
    ms += performance.now() - t0;
    const gold = parseBeads(readFileSync(join(dir, `${d}.align`), "utf8"));
    const s = scoreStrict(aligned.beads, gold);
    const f = reviewFlagCounts(aligned.beads, gold, reviewBelow);
    p += s.predicted; g += s.gold; e += s.exact; wrong += f.wrong; caught += f.caught; rightFlagged += f.rightFlagged;
    rows.push([set, d, `${aligned.en.length}×${aligned.zh.length}`, fmt(s.precision), fmt(s.recall), fmt(s.f1), "", flags(f)]);
  }
  const m = fromCounts(p, g, e);
  rows.push([set, "micro", "", fmt(m.precision), fmt(m.recall), fmt(m.f1), `${Math.round(ms)} ms`, flags({ wrong, caught, rightFlagged })]);
}
function flags(f) {
  return `${f.caught}/${f.wrong} wrong caught, ${f.rightFlagged} right flagged`;
}
console.log(`review flag: two-sided beads scoring below ${reviewBelow}`);
const head = ["set", "doc", "sentences", "P", "R", "F1", "time", "review flag"];
const widths = head.map((h, k) => Math.max(h.length, ...rows.map((r) => (r[k] ?? "").length)));
const line = (r) => r.map((c, k) => (c ?? "").padEnd(widths[k])).join("  ").trimEnd();
console.log(line(head));
for (const r of rows) console.log(line(r));
