#!/usr/bin/env node
// report.html in headless Chromium (Debian's, driven by puppeteer-core): a synthetic run of 5,000
// term pairs and 20,000 beads (bench/report-data.mjs). Prints the file size, the time until the page
// is ready, and every long task (the Long Tasks API) while it loads and while a reviewer opens the
// terms, searches, sorts, opens a concordance and the alignment view. Fails when a task takes over a
// second. Also times the review workbook of the same run. `node bench/report.mjs --pairs 5000 --beads 20000` (the defaults).
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer from "puppeteer-core";
import { buildReviewWorkbook } from "../dist/export/review/xlsx.js";
import { syntheticReport } from "./report-data.mjs";

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const chromium = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => p && existsSync(p));
if (!chromium) {
  console.log("report bench skipped: Chromium is not installed (apt-get install chromium)");
  process.exit(0);
}
const pairs = opt("--pairs", 5000);
const beads = opt("--beads", 20000);
const t0 = performance.now();
const { html, model } = syntheticReport({ pairs, beads });
const file = join(mkdtempSync(join(tmpdir(), "termbridge-report-bench-")), "report.html");
writeFileSync(file, html);
console.log(`report.html: ${pairs} pairs, ${beads} beads, ${(Buffer.byteLength(html) / 1e6).toFixed(2)} MB, built in ${((performance.now() - t0) / 1000).toFixed(2)} s`);

const t1 = performance.now();
const xlsx = await buildReviewWorkbook(model);
console.log(`review.xlsx: ${(xlsx.length / 1e6).toFixed(2)} MB (${model.terms.length} pairs, ${model.flagged.length} beads to review), built in ${((performance.now() - t1) / 1000).toFixed(2)} s`);

const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
  await page.evaluateOnNewDocument(() => {
    window.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(Math.round(e.duration)); }).observe({ type: "longtask", buffered: true });
  });
  const start = Date.now();
  await page.goto(`file://${file}`, { waitUntil: "load" });
  await page.waitForFunction(() => window.termbridgeReport);
  const ready = await page.evaluate(() => window.termbridgeReport.ready);
  const loadWall = Date.now() - start;
  const step = async (name, fn) => {
    await page.evaluate(() => (window.__long.length = 0));
    const t = Date.now();
    await fn();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
    const long = await page.evaluate(() => window.__long.slice());
    return { name, ms: Date.now() - t, long };
  };
  const steps = [{ name: "load", ms: loadWall, long: await page.evaluate(() => window.__long.slice()) }];
  steps.push(await step("open the terms", () => page.click('[data-tab="terms"]')));
  steps.push(await step("search", async () => {
    await page.type("#search", "river", { delay: 0 });
    // The search runs once typing pauses.
    await page.waitForFunction(() => !document.querySelector("#term-count").textContent.startsWith("5,000 of"));
  }));
  steps.push(await step("sort by score", () => page.click('th[data-col="score"]')));
  steps.push(await step("open a concordance", () => page.click("tr.term")));
  steps.push(await step("open the alignment", () => page.click('[data-tab="alignment"]')));
  steps.push(await step("weak beads only", () => page.click("#weak-only")));
  steps.push(await step("next page of terms", async () => { await page.click('[data-tab="terms"]'); await page.click("#view-terms .pager button:last-child"); }));
  console.log(`page ready ${ready.toFixed(0)} ms after navigation start`);
  let worst = 0;
  for (const s of steps) {
    worst = Math.max(worst, ...s.long);
    console.log(`${s.name.padEnd(20)} ${String(s.ms).padStart(6)} ms wall; long tasks (ms): ${s.long.join(", ") || "none"}`);
  }
  console.log(`longest task: ${worst} ms (limit 1000 ms)`);
  if (worst > 1000) process.exitCode = 1;
} finally {
  await browser.close();
}
