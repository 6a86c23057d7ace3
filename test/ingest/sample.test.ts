import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readMixed } from "../../src/ingest/mixed.js";
import type { Bitext, Paragraph } from "../../src/model/index.js";
import { doc, expectMapInvariant, res } from "./helpers.js";

/** The real sample, read in place (never copied into the project); the suite is skipped without it. */
const SAMPLE = join(__dirname, "../../../shared/samples/press-conference-2024-03-07.txt");

describe.skipIf(!existsSync(SAMPLE))("the real sample (structural facts only)", () => {
  let text = "";
  let bt: Bitext;
  let all: Paragraph[];
  beforeAll(() => {
    text = readFileSync(SAMPLE, "utf8");
    bt = readMixed(doc(text, SAMPLE), res);
    all = [...bt.en, ...bt.zh];
  });

  it("has both languages", () => {
    expect(bt.en.length).toBeGreaterThan(5);
    expect(bt.zh.length).toBeGreaterThan(5);
  });

  it("leaves no markup residue", () => {
    for (const p of all) {
      expect(p.text).not.toMatch(/\*\*|\\\$|^#/);
      expect(p.text).not.toMatch(/[\u000b\u000c]/);
    }
  });

  it("leaves no English paragraph starting in lower case after stitching", () => {
    for (const p of bt.en) expect(p.text).not.toMatch(/^[a-z]/);
  });

  it("has exactly one truncated Chinese paragraph, the last", () => {
    expect(bt.zh.filter((p) => p.truncated)).toHaveLength(1);
    expect(bt.zh[bt.zh.length - 1]!.truncated).toBe(true);
    expect(bt.en.slice(0, -1).every((p) => !p.truncated)).toBe(true);
  });

  it("keeps the map invariant", () => {
    expectMapInvariant(text, all);
  });
});
