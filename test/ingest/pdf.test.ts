import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readMixed } from "../../src/ingest/mixed.js";
import { segmentBitext } from "../../src/pipeline.js";
import { doc, res } from "./helpers.js";

/**
 * A real bilingual PDF, end to end: a handbook chapter (our own text, English paragraph then its
 * Chinese translation, twice over, flowing across pages) printed to PDF by headless Chromium
 * (which adds a running header and a page-number footer), extracted by poppler's pdftotext with and
 * without -layout, and read as the mixed document a translator would pass.
 */
const has = (cmd: string): boolean => spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;
// Under CI nothing is missing (`.ci/run` installs both): a missing tool fails there instead of skipping.
const missing = process.env.CI ? [] : ["chromium", "pdftotext"].filter((c) => !has(c));
if (missing.length) console.warn(`pdf.test.ts skipped: ${missing.join(" and ")} not installed (apt-get install chromium poppler-utils)`);

const PAIRS = JSON.parse(readFileSync(join(__dirname, "../fixtures/pdf/handbook.json"), "utf8")) as Array<[string, string]>;
const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

function makePdf(): string {
  const dir = mkdtempSync(join(tmpdir(), "termbridge-pdf-"));
  const body = [...PAIRS, ...PAIRS.slice(1)].map(([en, zh], k) => (k === 0 ? `<h2>${esc(en)}</h2><h2>${esc(zh)}</h2>` : `<p>${esc(en)}</p><p>${esc(zh)}</p>`));
  writeFileSync(
    join(dir, "handbook.html"),
    `<html><head><meta charset="utf-8"><title>Water Management Handbook</title><style>@page { size: A5; margin: 1.8cm 1.5cm; } body { font-family: "WenQuanYi Zen Hei", sans-serif; font-size: 11pt; } p { text-indent: 2em; margin: 0 0 0.4em 0; }</style></head><body>${body.join("\n")}</body></html>`,
  );
  const pdf = join(dir, "handbook.pdf");
  const r = spawnSync("chromium", ["--headless", "--no-sandbox", "--disable-gpu", `--user-data-dir=${join(dir, "profile")}`, `--print-to-pdf=${pdf}`, join(dir, "handbook.html")], { encoding: "utf8", timeout: 120_000 });
  if (r.status !== 0) throw new Error(`chromium failed: ${r.stderr}`);
  return pdf;
}

describe.skipIf(missing.length > 0)("a bilingual PDF through pdftotext", () => {
  const pdf = missing.length ? "" : makePdf();
  // Every sentence of the source, as our splitter should find it again.
  const sentences = (lang: 0 | 1): string[] =>
    [...PAIRS, ...PAIRS.slice(1)].flatMap(([en, zh], k) => {
      const t = lang === 0 ? en : zh;
      if (k === 0) return [t];
      return lang === 0 ? t.split(/(?<=\.) (?=[A-Z])/) : t.split(/(?<=。)/).filter(Boolean);
    });

  for (const layout of [false, true]) {
    it(`gives back every sentence of both languages${layout ? " (-layout)" : ""}`, () => {
      const r = spawnSync("pdftotext", [...(layout ? ["-layout"] : []), pdf, "-"], { encoding: "utf8" });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain("\f");
      const bt = readMixed(doc(r.stdout, "handbook.txt"), res);
      const s = segmentBitext(bt);
      // With -layout the footer (URL, padding, page number) is longer than a header, spaces included: it must still go.
      expect(s.en.map((x) => x.text)).toEqual(sentences(0));
      expect(s.zh.map((x) => x.text.replace(/ /g, ""))).toEqual(sentences(1).map((x) => x.replace(/ /g, "")));
      expect(bt.diagnostics.filter((d) => d.severity === "warning")).toEqual([]);
    }, 60_000);
  }
});
