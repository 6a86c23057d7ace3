// The error classes of term recall (issue 13), each on sentences written for this test with
// hand-made jieba tokens, so that no case depends on jieba's dictionary of the day.
import { describe, expect, it } from "vitest";
import { buildDictionary } from "../../src/lexicon/dictionary.js";
import { skeleton, skeletonSimilarity, transcriptionSkeletons } from "../../src/lexicon/translit.js";
import { countDocument, DictionarySupport, emptyCounts, linkTerms } from "../../src/link/index.js";
import type { AlignedDoc, DocMentions, Lang, Mention, Sentence } from "../../src/model/index.js";
import { DEFAULT_SPOT, SPOT_PATTERN, spotTerms } from "../../src/terms/spot.js";
import { TermCounter } from "../../src/terms/termhood.js";
import { zhMentions, type ZhLexicon } from "../../src/terms/zh/candidates.js";
import type { ZhToken } from "../../src/terms/zh/jieba.js";
import { toks } from "./tokens.js";

const text = (spec: string): string => toks(spec).map((t) => t.word).join("");
const keys = (spec: string, lex?: ZhLexicon): string[] => zhMentions(text(spec), toks(spec), lex).map((m) => m.key);

describe("class 4: foreign names written by sound", () => {
  it("rebuilds a name jieba cut into characters, and joins given name and surname across the dot", () => {
    const spec = "卡尔/nrt ·/x 罗/nr 索/nr 斯/zg 喜欢/v 帆船/n";
    expect(keys(spec)).toContain("卡尔·罗索斯");
    // A name, a verb and a noun make a clause, not a term.
    expect(keys(spec).filter((k) => k.includes("喜欢"))).toEqual(["喜欢"]);
  });

  it("takes an unknown word of transcription characters as a name, and a place after the dot as its part", () => {
    expect(keys("马丁/nrt ·/x 福特/ns 到达/v")).toContain("马丁·福特");
    expect(keys("罗德曼/x 说/v 的/uj 话/n")).toContain("罗德曼");
  });

  it("does not read common words as names", () => {
    expect(keys("他们/r 在/p 森林/n 里/f 散步/n")).not.toContain("森林里");
  });

  it("a one-character verb with a noun sense stays a verb: the next word is not glued on", () => {
    const lex: ZhLexicon = { nounish: () => true };
    expect(keys("新/a 政策/n 活/v 了/ul", lex)).not.toContain("政策活");
  });

  it("hears an English name in its transcription", () => {
    const readings = new Map<string, string[]>([["罗", ["luo"]], ["索", ["suo"]], ["斯", ["si"]], ["卡", ["ka"]], ["尔", ["er"]]]);
    const forms = transcriptionSkeletons("罗索斯", readings);
    expect(Math.max(...forms.map((f) => skeletonSimilarity(skeleton("Rosos"), f)))).toBe(1);
    expect(Math.max(...forms.map((f) => skeletonSimilarity(skeleton("Miller"), f)))).toBeLessThan(0.65);
    const dict = buildDictionary([
      ["公司", "公司", "gong1 si1", "company", [], []],
      ["罗", "罗", "luo2", "net", [], []],
      ["索", "索", "suo3", "rope", [], []],
      ["斯", "斯", "si1", "this", [], []],
      ["卡", "卡", "ka3", "card", [], []],
      ["尔", "尔", "er3", "thus", [], []],
    ]);
    const sup = new DictionarySupport(dict);
    expect(sup.support("Karl Rosos", "卡尔·罗索斯")).toBe(1);
    expect(sup.support("Rosos Company", "罗索斯公司")).toBe(1);
    expect(sup.support("harbour", "罗索斯")).toBe(0);
    // A common word is not heard in a name, however close it sounds.
    expect(sup.support("rosos", "罗索斯", false)).toBe(0);
  });
});

describe("class 3: set phrases and idioms", () => {
  it("a four-character idiom is a candidate that must earn its link, a known noun sense makes a noun", () => {
    const m = zhMentions(text("坚持/v 实事求是/i"), toks("坚持/v 实事求是/i"));
    expect(m.find((x) => x.key === "实事求是")?.pattern).toBe("I");
    const lex: ZhLexicon = { nounish: (w) => w === "潜伏期" };
    expect(zhMentions(text("平均/a 潜伏期/t"), toks("平均/a 潜伏期/t"), lex).map((x) => x.key)).toContain("潜伏期");
  });
});

