#!/usr/bin/env node
// Peak memory of a run on a large TMX (issue 18): writes a TMX of --mb megabytes (default 200) to a
// temporary folder, with --usable English–Chinese units (default 20,000) among multilingual units
// in other languages (en-US + de-DE + fr-FR, about 1 KB each), then runs
//   /usr/bin/time -v termbridge run FILE --out DIR --no-glossary --jobs 1 --quiet
// and prints the file size, the units written, wall time and peak RSS. The text is made up from a
// fixed vocabulary with a fixed seed, so every run builds the same file. `--keep FILE` writes the
// TMX there and only that (for bench/tmx-phases.mjs). `--text real` takes the English–Chinese units
// from real sentence pairs instead (the 1-1 beads of ../shared/eval/align/ and the TICO-19 memory,
// read in place, in turn, each with its unit number): the made-up text of 17 words a language is the
// worst case for the pair table (nearly every pair of terms meets again), real text is not.
import { spawn } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { evalBeads } from "./corpus-data.mjs";

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const mb = Number(opt("--mb", "200"));
const usable = Number(opt("--usable", "20000"));
const CLI = join(import.meta.dirname, "../dist/cli/main.js");

let seed = 42;
const rand = (n) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
const EN = "water river basin flood season reservoir dam ministry province township warning system management investment project safety drought irrigation".split(" ");
const ZH = "水利 河流 流域 汛期 水库 大坝 部门 省份 乡镇 预警 系统 管理 投资 项目 安全 干旱 灌溉".split(" ");
const DE = "Wasser Fluss Becken Hochwasser Stausee Damm Ministerium Provinz Gemeinde Warnung".split(" ");
const words = (list, n) => Array.from({ length: n }, () => list[rand(list.length)]).join(" ");
const xml = (t) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Real sentence pairs: the eval sets' 1-1 gold beads, then the TICO-19 memory's units. */
function realPairs() {
  const root = join(import.meta.dirname, "../../shared/eval");
  const out = evalBeads(join(root, "align")).filter((b) => b.en.length === 1 && b.zh.length === 1).map((b) => [b.en[0], b.zh[0]]);
  const tmx = readFileSync(join(root, "terms/tico19/corpus.tmx"), "utf8");
  for (const tu of tmx.split("</tu>")) {
    const e = /xml:lang="en">\s*<seg>([^<]*)<\/seg>/.exec(tu);
    const z = /xml:lang="zh">\s*<seg>([^<]*)<\/seg>/.exec(tu);
    if (e && z) out.push([e[1], z[1]]);
  }
  return out.filter(([e, z]) => e && z);
}
const real = opt("--text", "made-up") === "real" ? realPairs() : undefined;

const keep = opt("--keep", undefined);
const dir = mkdtempSync(join(tmpdir(), "tb-bench-tmx-"));
const file = keep ?? join(dir, "big.tmx");
const fd = openSync(file, "w");
writeSync(fd, `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n<header creationtool="bench" creationtoolversion="1" segtype="sentence" o-tmf="bench" adminlang="en-US" srclang="*all*" datatype="plaintext"/>\n<body>\n`);
let written = 0;
let k = 0;
const target = mb * 1024 * 1024;
const every = Math.max(1, Math.round(target / 1100 / usable));
let made = 0;
while (written < target) {
  let tu;
  if (k % every === 0 && made < usable) {
    made++;
    if (real) {
      // Already escaped where the memory is read (TICO-19), raw from the aligned files: escaped once either way.
      const [e, z] = real[(made - 1) % real.length];
      const esc = (t) => (t.includes("&amp;") || t.includes("&lt;") ? t : xml(t));
      tu = `<tu tuid="u${k}"><tuv xml:lang="en-US"><seg>${esc(e)} (${k})</seg></tuv><tuv xml:lang="zh-CN"><seg>${esc(z)}（${k}）</seg></tuv></tu>\n`;
    } else tu = `<tu tuid="u${k}"><tuv xml:lang="en-US"><seg>The ${words(EN, 8)} plan number ${k} was adopted.</seg></tuv><tuv xml:lang="zh-CN"><seg>第${k}号${words(ZH, 6).replace(/ /g, "")}规划已经通过。</seg></tuv></tu>\n`;
  } else {
    tu = `<tu tuid="o${k}"><tuv xml:lang="en-US"><seg>${words(EN, 40)} ${k}.</seg></tuv><tuv xml:lang="de-DE"><seg>${words(DE, 40)} ${k}.</seg></tuv><tuv xml:lang="fr-FR"><seg>${words(DE, 30)} ${k}.</seg></tuv></tu>\n`;
  }
  written += writeSync(fd, tu);
  k++;
}
writeSync(fd, "</body>\n</tmx>\n");
closeSync(fd);
const size = statSync(file).size;
console.log(`TMX: ${(size / 1048576).toFixed(0)} MB, ${k.toLocaleString("en-US")} units, ${made.toLocaleString("en-US")} English–Chinese`);
if (keep) {
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

const out = join(dir, "out");
/** RSS in kB of a process and all its descendants, read from /proc (0 once it is gone). */
function treeRss(pid) {
  let kb = 0;
  try {
    kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      for (const child of readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").split(" ").filter(Boolean)) kb += treeRss(child);
    }
  } catch {
    // gone meanwhile
  }
  return kb;
}

/**
 * Runs the CLI under /usr/bin/time -v: wall time and the peak RSS of its largest process, and,
 * sampled every 50 ms, the peak of all its processes together (a large document's tagging process
 * lives beside the main one for a while).
 */
const timed = async (cliArgs) => {
  const child = spawn("/usr/bin/time", ["-v", process.execPath, CLI, ...cliArgs], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  let tree = 0;
  const sampler = setInterval(() => (tree = Math.max(tree, treeRss(child.pid))), 50);
  const status = await new Promise((resolve) => child.on("close", (code) => resolve(code)));
  clearInterval(sampler);
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? NaN);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)/.exec(stderr)?.[1];
  // /usr/bin/time itself is a few MB of the sampled tree.
  return { r: { status, stderr }, rss, wall, tree };
};
// The reader alone: `segment` reads the memory and prints its sentences, nothing else is loaded.
const seg = await timed(["segment", file]);
console.log(`termbridge segment (reader only): exit ${seg.r.status}, wall ${seg.wall}, peak RSS ${(seg.rss / 1024).toFixed(0)} MB`);
const { r, rss, wall, tree } = await timed(["run", file, "--out", out, "--no-glossary", "--jobs", "1", "--quiet"]);
if (r.status !== 0) console.log(r.stderr.split("\n").filter((l) => l.startsWith("termbridge")).join("\n"));
let units = "?";
try {
  units = JSON.parse(readFileSync(join(out, "report.json"), "utf8")).tmx?.units ?? "?";
} catch {
  // no report: the run failed (printed above)
}
console.log(`termbridge run (everything: engines, alignment, terms, files): exit ${r.status}, ${units} units written, wall ${wall}, peak RSS ${(rss / 1024).toFixed(0)} MB (largest process), ${(tree / 1024).toFixed(0)} MB (all its processes together)`);
rmSync(dir, { recursive: true, force: true });
