import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCsv } from "../../src/export/csv.js";
import { buildReportHtml, scriptJson, type ReportData } from "../../src/export/report-html/index.js";
import { ROOT } from "../cli/cli.js";
import { runCli } from "../cli/inprocess.js";
import { launch, NO_CHROMIUM } from "./browser.js";

const SAMPLE = join(ROOT, "../shared/samples/press-conference-2024-03-07.txt");
const SHOTS = join(ROOT, "output");

describe("report.html as text", () => {
  it("embeds its data so that no corpus text can end the script element", () => {
    const evil = "</script><script>alert(1)</script><!-- \u2028 & >";
    expect(scriptJson({ evil })).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(scriptJson({ evil }))).toEqual({ evil });
  });

  it("is one file that asks for nothing from the network", () => {
    const data = { title: "t", created: "", reviewBelow: 0.5, figures: [], columns: [], numeric: [], terms: [], conc: [], cooc: [], forms: [], docs: [], beads: [], hist: [], totalBeads: 0, warnings: [] } as ReportData;
    const html = buildReportHtml(data);
    expect(html).not.toMatch(/\b(src|href)=["']?(https?:)?\/\//);
    expect(html).toContain("default-src 'none'");
    // The data (JSON, never run) and one script.
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html.match(/<script type="application\/json"/g)).toHaveLength(1);
  });
});

/** Opens a report in Chromium with every request but the file itself refused, and page errors collected. */
async function open(browser: Browser, file: string, errors: string[]): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
  await page.setRequestInterception(true);
  page.on("request", (r) => (r.url() === `file://${file}` ? r.continue() : (errors.push(`request: ${r.url()}`), r.abort())));
  page.on("pageerror", (e) => errors.push(`pageerror: ${(e as Error).message}`));
  page.on("console", (m) => m.type() === "error" && errors.push(`console: ${m.text()}`));
  await page.goto(`file://${file}`, { waitUntil: "load" });
  await page.waitForFunction(() => (window as unknown as { termbridgeReport?: unknown }).termbridgeReport);
  return page;
}

const texts = (page: Page, sel: string) => page.$$eval(sel, (els) => els.map((e) => e.textContent ?? ""));