/** A synthetic aligned document: one bead per sentence pair, mentions given by key. */
function doc(pairs: Array<[string, string, string[], string[]]>): { aligned: AlignedDoc; mentions: DocMentions; tokens: ZhToken[][] } {
  const sentence = (lang: Lang, t: string, k: number): Sentence => ({ doc: "d", lang, text: t, start: 0, end: t.length, line: k + 1, paragraph: k });
  const mention = (lang: Lang, t: string, key: string): Mention => {
    const start = lang === "en" ? t.toLowerCase().indexOf(key.toLowerCase()) : t.indexOf(key);
    return { lang, key, surface: t.slice(start, start + key.length), words: key.split(" ").length, pattern: "N", start, end: start + key.length, left: "", right: "", maximal: true };
  };
  const en = pairs.map(([e], k) => sentence("en", e, k));
  const zh = pairs.map(([, z], k) => sentence("zh", text(z), k));
  return {
    aligned: { doc: "d", path: "d", encodings: ["utf-8"], en, zh, beads: pairs.map((_, k) => ({ en: [k], zh: [k], score: 0.9 })), diagnostics: [], paragraphs: { en: en.length, zh: zh.length } },
    mentions: { doc: "d", en: pairs.map(([e, , ek]) => ek.map((key) => mention("en", e, key))), zh: pairs.map(([, z, , zk], k) => zk.map((key) => mention("zh", zh[k]!.text, key))) },
    tokens: pairs.map(([, z]) => toks(z)),
  };
}

const spottedKeys = (ms: Mention[][]): string[] => [...new Set(ms.flat().filter((m) => m.pattern === SPOT_PATTERN).map((m) => m.key))].sort();

