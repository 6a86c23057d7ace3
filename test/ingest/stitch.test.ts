import { describe, expect, it } from "vitest";
import { readMixed } from "../../src/ingest/mixed.js";
import { documentVocabulary, keepsHyphen } from "../../src/ingest/stitch.js";
import { blocks, doc, expectMapInvariant, res, texts } from "./helpers.js";

describe("hyphen repair decision", () => {
  const v = documentVocabulary("A well-known quay; co-operation with Northbridge; a Harbourview berth.", res.words);
  it.each([
    // the joined form is in the word list
    ["im", "portant", false],
    ["infra", "structure", false],
    // both halves are words, the joined form is not
    ["well", "known", true],
    ["self", "reliant", true],
    // the document writes the compound with a hyphen, although "cooperation" is a word
    ["co", "operation", true],
    // the document's own vocabulary knows the joined form (not in the word list)
    ["North", "bridge", false],
    ["Harbour", "view", false],
    // no evidence either way: the source's hyphen stays
    ["Port", "morians", true],
  ])("%s- + %s keeps the hyphen: %s", (l, r, keep) => {
    expect(keepsHyphen(l, r, v)).toBe(keep);
  });

  it("the document's own unhyphenated spelling wins over the word list", () => {
    const v2 = documentVocabulary("Everyone knows the wellknown quay.", res.words);
    expect(keepsHyphen("well", "known", v2)).toBe(false);
  });
});

/** Runs readMixed on blocks and returns the paragraph texts per language. */
function read(...bs: string[]): { en: string[]; zh: string[] } {
  const text = blocks(...bs);
  const bt = readMixed(doc(text), res);
  expectMapInvariant(text, [...bt.en, ...bt.zh]);
  return { en: texts(bt.en), zh: texts(bt.zh) };
}

describe("page-break stitching", () => {
  it.each([
    {
      name: "a hyphenated word that is a word is joined, across Chinese blocks",
      blocks: ["The new breakwater is im-", "新防波堤非常重", "要，它保护码头。", "portant for the harbour."],
      en: ["The new breakwater is important for the harbour."],
      zh: ["新防波堤非常重要，它保护码头。"],
    },
    {
      name: "well- + known keeps its hyphen",
      blocks: ["The quay is a well-", "码头很有名。", "known landmark."],
      en: ["The quay is a well-known landmark."],
      zh: ["码头很有名。"],
    },
    {
      name: "the document's vocabulary decides a word the word list lacks",
      blocks: ["Ferries leave for North-", "渡轮开往北桥。", "bridge every hour.", "Northbridge has two piers."],
      en: ["Ferries leave for Northbridge every hour.", "Northbridge has two piers."],
      zh: ["渡轮开往北桥。"],
    },
    {
      name: "a capitalised second half keeps the hyphen, without a space",
      blocks: ["Trade across the Asia-", "亚太贸易增长。", "Pacific grew quickly."],
      en: ["Trade across the Asia-Pacific grew quickly."],
      zh: ["亚太贸易增长。"],
    },
    {
      name: "lower-case continuation across several Chinese blocks",
      blocks: ["Cargo volumes rose by a fifth and", "货运量增长了五分之一。", "港口新增两台起重机。", "第三段中文。", "the port added two cranes."],
      en: ["Cargo volumes rose by a fifth and the port added two cranes."],
      zh: ["货运量增长了五分之一。", "港口新增两台起重机。", "第三段中文。"],
    },
    {
      name: "a number continues a sentence, a list number does not",
      blocks: ["Exports reached", "出口额达到。", "310 million tonnes last year. We will", "2. Build a new pier.", "出口增长。"],
      en: ["Exports reached 310 million tonnes last year. We will", "2. Build a new pier."],
      zh: ["出口额达到。", "出口增长。"],
    },
    {
      name: "a word that cannot end a sentence continues at a capital",
      blocks: ["The minister held talks with", "部长会见了。", "Mayor Olsen on Tuesday."],
      en: ["The minister held talks with Mayor Olsen on Tuesday."],
      zh: ["部长会见了。"],
    },
    {
      name: "Chinese continuation across English blocks",
      blocks: ["港口今年吞吐量增长了", "Throughput grew this year.", "It was a record.", "百分之八，创历史新高。"],
      en: ["Throughput grew this year.", "It was a record."],
      zh: ["港口今年吞吐量增长了百分之八，创历史新高。"],
    },
    {
      name: "a Chinese quoting verb is not a speaker label",
      blocks: ["陈路在会上", "Chen Lu said at the meeting:", "强调：安全第一。"],
      en: ["Chen Lu said at the meeting:"],
      zh: ["陈路在会上强调：安全第一。"],
    },
    {
      name: "complete paragraphs are not stitched",
      blocks: ["The pier is finished.", "码头已经完工。", "iPads were handed out.", "下一步是疏浚。"],
      en: ["The pier is finished.", "iPads were handed out."],
      zh: ["码头已经完工。", "下一步是疏浚。"],
    },
    {
      name: "nothing is stitched onto a speaker label, bold or not",
      blocks: ["Next year we will", "明年我们将", "**Chen Lu:** thank you.", "**陈路：**谢谢。", "Then we", "然后我们", "Reporter: and after that?", "记者：那之后呢？"],
      en: ["Next year we will", "Chen Lu: thank you.", "Then we", "Reporter: and after that?"],
      zh: ["明年我们将", "陈路：谢谢。", "然后我们", "记者：那之后呢？"],
    },
    {
      name: "a speaker label on its own and a bold question are complete",
      blocks: ["**Chen Lu:**", "**陈路：**", "the answer follows.", "答案如下。", "**Will the pier open in May?**", "**码头会在五月开放吗？**", "yes, it will.", "会的。"],
      en: ["Chen Lu:", "the answer follows.", "Will the pier open in May?", "yes, it will."],
      zh: ["陈路：", "答案如下。", "码头会在五月开放吗？", "会的。"],
    },
    {
      name: "headings never stitch",
      blocks: ["# Harbour Report", "## 港口报告", "the year in review.", "年度回顾。", "Cargo and", "货运和", "# Outlook", "## 展望"],
      en: ["Harbour Report", "the year in review.", "Cargo and", "Outlook"],
      zh: ["港口报告", "年度回顾。", "货运和", "展望"],
    },
  ])("$name", ({ blocks: bs, en, zh }) => {
    expect(read(...bs)).toEqual({ en, zh });
  });
});

