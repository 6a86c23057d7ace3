import { describe, expect, it } from "vitest";
import { splitBlocks } from "../../src/ingest/blocks.js";
import { readMixed } from "../../src/ingest/mixed.js";
import { lineLanguage } from "../../src/ingest/script.js";
import { segmentBitext } from "../../src/pipeline.js";
import { doc, expectMapInvariant, res, texts } from "./helpers.js";

/**
 * Raw `pdftotext` output of a bilingual handbook as it comes (written for this test): no
 * blank line between paragraphs or at a change of script, `-layout` first-line indents,
 * a running header and a page number on every page, form feeds between pages, sentences
 * cut by page breaks on both sides.
 */
const PAGES = [
  [
    "Harbour Handbook                         港口手册",
    "Chapter 2 Ports and Ferries",
    "第二章 港口与渡轮",
    "      The harbour serves twelve counties. Ferries run every hour in",
    "summer and every two hours in winter.",
    "    港口服务十二个县。夏季渡轮每小时一班，冬季每两小时一班。",
    "      Fares are set by the county board. A new tariff starts in May and",
    "                                 - 1 -",
  ],
  [
    "Harbour Handbook                         港口手册",
    "will apply to all routes.",
    "    票价由县委员会制定。新的票价从五月开始实行，并",
    "                                 - 2 -",
  ],
  [
    "Harbour Handbook                         港口手册",
    "适用于所有航线。我们参考了",
    "ISO 9001",
    "标准。",
    "      Dredging keeps the channel open. It costs 2.4 million a year.",
    "      The board meets monthly. Minutes are public.",
    "    疏浚使航道保持畅通。每年花费240万。委员会每月开会。会议记录公开。",
    "      The pier will be rebuilt in 2026.",
    "Work starts in spring.",
    "    码头将于2026年重建。春季开工。",
    "                                 - 3 -",
  ],
];
const RAW = PAGES.map((p) => p.join("\n") + "\n").join("\f");

describe("raw pdftotext output (no blank lines)", () => {
  const bt = readMixed(doc(RAW, "handbook.txt"), res);

  it("splits paragraphs where the script changes and at -layout first-line indents, and stitches page breaks", () => {
    expect(texts(bt.en)).toEqual([
      "Chapter 2 Ports and Ferries",
      "The harbour serves twelve counties. Ferries run every hour in summer and every two hours in winter.",
      "Fares are set by the county board. A new tariff starts in May and will apply to all routes.",
      "Dredging keeps the channel open. It costs 2.4 million a year. The board meets monthly. Minutes are public.",
      "The pier will be rebuilt in 2026. Work starts in spring.",
    ]);
    expect(texts(bt.zh)).toEqual([
      "第二章 港口与渡轮",
      "港口服务十二个县。夏季渡轮每小时一班，冬季每两小时一班。",
      "票价由县委员会制定。新的票价从五月开始实行，并适用于所有航线。我们参考了ISO 9001标准。",
      "疏浚使航道保持畅通。每年花费240万。委员会每月开会。会议记录公开。",
      "码头将于2026年重建。春季开工。",
    ]);
    expectMapInvariant(RAW, [...bt.en, ...bt.zh]);
  });

  it("drops the running header and page numbers, which have no blank line around them", () => {
    const all = [...texts(bt.en), ...texts(bt.zh)].join(" ");
    expect(all).not.toMatch(/Handbook|港口手册|- \d -/);
    expect(bt.diagnostics.filter((d) => d.code === "dropped-noise").map((d) => d.message)).toEqual([
      expect.stringMatching(/^dropped 3 blocks without words/),
      expect.stringMatching(/^dropped 3 running headers/),
    ]);
  });

  it("gives the English and Chinese sentences, none of them mixing scripts", () => {
    const s = segmentBitext(bt);
    // The Chinese has one sentence more: 我们参考了ISO 9001标准。
    expect(s.en).toHaveLength(11);
    expect(s.zh).toHaveLength(12);
    expect(s.en.some((x) => /\p{Script=Han}/u.test(x.text))).toBe(false);
    expect(bt.diagnostics.some((d) => d.code === "huge-paragraphs")).toBe(false);
  });
});