describe("class 1: translation spotting finds extents the extractor missed, without the context", () => {
  // jieba tags the last part of the term as a verb here, so no Chinese shape takes it.
  const d = doc([
    ["We installed a smart meter.", "我们/r 安装/v 智能/a 水表/v 。/x", ["smart meter"], ["我们"]],
    ["The smart meter is accurate.", "智能/a 水表/v 很/d 准确/a 。/x", ["smart meter"], ["准确"]],
    ["The city promotes the smart meter.", "城市/n 推广/v 智能/a 水表/v 。/x", ["smart meter", "city"], ["城市"]],
    ["The city installed pipes.", "城市/n 安装/v 管道/n 。/x", ["city", "pipe"], ["城市", "管道"]],
  ]);
  const out = spotTerms(d.aligned, d.mentions, d.tokens);

  it("the span of best Dice, not the verb seen before it in two beads of three", () => {
    expect(spottedKeys(out.zh)).toContain("智能水表");
    expect(spottedKeys(out.zh)).not.toContain("安装智能水表");
    expect(out.zh[0]!.find((m) => m.key === "智能水表")).toMatchObject({ start: 4, end: 8, surface: "智能水表" });
  });

  it("a verb that always comes before the term loses the tie on its edge", () => {
    const t = doc([
      ["They present the water charter.", "他们/r 介绍/v 水/n 宪章/v 。/x", ["water charter"], []],
      ["We present the water charter again.", "我们/r 再次/d 介绍/v 水/n 宪章/v 。/x", ["water charter"], []],
      ["Pipes.", "管道/n 。/x", ["pipe"], ["管道"]],
    ]);
    expect(spottedKeys(spotTerms(t.aligned, t.mentions, t.tokens).zh)).toEqual(["水宪章"]);
  });

  it("finds the English of a recurring Chinese term that no English pattern takes (a coordination)", () => {
    const t = doc([
      ["Reform and opening up changed the town.", "改革开放/l 改变/v 了/ul 小镇/n 。/x", ["town"], ["改革开放", "小镇"]],
      ["They praised reform and opening up.", "他们/r 赞扬/v 改革开放/l 。/x", [], ["改革开放"]],
      ["Reform and opening up goes on, she said.", "她/r 说/v 改革开放/l 继续/v 。/x", [], ["改革开放"]],
    ]);
    expect(spottedKeys(spotTerms(t.aligned, t.mentions, t.tokens).en)).toEqual(["reform and opening up"]);
  });

  it("counts a Chinese term in a bead where jieba cut it otherwise (深化改革/开放), so a term met twice is spotted", () => {
    const t = doc([
      ["Reform and opening up changed the town.", "改革开放/l 改变/v 了/ul 小镇/n 。/x", ["town"], ["改革开放", "小镇"]],
      ["They deepened reform and opening up in the town.", "他们/r 在/p 小镇/n 深化改革/j 开放/v 。/x", ["town"], ["小镇", "深化改革"]],
      ["The town grew.", "小镇/n 发展/v 。/x", ["town"], ["小镇"]],
    ]);
    expect(spottedKeys(spotTerms(t.aligned, t.mentions, t.tokens).en)).toEqual(["reform and opening up"]);
  });

  it("an adjective after another adjective ends a spotted span as its head (伟大/a 复兴/a), not as a predicate", () => {
    const t = doc([
      ["They hailed the great revival of the northern people.", "他们/r 赞扬/v 北方人民/n 伟大/a 复兴/a 。/x", ["great revival of the northern people"], ["北方人民"]],
      ["The great revival of the northern people goes on.", "北方人民/n 伟大/a 复兴/a 继续/v 。/x", ["great revival of the northern people"], ["北方人民"]],
      ["The town grew.", "小镇/n 发展/v 。/x", ["town"], ["小镇"]],
    ]);
    expect(spottedKeys(spotTerms(t.aligned, t.mentions, t.tokens).zh)).toEqual(["北方人民伟大复兴"]);
  });

  it("spots no English span that reaches into a name and stops between its words", () => {
    const t = doc([
      ["Bureau chief Wang Yi spoke.", "局长/n 王毅/nr 讲话/v 。/x", ["wang yi"], ["局长"]],
      ["Bureau chief Wang Li left.", "局长/n 王丽/nr 离开/v 。/x", ["wang li"], ["局长"]],
      ["Bureau chief Wang Bo came.", "局长/n 王波/nr 来/v 。/x", ["wang bo"], ["局长"]],
    ]);
    for (const ms of t.mentions.en) ms[0]!.pattern = "NAME";
    expect(spottedKeys(spotTerms(t.aligned, t.mentions, t.tokens).en)).not.toContain("bureau chief wang");
  });

  it("a long document searches an even sample of the beads for a span's frequency, and spots the same spans", () => {
    const rows: Array<[string, string, string[], string[]]> = [];
    for (let k = 0; k < 200; k++) {
      const said = [`Reform and opening up changed the town in year ${k}.`, `In year ${k} they praised reform and opening up.`, `Reform and opening up went on, she said in year ${k}.`][k % 3]!;
      if (k % 5 === 0) rows.push([said, "改革开放/l 改变/v 了/ul 小镇/n 。/x", ["town"], ["改革开放", "小镇"]]);
      else rows.push([`The town built new pipes in year ${k}.`, "小镇/n 修建/v 新/a 管道/n 。/x", ["town", "pipe"], ["小镇", "管道"]]);
    }
    const t = doc(rows);
    const exact = spotTerms(t.aligned, t.mentions, t.tokens, { ...DEFAULT_SPOT, maxSearch: Infinity });
    // 40 beads hold the English span: searching 8 of them, each stands for 5.
    const sampled = spotTerms(t.aligned, t.mentions, t.tokens, { ...DEFAULT_SPOT, maxSearch: 8 });
    expect(spottedKeys(exact.en)).toContain("reform and opening up");
    expect(sampled).toEqual(exact);
  });

  it("adds nothing to a document without recurring terms", () => {
    const t = doc([["A dam.", "大坝/n 。/x", ["dam"], ["大坝"]]]);
    expect(spotTerms(t.aligned, t.mentions, t.tokens)).toBe(t.mentions);
  });
});

