#!/usr/bin/env node
// The term path alone, to compare commits: the library's analyseInput on each document of a folder of
// NAME.en.txt / NAME.zh.txt pairs (presplit), then extractTerms over them, timed per phase.
// Usage: node bench/term-path.mjs [ROOT] FOLDER
//   ROOT: a checkout whose dist/ is built (default: this one), so that a worktree of another commit can
//   be timed in turn with this one on the same folder. `node bench/term-path.mjs --make 1 DIR` writes
//   the 1 MB corpus of bench/corpus.mjs (same seed) into DIR first.
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { benchRandom, evalChunks, writeCorpus } from "./corpus-data.mjs";

const args = process.argv.slice(2);
if (args[0] === "--make") {
  const dir = resolve(args[2]);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // The first corpus bench/corpus.mjs builds: the same chunks, the same random sequence.
  const { docs, bytes } = writeCorpus(dir, Number(args[1]), evalChunks(), benchRandom());
  console.log(`${dir}: ${docs.length} documents, ${(bytes / 1e6).toFixed(2)} MB`);
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