describe("block splitting rules", () => {
  const blockTexts = (text: string): string[] => splitBlocks(text).map((b) => b.m.text.replace(/\s*\n\s*/g, " "));

  it("a line whose script is not clear does not change the paragraph", () => {
    expect(lineLanguage("ISO 9001")).toBeUndefined();
    expect(lineLanguage("(WHO) 2024")).toBeUndefined();
    expect(lineLanguage("世界卫生组织 (WHO)")).toBe("zh");
    expect(lineLanguage("the World Health Organization 世卫")).toBe("en");
    expect(blockTexts("我们参考了\nISO 9001\n标准。")).toEqual(["我们参考了 ISO 9001 标准。"]);
  });

  it("an indent after an unfinished line is a hanging indent, not a new paragraph", () => {
    expect(blockTexts("   The plan covers\n      three ports.\n   It is cheap.\n      Work starts soon.")).toEqual(["The plan covers three ports. It is cheap.", "Work starts soon."]);
  });

  it("blank lines, form feeds and # headings still end blocks", () => {
    expect(blockTexts("One line.\n\nTwo line.\fThree.\n# Four\nFive.")).toEqual(["One line.", "Two line.", "Three.", "# Four", "Five."]);
  });
});

describe("huge paragraphs", () => {
  const sentence = (k: number): string => `Sentence number ${k} of the report describes one more harbour in some detail.`;
  const english = Array.from({ length: 120 }, (_, k) => sentence(k)).join("\n");
  const chinese = Array.from({ length: 120 }, (_, k) => `报告的第${k}句话详细介绍了另一个港口。`).join("\n");

  it("are reported with what to do when most of a language's text sits in them", () => {
    const bt = readMixed(doc(`${english}\n${chinese}\n`, "merged.txt"), res);
    expect(bt.en).toHaveLength(1);
    expect(bt.diagnostics.filter((d) => d.code === "huge-paragraphs")).toEqual([
      expect.objectContaining({ severity: "warning", file: "merged.txt", line: 1, message: expect.stringMatching(/^the English text came out as 1 English paragraph, 1 of them longer than 5000 characters holding 100 % of it/), hint: expect.stringMatching(/pdftotext -layout/) }),
      expect.objectContaining({ severity: "warning", file: "merged.txt", line: 121, message: expect.stringMatching(/^the Chinese text came out as 1 Chinese paragraph, 1 of them longer than 2000 characters/) }),
    ]);
  });

  it("are not reported for ordinary paragraphs", () => {
    const text = Array.from({ length: 40 }, (_, k) => `${sentence(k)} ${sentence(k + 1)}\n\n报告的第${k}句话详细介绍了另一个港口。`).join("\n\n");
    expect(readMixed(doc(text, "ok.txt"), res).diagnostics.filter((d) => d.code === "huge-paragraphs")).toEqual([]);
  });
});

describe("a pdftotext -layout footer padded with spaces", () => {
  // Chromium prints the page's URL left and "n/N" right; -layout pads them apart by a number of
  // spaces that changes from page to page, so the line is longer than a header by its padding only.
  const footer = (n: number): string => `file:///tmp/print-x7Qa/handbook.html${" ".repeat(44 + (n % 3) * 4)}${n}/3`;
  const page = (n: number, en: string, zh: string): string =>
    [`12/5/26, 12:31 PM                         Water Management Handbook`, "", `     ${en}`, `       ${zh}`, "", "", footer(n)].join("\n");
  const RAW = [
    page(1, "Cities grow faster than their water supply.", "城市的增长快于供水的增长。"),
    page(2, "Leakage is the largest hidden loss.", "渗漏是最大的隐性损失。"),
    page(3, "Pricing is the second tool.", "定价是第二种手段。"),
  ].join("\n\f");

  it("is dropped on every page as a running footer, not kept as an English sentence", () => {
    expect(footer(2).length).toBeGreaterThan(80);
    const bt = readMixed(doc(RAW, "layout.txt"), res);
    const s = segmentBitext(bt);
    expect(s.en.map((x) => x.text)).toEqual(["Cities grow faster than their water supply.", "Leakage is the largest hidden loss.", "Pricing is the second tool."]);
    expect(s.zh.map((x) => x.text)).toEqual(["城市的增长快于供水的增长。", "渗漏是最大的隐性损失。", "定价是第二种手段。"]);
    expect(bt.diagnostics.filter((d) => d.code === "dropped-noise").map((d) => d.message)).toEqual([expect.stringMatching(/^dropped 6 running headers\/footers/)]);
  });
});
