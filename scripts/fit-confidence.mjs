#!/usr/bin/env node
// Fits the aligner's confidence model (EvidenceParams.confidence) on the development sets of
// ../shared/eval/align/ (read in place): a logistic regression of "the bead equals a gold bead" on
// ln(posterior) and the bead's least covered sentence, over two-sided beads. Prints the weights
// fitted on all documents, and for each set the review flag's catch rate at the given thresholds
// with weights fitted leaving that document out (so the figures are not on training data).
// Run: npm run build && node scripts/fit-confidence.mjs [folder]
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadCedict } from "../dist/lexicon/cedict.js";
import { loadJieba } from "../dist/terms/zh/jieba.js";
import { alignDetailed, confidence, DEFAULT_EVIDENCE } from "../dist/align/evidence.js";
import { parseBeads } from "../dist/eval/beads.js";

const root = resolve(process.argv[2] ?? join(import.meta.dirname, "../../shared/eval/align"));
const jieba = loadJieba();
const res = { cut: jieba.cut, dict: await loadCedict() };
const lines = (p) => readFileSync(p, "utf8").split("\n").filter((l) => l.trim() !== "");
const sent = (lang) => (text) => ({ doc: "eval", lang, text, start: 0, end: 0, line: 1, paragraph: 0 });
const key = (b) => `${b.en.join(",")}:${b.zh.join(",")}`;
const rows = [];
for (const set of readdirSync(root).sort()) {
  for (const d of readdirSync(join(root, set)).filter((f) => f.endsWith(".align")).map((f) => f.slice(0, -6)).sort()) {
    const base = join(root, set, d);
    const { beads, evidence } = alignDetailed(lines(`${base}.en`).map(sent("en")), lines(`${base}.zh`).map(sent("zh")), res);
    const gold = new Set(parseBeads(readFileSync(`${base}.align`, "utf8")).map(key));
    beads.forEach((b, k) => {
      if (b.en.length && b.zh.length) rows.push({ set, doc: `${set}/${d}`, e: evidence[k], ok: gold.has(key(b)) ? 1 : 0 });
    });
  }
}

const features = (e) => [1, Math.log(Math.max(e.posterior, 1e-4)), e.coverage];
/** Newton's method on the L2-penalised (λ = 1, bias free) log-likelihood. */
function fit(data) {
  let w = [0, 0, 0];
  for (let it = 0; it < 30; it++) {
    const g = [0, 0, 0];
    const h = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
    for (const r of data) {
      const x = features(r.e);
      const p = 1 / (1 + Math.exp(-x.reduce((a, v, k) => a + v * w[k], 0)));
      for (let a = 0; a < 3; a++) {
        g[a] += (p - r.ok) * x[a];
        for (let b = 0; b < 3; b++) h[a][b] += p * (1 - p) * x[a] * x[b];
      }
    }
    for (let a = 1; a < 3; a++) (g[a] += w[a]), (h[a][a] += 1);
    w = w.map((v, k) => v - solve(h, g)[k]);
  }
  return { bias: w[0], posterior: w[1], coverage: w[2] };
}
/** Gaussian elimination for a 3×3 system. */
function solve(a, b) {
  const m = a.map((row, k) => [...row, b[k]]);
  for (let c = 0; c < 3; c++) {
    const p = m.slice(c).reduce((best, row, k) => (Math.abs(row[c]) > Math.abs(m[best][c]) ? c + k : best), c);
    [m[c], m[p]] = [m[p], m[c]];
    for (let r = 0; r < 3; r++) if (r !== c) { const f = m[r][c] / m[c][c]; for (let k = c; k < 4; k++) m[r][k] -= f * m[c][k]; }
  }
  return m.map((row, k) => row[3] / m[k][k]);
}

const all = fit(rows);
const r3 = (x) => Math.round(x * 100) / 100;
console.log(`fitted on ${rows.length} two-sided beads: bias ${r3(all.bias)}, posterior ${r3(all.posterior)}, coverage ${r3(all.coverage)} (in use: ${JSON.stringify(DEFAULT_EVIDENCE.confidence)})`);
const held = new Map();
for (const doc of new Set(rows.map((r) => r.doc))) {
  const w = fit(rows.filter((r) => r.doc !== doc));
  for (const r of rows.filter((x) => x.doc === doc)) held.set(r, confidence(r.e, w));
}
const thresholds = (process.env.THRESHOLDS ?? "0.5,0.8,0.9,0.95").split(",").map(Number);
console.log("leave-one-document-out: wrong beads caught / right beads flagged, per review threshold");
for (const set of new Set(rows.map((r) => r.set))) {
  const rs = rows.filter((r) => r.set === set);
  const wrong = rs.filter((r) => !r.ok).length;
  const cells = thresholds.map((t) => `<${t}: ${rs.filter((r) => !r.ok && held.get(r) < t).length}/${wrong} caught, ${rs.filter((r) => r.ok && held.get(r) < t).length} right flagged`);
  console.log(`  ${set.padEnd(13)} ${cells.join("  ")}`);
}
