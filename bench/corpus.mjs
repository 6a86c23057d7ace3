#!/usr/bin/env node
// Corpus throughput against the floor. Builds corpora of 1, 10 and 50 MB (--sizes 1,10,50) from the
// eval sets (read in place, cut into documents of about 150 sentences, shuffled with a fixed seed and
// repeated) as name.en.txt/name.zh.txt pairs, one sentence per line, in a temporary folder. For each:
//   floor = time nodejieba tag + compromise tagging alone take on the same sentences, in this process;
//   ours  = `termbridge run DIR --presplit --no-glossary --jobs N --json` (a child process: wall time
//           and its own peak RSS, everything included: loading, alignment, terms, files).
// Prints wall time, documents/s, sentences/s, MB/s, peak RSS, the floor ratio, the 10 MB / 1 MB
// scaling ratio, --jobs 1 vs 2 at 10 MB, and the sample document: its whole run against the jieba load alone.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nlp from "compromise";
import nodejieba from "nodejieba";
import { benchRandom, evalChunks, writeCorpus } from "./corpus-data.mjs";

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const sizes = opt("--sizes", "1,10,50").split(",").map(Number).filter((n) => n > 0);
const CLI = join(import.meta.dirname, "../dist/cli/main.js");

const chunks = evalChunks();
const rand = benchRandom();

function build(mb) {
  const dir = mkdtempSync(join(tmpdir(), `termbridge-bench-${mb}mb-`));
  return { dir, ...writeCorpus(dir, mb, chunks, rand) };
}

nodejieba.load();
nlp("warm up the lexicon.").json();
function floor(docs) {
  const t0 = performance.now();
  for (const d of docs) {
    for (const s of d.zh) nodejieba.tag(s);
    for (const s of d.en) nlp(s).json({ terms: { normal: true, tags: true } });
  }
  return (performance.now() - t0) / 1000;
}

function ours(dir, jobs) {
  const out = mkdtempSync(join(tmpdir(), "termbridge-bench-out-"));
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [CLI, "run", dir, "--presplit", "--no-glossary", "--quiet", "--json", "--jobs", String(jobs), "--out", out], { encoding: "utf8", maxBuffer: 1 << 26 });
  const wall = (performance.now() - t0) / 1000;
  rmSync(out, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`termbridge failed: ${r.stderr}`);
  return { wall, ...JSON.parse(r.stdout) };
}

const f1 = (x) => x.toFixed(1);
const rows = [];
console.log("size   docs   sentences   floor s   ours s (jobs 2)   ratio   docs/s   sentences/s   MB/s   peak RSS");
for (const mb of sizes) {
  const c = build(mb);
  const fl = floor(c.docs);
  const o = ours(c.dir, 2);
  const sentences = o.sentences.en + o.sentences.zh;
  rows.push({ mb, floor: fl, ours: o.wall, dir: c.dir });
  console.log(
    `${String(mb).padStart(3)} MB ${String(o.documents).padStart(6)} ${String(sentences).padStart(11)} ${f1(fl).padStart(9)} ${f1(o.wall).padStart(17)} ${(o.wall / fl).toFixed(2).padStart(7)} ${f1(o.documents / o.wall).padStart(8)} ${String(Math.round(sentences / o.wall)).padStart(13)} ${(c.bytes / 1e6 / o.wall).toFixed(2).padStart(6)} ${String(o.peakRssMb).padStart(7)} MB`,
  );
}
const one = rows.find((r) => r.mb === 1);
const ten = rows.find((r) => r.mb === 10);
if (one && ten) console.log(`scaling: 10 MB took ${(ten.ours / one.ours).toFixed(2)}× the time of 1 MB`);
if (ten) {
  const j1 = ours(ten.dir, 1);
  console.log(`--jobs 1 at 10 MB: ${f1(j1.wall)} s, peak RSS ${j1.peakRssMb} MB; --jobs 2 is ${(j1.wall / ten.ours).toFixed(2)}× faster`);
}
for (const r of rows) rmSync(r.dir, { recursive: true, force: true });

// The sample, one document, as a user runs it (default --jobs: jieba loads in its own thread while
// the rest loads and the English is parsed): the whole run's wall time against jieba's dictionary
// load alone, each the median of three fresh processes.
const sample = join(import.meta.dirname, "../../shared/samples/press-conference-2024-03-07.txt");
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const jiebaLoad = () => {
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", `
    const { loadJieba } = await import(${JSON.stringify(join(import.meta.dirname, "../dist/terms/zh/jieba.js"))});
    const t0 = performance.now();
    loadJieba();
    console.log((performance.now() - t0) / 1000);
  `], { encoding: "utf8" });
  return Number(r.stdout);
};
const wholeRun = (jobs) => {
  const out = mkdtempSync(join(tmpdir(), "termbridge-bench-sample-"));
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [CLI, "run", sample, "--no-glossary", "--quiet", "--jobs", String(jobs), "--out", out], { encoding: "utf8" });
  const wall = (performance.now() - t0) / 1000;
  rmSync(out, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`termbridge failed on the sample: ${r.stderr}`);
  return wall;
};
const jl = median([0, 1, 2].map(jiebaLoad));
for (const jobs of [2, 1]) {
  const w = median([0, 1, 2].map(() => wholeRun(jobs)));
  console.log(`sample (press conference, 1 document), --jobs ${jobs}: whole run ${w.toFixed(2)} s; jieba dictionary load alone ${jl.toFixed(2)} s; beyond it ${(w - jl).toFixed(2)} s`);
}
