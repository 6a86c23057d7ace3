#!/usr/bin/env node
// Strict bead precision/recall/F1 of the aligner on every set of ../shared/eval/align/ (or the folder given),
// running the same path as `termbridge align --presplit`. Read in place: the gold data is never copied.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { decodeBytes } from "../dist/ingest/encoding.js";
import { loadWordList } from "../dist/ingest/words.js";
import { loadCedict } from "../dist/lexicon/cedict.js";
import { loadJieba } from "../dist/terms/zh/jieba.js";
import { alignInput } from "../dist/pipeline.js";
import { fromCounts, parseBeads, scoreStrict } from "../dist/eval/beads.js";

const root = resolve(process.argv[2] ?? join(import.meta.dirname, "../../shared/eval/align"));
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
  let p = 0, g = 0, e = 0, ms = 0;
  for (const d of docs) {
    const t0 = performance.now();
    const aligned = alignInput({ kind: "parallel", en: read(join(dir, `${d}.en`)), zh: read(join(dir, `${d}.zh`)), presplit: true }, res);
    ms += performance.now() - t0;
    const s = scoreStrict(aligned.beads, parseBeads(readFileSync(join(dir, `${d}.align`), "utf8")));
    p += s.predicted; g += s.gold; e += s.exact;
    rows.push([set, d, `${aligned.en.length}×${aligned.zh.length}`, fmt(s.precision), fmt(s.recall), fmt(s.f1)]);
  }
  const m = fromCounts(p, g, e);
  rows.push([set, "micro", "", fmt(m.precision), fmt(m.recall), fmt(m.f1), `${Math.round(ms)} ms`]);
}
const head = ["set", "doc", "sentences", "P", "R", "F1", "time"];
const widths = head.map((h, k) => Math.max(h.length, ...rows.map((r) => (r[k] ?? "").length)));
const line = (r) => r.map((c, k) => (c ?? "").padEnd(widths[k])).join("  ").trimEnd();
console.log(line(head));
for (const r of rows) console.log(line(r));
