import { describe, expect, it } from "vitest";
import { readParallel } from "../../src/ingest/parallel.js";
import { TermbridgeError } from "../../src/model/index.js";
import { blocks, doc, expectMapInvariant, res, texts } from "./helpers.js";

describe("readParallel, running text", () => {
  const enText = blocks("# Ferry Timetable", "The winter timetable starts in\nNovember and", "3", "ends in March. Ships leave **every** hour.", "Page 2 of 2");
  const zhText = blocks("# 渡轮时刻表", "冬季时刻表从十一月\n开始，", "第 2 页", "到三月结束。渡轮每小时一班。");
  const bt = readParallel(doc(enText, "t.en.md"), doc(zhText, "t.zh.md"), res, { presplit: false });

  it("cleans, joins lines and stitches page breaks within each file", () => {
    expect(texts(bt.en)).toEqual(["Ferry Timetable", "The winter timetable starts in November and ends in March. Ships leave every hour."]);
    expect(texts(bt.zh)).toEqual(["渡轮时刻表", "冬季时刻表从十一月开始，到三月结束。渡轮每小时一班。"]);
    expect(bt.en[0]!.kind).toBe("heading");
  });

  it("keeps each side's own document id, and the Bitext fields", () => {
    expect(bt.en.every((p) => p.doc === "t.en.md" && p.lang === "en")).toBe(true);
    expect(bt.zh.every((p) => p.doc === "t.zh.md" && p.lang === "zh")).toBe(true);
    expect(bt).toMatchObject({ kind: "bitext", presplit: false, encodings: ["utf-8", "utf-8"] });
    expectMapInvariant(enText, bt.en);
    expectMapInvariant(zhText, bt.zh);
  });

  it("reports the page numbers it dropped, per file", () => {
    expect(bt.diagnostics.map((d) => [d.code, d.file])).toEqual([
      ["dropped-noise", "t.en.md"],
      ["dropped-noise", "t.zh.md"],
    ]);
  });

  it("marks a truncated last paragraph", () => {
    const b = readParallel(doc("The ferry is late."), doc("渡轮晚点了，因为"), res, { presplit: false });
    expect(b.zh[0]!.truncated).toBe(true);
    expect(b.diagnostics).toEqual([expect.objectContaining({ code: "truncated" })]);
  });
});

describe("readParallel, presplit", () => {
  const enText = "One **ferry** leaves.\n\n  Two ferries arrive.  \r\nThree\u000bfour\n\fFive.\n";
  const zhText = "一班渡轮离开。\n二\n\n\n三\n";
  const bt = readParallel(doc(enText, "s.en"), doc(zhText, "s.zh"), res, { presplit: true });

  it("makes every non-blank line one paragraph, only trimmed, blank lines skipped", () => {
    expect(texts(bt.en)).toEqual(["One **ferry** leaves.", "Two ferries arrive.", "Three four", "Five."]);
    expect(texts(bt.zh)).toEqual(["一班渡轮离开。", "二", "三"]);
    expect(bt.presplit).toBe(true);
    expect(bt.en.map((p) => p.line)).toEqual([1, 3, 4, 5]);
    expect(bt.zh.map((p) => p.line)).toEqual([1, 2, 5]);
    expectMapInvariant(enText, bt.en);
    expectMapInvariant(zhText, bt.zh);
  });
});

describe("readParallel refusals", () => {
  it.each([
    ["swapped files", "渡轮晚点了。", "The ferry is late.", "one-language", "the file given as --en is Chinese, not English", "swap --en and --zh?"],
    ["Chinese given as --en", "渡轮晚点了。", "渡轮晚点了。", "one-language", "the file given as --en is Chinese, not English", "pass the English file with --en"],
    ["English given as --zh", "The ferry is late.", "The ferry is late.", "one-language", "the file given as --zh is English, not Chinese", "pass the Chinese file with --zh"],
    ["an empty --en file", "", "渡轮晚点了。", "empty", "the file is empty", "pass the English file with --en"],
    ["a --zh file without letters", "The ferry is late.", "12\n\n13", "empty", "the file given as --zh has no English or Chinese text", "pass the Chinese file with --zh"],
  ])("%s", (_name, en, zh, code, message, hint) => {
    let err: unknown;
    try {
      readParallel(doc(en, "a.txt"), doc(zh, "b.txt"), res, { presplit: false });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TermbridgeError);
    expect(err).toMatchObject({ code, message, hint });
  });
});
