#!/usr/bin/env node
// Alignment speed and memory on a long document: the eval sets (read in place) concatenated and
// repeated until the English side has --en sentences (default 5,000), then Chinese sentences split
// at a comma (so 1-2 beads occur) until the Chinese side has --zh sentences (default 6,500).
// Prints sizes, resource loading time, alignment time and peak RSS. Run: npm run bench
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { resourceUsage } from "node:process";
import { loadCedict } from "../dist/lexicon/cedict.js";
import { alignWithEvidence } from "../dist/align/evidence.js";
import { loadJieba } from "../dist/terms/zh/jieba.js";

const arg = (name, dflt) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) || dflt : dflt);
const target = arg("--en", 5000);
const zhTarget = arg("--zh", 6500);
const root = join(import.meta.dirname, "../../shared/eval/align");
const lines = (p) => readFileSync(p, "utf8").split("\n").filter((l) => l.trim() !== "");
const docs = [];
for (const set of readdirSync(root).sort())
  for (const f of readdirSync(join(root, set)).filter((x) => x.endsWith(".align")).sort())
    docs.push({ en: lines(join(root, set, f.replace(".align", ".en"))), zh: lines(join(root, set, f.replace(".align", ".zh"))) });
const en = [];
const zh = [];
for (let k = 0; en.length < target; k++) {
  const d = docs[k % docs.length];
  const take = Math.min(d.en.length, target - en.length);
  en.push(...d.en.slice(0, take));
  zh.push(...d.zh.slice(0, Math.round((d.zh.length * take) / d.en.length)));
}
// Split Chinese sentences at their middle comma, spread evenly over the text, until the target.
const splittable = zh.flatMap((s, k) => (s.length >= 30 && s.includes("，") ? [k] : []));
const need = Math.min(splittable.length, Math.max(0, zhTarget - zh.length));
const chosen = new Set(Array.from({ length: need }, (_, n) => splittable[Math.floor((n * splittable.length) / need)]));
const split = zh.flatMap((s, k) => {
  if (!chosen.has(k)) return [s];
  const commas = [...s.matchAll(/，/g)].map((m) => m.index);
  const at = commas[Math.floor(commas.length / 2)] + 1;
  return [s.slice(0, at), s.slice(at)];
});
zh.splice(0, zh.length, ...split);
const sent = (lang) => (text) => ({ doc: "bench", lang, text, start: 0, end: 0, line: 1, paragraph: 0 });
const t0 = performance.now();
const cut = loadJieba().cut;
const t1 = performance.now();
const dict = await loadCedict();
const t2 = performance.now();
const cpu0 = process.cpuUsage();
const beads = alignWithEvidence(en.map(sent("en")), zh.map(sent("zh")), { cut, dict });
const t3 = performance.now();
const cpu = process.cpuUsage(cpu0);
const mb = (Buffer.byteLength(en.join("\n")) + Buffer.byteLength(zh.join("\n"))) / 1e6;
console.log(`alignment of ${en.length} × ${zh.length} sentences (${mb.toFixed(2)} MB), ${beads.length} beads`);
console.log(`  jieba load        ${((t1 - t0) / 1000).toFixed(2)} s`);
console.log(`  CC-CEDICT load    ${((t2 - t1) / 1000).toFixed(2)} s`);
// CPU time as well: on a shared machine the wall time also counts the waits for a core.
console.log(`  align (2 passes)  ${((t3 - t2) / 1000).toFixed(2)} s  (${Math.round(en.length / ((t3 - t2) / 1000))} English sentences/s; CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s)`);
console.log(`  peak RSS          ${(resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