describe.skipIf(NO_CHROMIUM)("report.html in headless Chromium", () => {
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), "termbridge-report-"));
  const errors: string[] = [];
  beforeAll(async () => {
    browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it("shows the sample's run: counts, search, filters, a concordance, the alignment, warnings", async () => {
    const r = await runCli("run", SAMPLE, "--out", dir);
    expect(r.status, r.stderr).toBe(0);
    const file = join(dir, "report.html");
    const terms = readCsv(readFileSync(join(dir, "terms.csv"), "utf8")).rows;
    const report = JSON.parse(readFileSync(join(dir, "report.json"), "utf8"));
    const page = await open(browser, file, errors);

    // Summary: the figures and a 20-bar histogram of the two-sided beads.
    expect(await page.$$eval("#histogram rect.bar", (r) => r.length)).toBe(20);
    expect(await texts(page, ".figures td")).toEqual(expect.arrayContaining(["term pairs", String(terms.length)]));

    await page.click('[data-tab="terms"]');
    expect(await page.$eval("#term-count", (e) => e.textContent)).toBe(`${terms.length} of ${terms.length} pairs`);
    expect(await page.$$eval("#terms tbody tr", (r) => r.length)).toBe(Math.min(100, terms.length));
    expect(await texts(page, "#terms tbody tr:first-child td:first-child")).toEqual([terms[0]!.en]);

    // Search: every pair whose cells hold the text, no other.
    const top = terms[0]!;
    const q = top.zh;
    await page.type("#search", q);
    const searched = (t: Record<string, string>) => Object.entries(t).filter(([c]) => !["example_en", "example_zh", "docs", "source"].includes(c)).map(([, v]) => v).join("\u0001").toLowerCase();
    const want = terms.filter((t) => searched(t).includes(q.toLowerCase()));
    // The search runs when typing pauses.
    await page.waitForFunction((n: string) => document.querySelector("#term-count")!.textContent === n, {}, `${want.length} of ${terms.length} pairs`);
    expect(await texts(page, "#terms tbody tr td:nth-child(2)")).toEqual(want.map((t) => t.zh));

    // A click opens the concordance: every bead where the pair met (up to 20), the term marked on both sides.
    await page.click("#terms tbody tr:first-child");
    expect(await page.$eval("#conc .conc-title", (e) => e.textContent)).toBe(`${top.en} — ${top.zh}`);
    const lines = await page.$$eval("#conc .conc-line", (l) => l.length);
    expect(lines).toBe(Math.min(20, Number(top.cooc)));
    const marks = await texts(page, "#conc .conc-line .zh mark");
    expect(marks.length).toBeGreaterThanOrEqual(lines);
    expect(new Set(marks)).toEqual(new Set([top.zh]));
    expect((await texts(page, "#conc .conc-line .en mark")).every((m) => m.toLowerCase().startsWith(top.en.toLowerCase().slice(0, 4)))).toBe(true);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, "report-terms.png") });

    // Filters and sorting.
    await page.$eval("#search", (e) => ((e as HTMLInputElement).value = ""));
    await page.type("#search", " ");
    await page.waitForFunction((n: string) => document.querySelector("#term-count")!.textContent === n, {}, `${terms.length} of ${terms.length} pairs`);
    await page.select("#filter-status", "candidate");
    expect(await page.$eval("#term-count", (e) => e.textContent)).toBe(`${terms.length} of ${terms.length} pairs`);
    await page.$eval("#min-score", (e) => ((e as HTMLInputElement).value = "0.9"));
    await page.$eval("#min-score", (e) => e.dispatchEvent(new Event("input")));
    const high = terms.filter((t) => Number(t.score) >= 0.9).length;
    expect(await page.$eval("#term-count", (e) => e.textContent)).toBe(`${high} of ${terms.length} pairs`);
    await page.click('th[data-col="score"]');
    const scores = (await texts(page, "#terms tbody tr td:nth-child(3)")).map(Number);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    await page.click('th[data-col="en"]');
    const ens = await texts(page, "#terms tbody tr td:first-child");
    expect(ens).toEqual([...ens].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

    // "in context" goes to the bead in the alignment view.
    await page.click("#terms tbody tr:first-child");
    await page.click("#conc .conc-line a");
    expect(await page.$eval("#view-alignment", (e) => (e as HTMLElement).hidden)).toBe(false);
    expect(await page.$$eval("#align tr.target", (r) => r.length)).toBe(1);

    // The alignment view: every bead of the document, the weak ones marked and filterable.
    const beads = Object.values(report.documents[0].beads as Record<string, number>).reduce((a, b) => a + b, 0);
    await page.click('[data-tab="alignment"]');
    expect(await page.$$eval("#align tbody tr", (r) => r.length)).toBe(beads);
    expect(await page.$$eval("#align tbody tr.weak", (r) => r.length)).toBe(report.totals.review);
    await page.click("#weak-only");
    expect(await page.$$eval("#align tbody tr", (r) => r.length)).toBe(report.totals.review);
    await page.screenshot({ path: join(SHOTS, "report-alignment.png") });

    await page.click('[data-tab="warnings"]');
    const diags = report.documents.flatMap((d: { diagnostics: unknown[] }) => d.diagnostics);
    expect(await page.$$eval("#warnings tbody tr", (r) => r.length)).toBe(diags.length);
    expect(await page.$$eval("#warnings tbody tr.sev-warning", (r) => r.length)).toBe(report.totals.warnings);
    expect(errors).toEqual([]);
  }, 120_000);

  it("shows corpus text as text: markup in a term or a bead is never run", async () => {
    const { syntheticReport } = await import("../../bench/report-data.mjs");
    const { data } = syntheticReport({ pairs: 3, beads: 6, docs: 1 });
    const evil = '</script><img src=x onerror="window.__pwned=1">';
    data.terms[0][data.columns.indexOf("en")] = evil;
    data.beads[0][4] = evil;
    const file = join(dir, "evil.html");
    writeFileSync(file, buildReportHtml(data));
    const page = await open(browser, file, errors);
    await page.click('[data-tab="terms"]');
    expect(await texts(page, "#terms tbody td")).toContain(evil);
    await page.click('[data-tab="alignment"]');
    expect(await texts(page, "#align td.en")).toContain(evil);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.$$("img")).toHaveLength(0);
  }, 60_000);

  it("pages 5,000 pairs and 20,000 beads: only a page of rows is in the document", async () => {
    const { syntheticReport } = await import("../../bench/report-data.mjs");
    const { html, data } = syntheticReport({ pairs: 5000, beads: 20000 });
    const file = join(dir, "large.html");
    writeFileSync(file, html);
    const page = await open(browser, file, errors);
    await page.click('[data-tab="terms"]');
    expect(await page.$eval("#term-count", (e) => e.textContent)).toBe("5,000 of 5,000 pairs");
    expect(await page.$$eval("#terms tbody tr", (r) => r.length)).toBe(100);
    expect(await page.$eval("#view-terms .page-of", (e) => e.textContent)).toBe("page 1 of 50");
    await page.click("#view-terms .pager button:last-child");
    expect(await page.$eval("#view-terms .page-of", (e) => e.textContent)).toBe("page 2 of 50");
    await page.select("#filter-status", "approved");
    const approved = data.terms.filter((t: string[]) => t[data.columns.indexOf("status")] === "approved").length;
    expect(approved).toBeGreaterThan(0);
    expect(await page.$eval("#term-count", (e) => e.textContent)).toBe(`${approved.toLocaleString("en")} of 5,000 pairs`);
    // A column the term table has (here the linker's kind) gets its filter without a change to the page.
    await page.select("#filter-kind", "name");
    const names = data.terms.filter((t: string[]) => t[data.columns.indexOf("status")] === "approved" && t[data.columns.indexOf("kind")] === "name").length;
    expect(await page.$eval("#term-count", (e) => e.textContent)).toBe(`${names.toLocaleString("en")} of 5,000 pairs`);
    await page.click('[data-tab="alignment"]');
    expect(await page.$$eval("#align tbody tr", (r) => r.length)).toBe(200);
    expect(await page.$$eval("#doc option", (o) => o.length)).toBe(40);
    // How long the longest task was is measured by `node bench/report.mjs`, not asserted here.
    expect(errors).toEqual([]);
  }, 120_000);
});
