#!/usr/bin/env node
// The term path alone, to compare commits: the library's analyseInput on each document of a folder of
// NAME.en.txt / NAME.zh.txt pairs (presplit), then extractTerms over them, timed per phase.
// Usage: node bench/term-path.mjs [ROOT] FOLDER
//   ROOT: a checkout whose dist/ is built (default: this one), so that a worktree of another commit can
//   be timed in turn with this one on the same folder. `node bench/term-path.mjs --make 1 DIR` writes
//   the 1 MB corpus of bench/corpus.mjs (same seed) into DIR first.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const args = process.argv.slice(2);
if (args[0] === "--make") {
  const mb = Number(args[1]);
  const dir = resolve(args[2]);
  const root = join(import.meta.dirname, "../../shared/eval/align");
  const lines = (p) => readFileSync(p, "utf8").split("\n").filter((l) => l.trim() !== "");
  const chunks = [];
  for (const set of readdirSync(root).sort())
    for (const f of readdirSync(join(root, set)).filter((x) => x.endsWith(".align")).sort()) {
      const en = lines(join(root, set, f.replace(".align", ".en")));
      const zh = lines(join(root, set, f.replace(".align", ".zh")));
      const n = Math.ceil(en.length / 150);
      for (let k = 0; k < n; k++) chunks.push({ en: en.slice(Math.floor((k * en.length) / n), Math.floor(((k + 1) * en.length) / n)), zh: zh.slice(Math.floor((k * zh.length) / n), Math.floor(((k + 1) * zh.length) / n)) });
    }
  // The seed and shuffle of bench/corpus.mjs, so the corpus is the same.
  let seed = 20261201;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  let n = 0;
  while (bytes < mb * 1e6) {
    for (const c of chunks.map((c) => [rand(), c]).sort((a, b) => a[0] - b[0]).map(([, c]) => c)) {
      if (bytes >= mb * 1e6) break;
      const name = `doc${String(n++).padStart(5, "0")}`;
      const en = c.en.join("\n") + "\n";
      const zh = c.zh.join("\n") + "\n";
      writeFileSync(join(dir, `${name}.en.txt`), en);
      writeFileSync(join(dir, `${name}.zh.txt`), zh);
      bytes += Buffer.byteLength(en) + Buffer.byteLength(zh);
    }
  }
  console.log(`${dir}: ${n} documents, ${(bytes / 1e6).toFixed(2)} MB`);
  process.exit(0);
}

const root = resolve(args.length > 1 ? args[0] : join(import.meta.dirname, ".."));
const dir = resolve(args[args.length - 1]);
const { decodeBytes } = await import(join(root, "dist/ingest/encoding.js"));
const { resources } = await import(join(root, "dist/cli/resources.js"));
const { analyseInput, extractTerms } = await import(join(root, "dist/pipeline.js"));
const t0 = performance.now();
const res = await resources();
const t1 = performance.now();
const read = (p) => decodeBytes(p, p, readFileSync(p));
const docs = [];
for (const f of readdirSync(dir).filter((x) => x.endsWith(".en.txt")).sort()) {
  const base = join(dir, f.slice(0, -".en.txt".length));
  docs.push(analyseInput({ kind: "parallel", en: read(`${base}.en.txt`), zh: read(`${base}.zh.txt`), presplit: true }, res));
}
const t2 = performance.now();
const pairs = extractTerms(docs, res);
const t3 = performance.now();
const s = (a, b) => ((b - a) / 1000).toFixed(2);
console.log(JSON.stringify({ root, load: +s(t0, t1), analyse: +s(t1, t2), link: +s(t2, t3), pairs: pairs.length, rssMb: Math.round(process.memoryUsage().rss / 2 ** 20) }));