describe("joining the lines of a block", () => {
  it.each([
    ["The harbour\nis busy.\n\n港口\n很忙。", ["The harbour is busy."], ["港口很忙。"]],
    ["The pro-\ngramme starts.\n\n项目开始。", ["The programme starts."], ["项目开始。"]],
    ["A self-\nreliant port.\n\n自立的港口。", ["A self-reliant port."], ["自立的港口。"]],
    ["pre- \nand post-war ships.\n\n战前和战后的船只。", ["pre- and post-war ships."], ["战前和战后的船只。"]],
    ["Ships—\ntankers—\narrived.\n\n船只到达。", ["Ships—tankers—arrived."], ["船只到达。"]],
    ["The im\u00ad\nportant pier.\n\n重要的码头。", ["The important pier."], ["重要的码头。"]],
    ["One<br>two.\n\n一<br>二。", ["One two."], ["一二。"]],
    ["Line one\r\nline two.\r\n\r\n第一行\r\n第二行。", ["Line one line two."], ["第一行第二行。"]],
    ["Word\u000bbreak.\n\n换\u000b行。", ["Word break."], ["换行。"]],
    ["The 2025 ASEAN\nforum.\n\n本届ASEAN\n论坛使用\nAI技术。", ["The 2025 ASEAN forum."], ["本届ASEAN论坛使用AI技术。"]],
  ])("%j", (text, en, zh) => {
    const bt = readMixed(doc(text), res);
    expect(texts(bt.en)).toEqual(en);
    expect(texts(bt.zh)).toEqual(zh);
    expectMapInvariant(text, [...bt.en, ...bt.zh]);
  });
});

describe("inserted characters map to what they replace", () => {
  it.each([
    ["a line break", "The harbour\nis busy.\n\n港口很忙。", "The harbour is busy.", 11, "\n"],
    ["a page break between blocks", "The harbour\n\n港口很忙。\n\nis busy.", "The harbour is busy.", 11, "\n"],
    ["a form feed", "The harbour\fis busy.\n\n港口很忙。", "The harbour is busy.", 11, "\f"],
  ])("%s", (_name, text, expected, k, replaced) => {
    const p = readMixed(doc(text), res).en[0]!;
    expect(p.text).toBe(expected);
    expect(p.text[k]).toBe(" ");
    expect(text[p.map[k]!]).toBe(replaced);
  });
});
