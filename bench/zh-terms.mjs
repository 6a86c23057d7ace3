#!/usr/bin/env node
// Speed of Chinese term-candidate assembly against jieba's tagging on which it depends: the
// Chinese side of the eval sets (read in place), repeated to at least --kb kilobytes of UTF-8
// (default 500). Times `seg.tag` alone and `seg.tag` + `zhMentions`, best of --runs (default 9).
// Run: npm run build && node bench/zh-terms.mjs
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { zhMentions } from "../dist/terms/zh/candidates.js";
import { loadJieba } from "../dist/terms/zh/jieba.js";

const arg = (name, dflt) => Number(process.argv[process.argv.indexOf(name) + 1] || dflt) || dflt;
const targetBytes = arg("--kb", 500) * 1000;
const runs = arg("--runs", 9);
const root = join(import.meta.dirname, "../../shared/eval/align");
const base = [];
for (const set of readdirSync(root).sort())
  for (const f of readdirSync(join(root, set)).filter((x) => x.endsWith(".zh")).sort())
    base.push(...readFileSync(join(root, set, f), "utf8").split("\n").filter((l) => l.trim() !== ""));
const lines = [];
let bytes = 0;
for (let k = 0; bytes < targetBytes; k++) {
  const l = base[k % base.length];
  lines.push(l);
  bytes += Buffer.byteLength(l) + 1;
}
const seg = loadJieba();

const tagOnly = () => {
  let n = 0;
  for (const l of lines) n += seg.tag(l).length;
  return n;
};
const tagAndMentions = () => {
  let n = 0;
  for (const l of lines) n += zhMentions(l, seg.tag(l)).length;
  return n;
};
// Pre-tag once to time zhMentions on its own as well.
const tagged = lines.map((l) => seg.tag(l));
const mentionsOnly = () => {
  let n = 0;
  for (let i = 0; i < lines.length; i++) n += zhMentions(lines[i], tagged[i]).length;
  return n;
};
// The machine may be shared: interleave the three measurements run by run so that load from
// elsewhere hits them alike, and keep each one's best.
const time = (fn) => {
  const t0 = performance.now();
  const out = fn();
  return { ms: performance.now() - t0, out };
};
tagOnly();
tagAndMentions();
const a = { ms: Infinity, out: 0 };
const b = { ms: Infinity, out: 0 };
const c = { ms: Infinity, out: 0 };
for (let r = 0; r < runs; r++) {
  for (const [fn, acc] of [[tagOnly, a], [tagAndMentions, b], [mentionsOnly, c]]) {
    const t = time(fn);
    if (t.ms < acc.ms) Object.assign(acc, t);
  }
}
console.log(`${lines.length} Chinese lines, ${(bytes / 1e6).toFixed(2)} MB UTF-8, ${a.out} tokens, ${b.out} mentions (best of ${runs})`);
console.log(`  seg.tag              ${a.ms.toFixed(0)} ms`);
console.log(`  seg.tag + zhMentions ${b.ms.toFixed(0)} ms  (+${(((b.ms - a.ms) / a.ms) * 100).toFixed(1)} %)`);
console.log(`  zhMentions alone     ${c.ms.toFixed(0)} ms  (${((c.ms / a.ms) * 100).toFixed(1)} % of seg.tag)`);