describe("class 2: nested terms and head nouns", () => {
  const dict = buildDictionary([
    ["新", "新", "xin1", "new", [], []],
    ["港", "港", "gang3", "harbour", [], []],
    ["新港", "新港", "Xin1 gang3", "Newport", [], []],
    ["心脏", "心脏", "xin1 zang4", "heart", [], []],
    ["心脏病", "心脏病", "xin1 zang4 bing4", "heart disease", [], []],
    ["防护", "防护", "fang2 hu4", "to protect", [], []],
    ["装备", "装备", "zhuang1 bei4", "equipment", [], []],
    ["个人", "个人", "ge4 ren2", "personal", [], []],
  ]);
  function link(beads: Array<[Array<[string, string[]]>, string[]]>) {
    // Each English entry: the key and the keys of the longer mentions it sits in at that place.
    const enText = beads.map(([en]) => en.map(([k]) => k).join(" / "));
    const zhText = beads.map(([, zh]) => zh.join("，"));
    const en = new TermCounter("en");
    const zh = new TermCounter("zh");
    const counts = emptyCounts();
    const sentence = (lang: Lang, t: string, k: number): Sentence => ({ doc: "d", lang, text: t, start: 0, end: t.length, line: k + 1, paragraph: k });
    const aligned: AlignedDoc = { doc: "d", path: "d", encodings: ["utf-8"], en: enText.map((t, k) => sentence("en", t, k)), zh: zhText.map((t, k) => sentence("zh", t, k)), beads: beads.map((_, k) => ({ en: [k], zh: [k], score: 0.9 })), diagnostics: [], paragraphs: { en: beads.length, zh: beads.length } };
    // A nested English key shares its container's span end (New York / York).
    const enM = beads.map(([e], k) =>
      e.map(([key, inside]): Mention => {
        const host = inside[0] ?? key;
        const start = enText[k]!.indexOf(host) + host.length - key.length;
        return { lang: "en", key, surface: key, words: key.split(" ").length, pattern: "N", start, end: start + key.length, left: "", right: "", maximal: inside.length === 0 };
      }),
    );
    const zhM = beads.map(([, z], k) =>
      z.flatMap((key): Mention[] => {
        const start = zhText[k]!.indexOf(key);
        const whole: Mention = { lang: "zh", key, surface: key, words: 1, pattern: "N", start, end: start + key.length, left: "", right: "", maximal: true };
        // Every dictionary-word prefix of a Chinese key is a nested mention too.
        const parts = ["心脏病", "个人防护", "新港"].filter((p) => key !== p && key.startsWith(p)).map((p): Mention => ({ ...whole, key: p, surface: p, end: start + p.length, maximal: false }));
        return [whole, ...parts];
      }),
    );
    const mentions: DocMentions = { doc: "d", en: enM, zh: zhM };
    en.add("d", mentions.en);
    zh.add("d", mentions.zh);
    countDocument(counts, aligned, mentions);
    return linkTerms(counts, en.candidates(), zh.candidates(), { dict, idf: new Map() });
  }

  it("a head noun does not take the long term of the other side when its own long term is there", () => {
    const pairs = link([
      [[["heart disease", []], ["heart", ["heart disease"]]], ["心脏病"]],
      [[["heart disease", []], ["heart", ["heart disease"]]], ["心脏病"]],
      [[["heart disease", []], ["heart", ["heart disease"]]], ["心脏病"]],
      [[["heart", []]], ["心脏病"]],
    ]);
    expect(pairs.find((p) => p.zh === "心脏病")?.en).toBe("heart disease");
  });

  it("the fuller Chinese with the dictionary's support wins over its head met more often", () => {
    const pairs = link([
      [[["personal protective equipment", []]], ["个人防护装备"]],
      [[["personal protective equipment", []]], ["个人防护装备"]],
      [[["personal protective equipment", []]], ["个人防护装备"]],
      [[["personal protective equipment", []]], ["个人防护"]],
      [[["personal protective equipment", []]], ["个人防护"]],
    ]);
    expect(pairs.find((x) => x.en === "personal protective equipment")?.zh).toBe("个人防护装备");
  });

  it("context glued after a term loses to the term the dictionary knows", () => {
    const pairs = link([
      [[["newport", []]], ["新港规定"]],
      [[["rule", []]], ["新港", "规定"]],
      [[["rule", []]], ["新港", "规定"]],
    ]);
    expect(pairs.find((p) => p.en === "newport")?.zh).toBe("新港");
  });
});

describe("kind and evidence columns", () => {
  it("every pair says what it is and how each side was found", () => {
    const d = doc([
      ["The WTO met.", "世贸组织/nt 开会/v 。/x", ["WTO"], ["世贸组织"]],
      ["The WTO agreed.", "世贸组织/nt 同意/v 。/x", ["WTO"], ["世贸组织"]],
    ]);
    d.mentions.en.flat().forEach((m) => (m.pattern = "ACR"));
    const en = new TermCounter("en").addAll([d.mentions]);
    const zh = new TermCounter("zh").addAll([d.mentions]);
    const counts = emptyCounts();
    countDocument(counts, d.aligned, d.mentions);
    const [p] = linkTerms(counts, en.candidates(), zh.candidates(), { dict: buildDictionary([]), idf: new Map() });
    expect(p).toMatchObject({ en: "WTO", zh: "世贸组织", kind: "abbreviation", enPattern: "ACR", zhPattern: "N" });
  });
});
