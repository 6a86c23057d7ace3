import { describe, expect, it } from "vitest";
import { readMixed } from "../../src/ingest/mixed.js";
import { TermbridgeError } from "../../src/model/index.js";
import { blocks, doc, expectMapInvariant, res, texts } from "./helpers.js";

describe("readMixed on an interleaved document", () => {
  const text = blocks(
    "Harbour Bulletin | Page 1",
    "# Port Authority Briefing",
    "**Spokesperson Chen Lu:** The new container terminal is im-",
    "7",
    "## 港务局新闻发布会",
    "**发言人陈路：**新集装箱码头对本地区非常重",
    "Harbour Bulletin | Page 2",
    "portant for the region. It serves twelve\ncounties and two islands.",
    "- 8 -",
    "要，服务十二个县和两个岛屿。",
    "Harbour Bulletin | Page 3",
    "**Will the ferry fares rise this winter?**",
    "**今年冬天渡轮票价会上涨吗？**",
    "Spokesperson Chen Lu: Fares stay &amp; so do the timetables.",
    "发言人陈路：票价不变。我们将继续",
  );
  const bt = readMixed(doc(text, "bulletin.md"), res);

  it("stitches page breaks on both sides, across the other language", () => {
    expect(texts(bt.en)).toEqual([
      "Port Authority Briefing",
      "Spokesperson Chen Lu: The new container terminal is important for the region. It serves twelve counties and two islands.",
      "Will the ferry fares rise this winter?",
      "Spokesperson Chen Lu: Fares stay & so do the timetables.",
    ]);
    expect(texts(bt.zh)).toEqual(["港务局新闻发布会", "发言人陈路：新集装箱码头对本地区非常重要，服务十二个县和两个岛屿。", "今年冬天渡轮票价会上涨吗？", "发言人陈路：票价不变。我们将继续"]);
  });

  it("keeps kind, line, doc and the Bitext fields", () => {
    expect(bt.en.map((p) => p.kind)).toEqual(["heading", "text", "text", "text"]);
    expect(bt.zh[0]).toMatchObject({ kind: "heading", lang: "zh", line: 9, doc: "bulletin.md" });
    expect(bt.en.map((p) => p.line)).toEqual([3, 5, 24, 28]);
    expect(bt).toMatchObject({ kind: "bitext", doc: "bulletin.md", path: "bulletin.md", encodings: ["utf-8"], presplit: false });
  });

  it("reports dropped page numbers and running headers once per kind, with a count", () => {
    expect(bt.diagnostics.filter((d) => d.code === "dropped-noise")).toEqual([
      expect.objectContaining({ severity: "info", line: 7, message: expect.stringMatching(/^dropped 2 blocks without words/) }),
      expect.objectContaining({ severity: "info", line: 1, message: expect.stringMatching(/^dropped 3 running headers\/footers .*"Harbour Bulletin \| Page 1"/) }),
    ]);
  });

  it("keeps and reports a truncated last paragraph", () => {
    expect(bt.zh.map((p) => p.truncated ?? false)).toEqual([false, false, false, true]);
    expect(bt.en.every((p) => !p.truncated)).toBe(true);
    expect(bt.diagnostics.filter((d) => d.code === "truncated")).toEqual([
      expect.objectContaining({ severity: "warning", line: 30, file: "bulletin.md", message: expect.stringMatching(/last Chinese paragraph stops mid-sentence/) }),
    ]);
  });

  it("maps every character back to the source", () => {
    expectMapInvariant(text, [...bt.en, ...bt.zh]);
    // Across the repaired page break, "im" and "portant" still point at their own source characters.
    const p = bt.en[1]!;
    const k = p.text.indexOf("portant");
    expect(text.slice(p.map[k]!, p.map[k]! + 7)).toBe("portant");
    expect(text[p.map[k - 1]!]).toBe("m");
  });
});

describe("running headers and footers", () => {
  it.each([
    {
      name: "identical modulo digits, three times: dropped",
      blocks: ["Port News 2025 | 1", "The quay is open.", "码头开放了。", "Port News 2025 | 2", "Ships dock daily.", "船只每天停靠。", "Port News 2025 | 3"],
      en: ["The quay is open.", "Ships dock daily."],
      dropped: 3,
    },
    {
      name: "twice only: kept",
      blocks: ["Port News", "The quay is open.", "码头开放了。", "Port News"],
      en: ["Port News", "The quay is open.", "Port News"],
      dropped: 0,
    },
    {
      name: "a repeated whole sentence is text, not a header",
      blocks: ["Thank you.", "谢谢。", "Thank you.", "谢谢。", "Thank you.", "谢谢。"],
      en: ["Thank you.", "Thank you.", "Thank you."],
      dropped: 0,
    },
    {
      name: "a repeated Chinese footer is dropped too",
      blocks: ["港务局简报 第1页", "The quay is open.", "码头开放了。", "港务局简报 第2页", "船只每天停靠。", "港务局简报 第3页"],
      en: ["The quay is open."],
      dropped: 3,
    },
  ])("$name", ({ blocks: bs, en, dropped }) => {
    const bt = readMixed(doc(blocks(...bs)), res);
    expect(texts(bt.en)).toEqual(en);
    const d = bt.diagnostics.find((x) => x.message.includes("running header"));
    if (dropped) expect(d?.message).toMatch(new RegExp(`^dropped ${dropped} running`));
    else expect(d).toBeUndefined();
  });
});

describe("form feeds and other control characters", () => {
  it("a form feed is a page break, wherever it stands, and never reaches the text", () => {
    const text = "The ferry is\fready for winter.\f\f渡轮已经\f为冬季做好准备。\f12\f";
    const bt = readMixed(doc(text), res);
    expect(texts(bt.en)).toEqual(["The ferry is ready for winter."]);
    expect(texts(bt.zh)).toEqual(["渡轮已经为冬季做好准备。"]);
    expect(text[bt.en[0]!.map[12]!]).toBe("\f");
    expectMapInvariant(text, [...bt.en, ...bt.zh]);
  });

  it("U+000B and U+000C never reach any paragraph", () => {
    const text = "One line\u000bnext line.\n\n一行\u000b下一行。\n\nNorth\u000cSouth.";
    const bt = readMixed(doc(text), res);
    for (const p of [...bt.en, ...bt.zh]) expect(p.text).not.toMatch(/[\u000b\u000c]/);
    expect(texts(bt.en)).toEqual(["One line next line.", "North", "South."]);
  });
});

describe("refusals", () => {
  it.each([
    ["", "empty", /the file is empty/],
    [" \n\t\n\u3000 ", "empty", /only white space/],
    ["12\n\n- 3 -\n\n* * *", "empty", /no English or Chinese text/],
    [blocks("The quay is open.", "Ships dock daily."), "one-language", /^found 2 English paragraphs and no Chinese$/],
    ["The quay is open.", "one-language", /^found 1 English paragraph and no Chinese$/],
    [blocks("码头开放了。", "船只每天停靠。", "12"), "one-language", /^found 2 Chinese paragraphs and no English$/],
  ])("%j → %s", (text, code, message) => {
    let err: unknown;
    try {
      readMixed(doc(text, "only.md"), res);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TermbridgeError);
    expect(err).toMatchObject({ code, file: "only.md", message: expect.stringMatching(message), hint: expect.any(String) });
  });

  it("the one-language hint says what to do", () => {
    expect(() => readMixed(doc("The quay is open."), res)).toThrow(expect.objectContaining({ hint: expect.stringMatching(/--en FILE --zh FILE/) }));
  });
});
