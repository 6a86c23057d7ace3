#!/usr/bin/env node
// Fits the aligner's confidence model (EvidenceParams.confidence) on the development sets of
// ../shared/eval/align/ (read in place): an L2-penalised logistic regression of "the bead equals a
// gold bead" on the features of `confidenceFeatures` (posterior, coverages, length match, neighbours,
// merged, leak), over two-sided beads. Each set's beads weigh alike (the literary set would otherwise
// speak for the few wrong beads of the others). Prints the weights fitted on all sets, and for each
// set the review flag at the given thresholds with weights fitted LEAVING THAT SET OUT (a held-out
// figure: the set's own beads never taught the weights that judge them), then with the weights in use.
// Run: npm run build && node scripts/fit-confidence.mjs [folder]   (THRESHOLDS=0.5,0.9 FEATURES=posterior,coverage to vary)
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadCedict } from "../dist/lexicon/cedict.js";
import { loadJieba } from "../dist/terms/zh/jieba.js";
import { alignDetailed, confidence, confidenceFeatures, DEFAULT_EVIDENCE } from "../dist/align/evidence.js";
import { parseBeads } from "../dist/eval/beads.js";

const root = resolve(process.argv[2] ?? join(import.meta.dirname, "../../shared/eval/align"));
const names = (process.env.FEATURES ?? "posterior,coverage,enCoverage,zhCoverage,length,neighbour,merged,leak").split(",");
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
      if (b.en.length && b.zh.length) rows.push({ set, e: evidence[k], ok: gold.has(key(b)) ? 1 : 0 });
    });
  }
}
const sets = [...new Set(rows.map((r) => r.set))];
const features = (e) => {
  const f = confidenceFeatures(e);
  return [1, ...names.map((n) => f[n])];
};
for (const r of rows) r.x = features(r.e);

/** Newton's method on the weighted, L2-penalised (λ = 1, bias free) log-likelihood. */
function fit(data) {
  const k = names.length + 1;
  const perSet = new Map();
  for (const r of data) perSet.set(r.set, (perSet.get(r.set) ?? 0) + 1);
  // Every set weighs as much as the average set.
  const weight = new Map([...perSet].map(([s, n]) => [s, data.length / perSet.size / n]));
  let w = new Array(k).fill(0);
  for (let it = 0; it < 40; it++) {
    const g = new Array(k).fill(0);
    const h = Array.from({ length: k }, () => new Array(k).fill(0));
    for (const r of data) {
      const p = 1 / (1 + Math.exp(-r.x.reduce((a, v, j) => a + v * w[j], 0)));
      const c = weight.get(r.set);
      for (let a = 0; a < k; a++) {
        g[a] += c * (p - r.ok) * r.x[a];
        for (let b = 0; b < k; b++) h[a][b] += c * p * (1 - p) * r.x[a] * r.x[b];
      }
    }
    for (let a = 1; a < k; a++) (g[a] += w[a]), (h[a][a] += 1);
    const step = solve(h, g);
    w = w.map((v, j) => v - step[j]);
  }
  return Object.fromEntries([["bias", w[0]], ...names.map((n, j) => [n, w[j + 1]])]);
}
/** Gaussian elimination with partial pivoting. */
function solve(a, b) {
  const n = b.length;
  const m = a.map((row, k) => [...row, b[k]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    for (let r = 0; r < n; r++) if (r !== c) { const f = m[r][c] / m[c][c]; for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k]; }
  }
  return m.map((row, k) => row[n] / m[k][k]);
}

const r2 = (x) => Math.round(x * 100) / 100;
const all = fit(rows);
console.log(`fitted on ${rows.length} two-sided beads: ${JSON.stringify(Object.fromEntries(Object.entries(all).map(([k, v]) => [k, r2(v)])))}`);
console.log(`in use: ${JSON.stringify(DEFAULT_EVIDENCE.confidence)}`);
const heldOut = new Map();
for (const set of sets) {
  const w = fit(rows.filter((r) => r.set !== set));
  for (const r of rows.filter((x) => x.set === set)) heldOut.set(r, confidence(r.e, w));
}
const thresholds = (process.env.THRESHOLDS ?? "0.5,0.8,0.9,0.95").split(",").map(Number);
const table = (title, score) => {
  console.log(title);
  for (const set of sets) {
    const rs = rows.filter((r) => r.set === set);
    const wrong = rs.filter((r) => !r.ok).length;
    const cells = thresholds.map((t) => `<${t}: ${rs.filter((r) => !r.ok && score(r) < t).length}/${wrong} caught, ${rs.filter((r) => r.ok && score(r) < t).length} right flagged`);
    console.log(`  ${set.padEnd(13)} ${cells.join("  ")}`);
  }
};
table("leave-one-set-out (held out): wrong beads caught / right beads flagged, per review threshold", (r) => heldOut.get(r));
table("weights in use (fitted on all sets):", (r) => confidence(r.e, DEFAULT_EVIDENCE.confidence));
