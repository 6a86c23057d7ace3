#!/usr/bin/env node
// The default input paths and whether their cost grows linearly. From the eval sets (read in
// place) it builds, at a base size and at twice it:
//   split  = English and Chinese running text, one sentence a line and no blank line between them
//            (the worst case: each file is one paragraph), read and split in this process;
//   run    = `termbridge run … --no-glossary --jobs 1` in a child process (wall time, everything
//            included) on four inputs of the same sentences: running text (--en/--zh without
//            --presplit), a mixed document (English and Chinese pages interleaved, form feeds
//            between pages, no blank line at a change of script), a TMX, and presplit files.
// Each figure is the median of --repeat runs (default 3). Prints the time at 1× and 2× and their
// ratio (linear: about 2; the bar is 2.2). Run: node bench/paths.mjs [--lines 2000] [--repeat 3]
// [--dist DIR] (another build's dist/, to compare before and after).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { evalBeads } from "./corpus-data.mjs";

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const base = Number(opt("--lines", "2000"));
const repeat = Number(opt("--repeat", "3"));
const dist = resolve(opt("--dist", join(import.meta.dirname, "../dist")));
const CLI = join(dist, "cli/main.js");
const root = join(import.meta.dirname, "../../shared/eval/align");
const { readParallel } = await import(join(dist, "ingest/parallel.js"));
const { segmentBitext } = await import(join(dist, "pipeline.js"));

// Aligned pairs of the eval sets, two-sided beads joined.
const pairs = evalBeads(root).map((b) => ({ en: b.en.join(" "), zh: b.zh.join("") }));
/** The first n pairs, the list repeated as needed. */
const take = (n) => Array.from({ length: n }, (_, k) => pairs[k % pairs.length]);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function files(n) {
  const dir = mkdtempSync(join(tmpdir(), `termbridge-paths-${n}-`));
  const ps = take(n);
  const w = (name, text) => (writeFileSync(join(dir, name), text), join(dir, name));
  const page = 12;
  const pages = [];
  for (let k = 0; k < ps.length; k += page) {
    const chunk = ps.slice(k, k + page);
    // Paragraphs of four sentences, lines as pdftotext -layout leaves them (indented, no blank line at the change of script).
    const paras = (lang, sep) => Array.from({ length: Math.ceil(chunk.length / 4) }, (_, p) => chunk.slice(p * 4, p * 4 + 4).map((x) => x[lang]).join(sep));
    pages.push(`${paras("en", " ").map((p) => `   ${p}`).join("\n\n")}\n${paras("zh", "").map((p) => `    ${p}`).join("\n\n")}\n`);
  }
  return {
    dir,
    enRunning: w("running.en.txt", ps.map((p) => p.en).join("\n") + "\n"),
    zhRunning: w("running.zh.txt", ps.map((p) => p.zh).join("\n") + "\n"),
    enPresplit: w("presplit.en.txt", ps.map((p) => p.en).join("\n") + "\n"),
    zhPresplit: w("presplit.zh.txt", ps.map((p) => p.zh).join("\n") + "\n"),
    mixed: w("mixed.txt", pages.join("\f")),
    tmx: w(
      "memory.tmx",
      `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="bench" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en-US" srclang="en-US" datatype="plaintext"/><body>\n` +
        ps.map((p) => `<tu><tuv xml:lang="en-US"><seg>${esc(p.en)}</seg></tuv><tuv xml:lang="zh-CN"><seg>${esc(p.zh)}</seg></tuv></tu>\n`).join("") +
        "</body></tmx>\n",
    ),
  };
}

/** Reading and splitting running text alone (no alignment), in this process. */
function splitTime(f) {
  const src = (path) => ({ id: path, path, encoding: "utf-8", text: readFileSync(path, "utf8") });
  const en = src(f.enRunning);
  const zh = src(f.zhRunning);
  const words = { has: () => false };
  return median(
    Array.from({ length: repeat }, () => {
      const t0 = performance.now();
      const s = segmentBitext(readParallel(en, zh, { words }, { presplit: false }));
      const t = (performance.now() - t0) / 1000;
      if (!s.en.length || !s.zh.length) throw new Error("nothing split");
      return t;
    }),
  );
}

function runTime(argv) {
  return median(
    Array.from({ length: repeat }, () => {
      const out = mkdtempSync(join(tmpdir(), "termbridge-paths-out-"));
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [CLI, "run", ...argv, "--no-glossary", "--quiet", "--jobs", "1", "--out", out], { encoding: "utf8", maxBuffer: 1 << 26 });
      const t = (performance.now() - t0) / 1000;
      rmSync(out, { recursive: true, force: true });
      if (r.status !== 0) throw new Error(`termbridge failed: ${r.stderr}`);
      return t;
    }),
  );
}

const small = files(base);
const large = files(2 * base);
const rows = [
  ["split running text (en + zh, one paragraph each)", (f) => splitTime(f)],
  ["run: running text (--en/--zh)", (f) => runTime(["--en", f.enRunning, "--zh", f.zhRunning])],
  ["run: mixed document", (f) => runTime([f.mixed])],
  ["run: TMX", (f) => runTime([f.tmx])],
  ["run: presplit files", (f) => runTime(["--en", f.enPresplit, "--zh", f.zhPresplit, "--presplit"])],
];
console.log(`default paths, ${base} and ${2 * base} sentence pairs (median of ${repeat}; ${dist})`);
console.log("path                                               1× s     2× s   ratio");
for (const [name, f] of rows) {
  const a = f(small);
  const b = f(large);
  console.log(`${name.padEnd(50)} ${a.toFixed(2).padStart(6)}   ${b.toFixed(2).padStart(6)}   ${(b / a).toFixed(2).padStart(5)}`);
}
rmSync(small.dir, { recursive: true, force: true });
rmSync(large.dir, { recursive: true, force: true });
