import { describe, expect, it } from "vitest";
import { buildDictionary } from "../../src/lexicon/dictionary.js";
import { countDocument, emptyCounts, linkTerms, pairId } from "../../src/link/index.js";
import { DictionarySupport } from "../../src/link/dictionary.js";
import { llr, logDice } from "../../src/link/measures.js";
import type { AlignedDoc, DocMentions, Lang, Mention, Sentence } from "../../src/model/index.js";
import { TermCounter } from "../../src/terms/termhood.js";

const dict = buildDictionary([
  ["水库", "水库", "shui3 ku4", "reservoir", [], []],
  ["大坝", "大坝", "da4 ba4", "dam", [], []],
  ["农民", "农民", "nong2 min2", "farmer", [], []],
  ["灌溉", "灌溉", "guan4 gai4", ["to irrigate", "irrigation"], [], []],
  ["渠道", "渠道", "qu2 dao4", ["irrigation ditch", "channel"], [], []],
  ["多边", "多边", "duo1 bian1", "multilateral", [], []],
  ["主义", "主义", "zhu3 yi4", ["-ism", "ideology"], [], []],
  ["上海合作组织", "上海合作组织", "Shang4 hai3 He2 zuo4 Zu3 zhi1", "Shanghai Cooperation Organization, SCO", [], []],
  ["组织", "组织", "zu3 zhi1", ["to organize", "organization"], [], []],
  ["王", "王", "Wang2", "surname Wang", [], []],
  ["毅", "毅", "yi4", "firm and resolute", [], []],
  ["学", "学", "xue2", "to learn", [], []],
  ["习", "习", "xi2", "to practice", [], []],
  ["学习", "学习", "xue2 xi2", "to learn", [], []],
  ["新浪", "新浪", "Xin1 lang4", "Sina (Chinese company)", [], []],
  ["浪潮", "浪潮", "lang4 chao2", "wave; tide", [], []],
  ["新", "新", "xin1", "new", [], []],
  ["派", "派", "pai4", "school; faction", [], []],
  ["美国", "美国", "Mei3 guo2", "United States; USA; US", [], []],
  ["营养", "营养", "ying2 yang3", "nutrition; nourishment", [], []],
  ["营养学", "营养学", "ying2 yang3 xue2", "nutriology", [], []],
  ["用于", "用于", "yong4 yu2", "to use in; to use for", [], []],
  ["联合国", "联合国", "Lian2 he2 guo2", "United Nations", [], []],
  ["水", "水", "shui3", "water", [], []],
  ["机构", "机构", "ji1 gou4", ["organization", "agency", "institution"], [], []],
  ["中国共产党", "中国共产党", "Zhong1 guo2 Gong4 chan3 dang3", "Communist Party of China", [], []],
  ["普京", "普京", "Pu3 jing1", "Vladimir Putin (1952-), president of Russia", [], []],
  ["医学", "医学", "yi1 xue2", ["medicine", "medical"], [], []],
  ["研究", "研究", "yan2 jiu1", "research", [], []],
  ["委员会", "委员会", "wei3 yuan2 hui4", ["committee", "commission"], [], []],
  ["外交", "外交", "wai4 jiao1", ["diplomacy", "foreign affairs"], [], []],
  ["部长", "部长", "bu4 zhang3", "minister", [], []],
  ["叙利亚", "叙利亚", "Xu4 li4 ya4", "Syria", [], []],
  ["理事会", "理事会", "li3 shi4 hui4", "council", [], []],
  ["议会", "议会", "yi4 hui4", ["parliament", "council"], [], []],
  ["市议会", "市议会", "shi4 yi4 hui4", "city council", [], []],
  ["季节性", "季节性", "ji4 jie2 xing4", "seasonal", [], []],
  ["西药", "西药", "xi1 yao4", "Western medicine", [], []],
  ["流感", "流感", "liu2 gan3", ["flu", "influenza"], [], []],
]);

describe("association measures", () => {
  it("logDice is 14 for a pair that always meets and falls by one for each halving", () => {
    expect(logDice(5, 5, 5)).toBe(14);
    expect(logDice(5, 10, 10)).toBeCloseTo(13);
    expect(logDice(0, 3, 3)).toBe(0);
  });

  it("LLR is zero for independence and large for a pair that keeps meeting", () => {
    expect(llr(10, 20, 50, 100)).toBeCloseTo(0, 6);
    expect(llr(8, 8, 8, 100)).toBeGreaterThan(40);
    // Fewer meetings than chance is no evidence for a link.
    expect(llr(0, 50, 50, 100)).toBe(0);
  });
});

describe("dictionary support", () => {
  const sup = new DictionarySupport(dict);
  it.each([
    ["reservoir", "水库", 1],
    ["multilateralism", "多边主义", 0.66],
    ["Shanghai Cooperation Organization", "上海合作组织", 1],
    ["Wang Yi", "王毅", 1],
    ["irrigation channel", "灌溉渠道", 1],
    // Cut from the start 新浪 "Sina" / 潮 / 派; from the end 新 / 浪潮 / 派.
    ["new wave school", "新浪潮派", 1],
    // The dictionary glosses 美国 by its official names only.
    ["America", "美国", 1],
    // A derived word (…学 "the study of") also stands for its stem's glosses.
    ["nutrition", "营养学", 1],
    // "US" in capitals is the country, not the pronoun.
    ["US", "美国", 1],
    // A nationality inside a longer term stands for its place (叙利亚 "Syria").
    ["Syrian reservoir", "叙利亚水库", 1],
    // A name's initials are its acronym, though the dictionary does not write it.
    ["UN water agency", "联合国水机构", 1],
    ["CPC", "中国共产党", 1],
  ])("%s ↔ %s ≥ %s", (en, zh, min) => {
    expect(sup.support(en, zh)).toBeGreaterThanOrEqual(min as number);
  });

  it.each([
    ["farmer", "水库"],
    ["Xi", "学习"],
    ["us", "美国"],
    ["US", "用于"],
    // Initials meet an acronym, not a word spelt the same: "un" is no English word of 联合国.
    ["un", "联合国"],
    // A person's initials (the entry gives life dates) are no acronym.
    ["VP", "普京"],
    ["dam", "王毅"],
  ])("%s ↔ %s has none", (en, zh) => {
    expect(sup.support(en, zh)).toBe(0);
  });

  it("pairs the heads left over when the Chinese ends in a head morpheme of the English word's translations", () => {
    // 会 ends three translations of "council" (理事会, 议会, 市议会): 委员会 may be one.
    expect(sup.support("medical research council", "医学研究委员会")).toBe(1);
    expect(sup.support("medical research", "医学研究委员会")).toBeLessThan(1);
    // Only the heads, and only when all else matched: "research council" leaves 医学 over.
    expect(sup.support("research council", "医学研究委员会")).toBeLessThan(0.8);
  });

  it("halves a common term's support when its head finds no translation and a modifier does", () => {
    // "water reservoir" ↔ 水 translates the modifier only; ↔ 水库 its head.
    const whole = sup.support("farmer water", "水", false);
    expect(sup.support("water farmer", "水", false)).toBeCloseTo(whole / 2, 5);
    expect(sup.support("water reservoir", "水库", false)).toBeGreaterThan(sup.support("water reservoir", "水", false) * 1.5);
    // The head comes before the preposition: "reservoir of water" ↔ 水 misses it too.
    expect(sup.support("reservoir of water", "水", false)).toBeCloseTo(sup.support("water reservoir", "水", false), 5);
    expect(sup.support("water of the reservoir", "水库", false)).toBeCloseTo(sup.support("reservoir water", "水库", false), 5);
    // Every word of a name names it: the rule is for common terms.
    expect(sup.support("Water Reservoir", "水")).toBeCloseTo(whole, 5);
  });

  it("meets an ordinal with a Chinese count of sessions, and a numbered congress with what it abbreviates", () => {
    expect(sup.support("9th reservoir", "九届水库", false)).toBe(1);
    expect(sup.support("second reservoir", "第二次水库", false)).toBe(1);
    expect(sup.support("third reservoir", "二次水库", false)).toBeLessThan(1);
    expect(sup.support("15th CPC National Congress", "十五大")).toBe(1);
    // Its number is half of it: the congress alone, or one of its words, translates the rest only.
    expect(sup.support("National Congress", "十五大")).toBeLessThan(0.8);
    expect(sup.support("nation", "十五大")).toBeLessThan(0.7);
    // A set's count is met by the number word that opens the English (the three reservoir goals).
    expect(sup.support("three reservoirs", "三个水库")).toBe(1);
    expect(sup.support("reservoirs", "三个水库")).toBeLessThan(1);
  });

  it("cuts a Chinese term into its longest dictionary words", () => {
    expect(sup.zhParts("灌溉渠道水库").length).toBe(3);
  });
});

/** A synthetic bitext: sentences are the mentions themselves, one bead per sentence pair. */
function bitext(doc: string, beads: Array<[string[], string[]]>): { aligned: AlignedDoc; mentions: DocMentions } {
  const sentence = (lang: Lang, text: string, k: number): Sentence => ({ doc, lang, text, start: 0, end: text.length, line: k + 1, paragraph: k });
  const mention = (lang: Lang, text: string, key: string, words: number): Mention => {
    const start = text.indexOf(key);
    return { lang, key, surface: key, words, pattern: lang === "en" ? (words > 1 ? "A N" : "N") : "N", start, end: start + key.length, left: "", right: "", maximal: true };
  };
  const enText = beads.map(([en]) => en.join(" and ") + ".");
  const zhText = beads.map(([, zh]) => zh.join("和") + "。");
  return {
    aligned: {
      doc,
      path: doc,
      encodings: ["utf-8"],
      en: enText.map((t, k) => sentence("en", t, k)),
      zh: zhText.map((t, k) => sentence("zh", t, k)),
      beads: beads.map((_, k) => ({ en: [k], zh: [k], score: 0.9 })),
      diagnostics: [],
      paragraphs: { en: beads.length, zh: beads.length },
    },
    mentions: {
      doc,
      en: beads.map(([en], k) => en.map((e) => mention("en", enText[k]!, e, e.split(" ").length))),
      zh: beads.map(([, zh], k) => zh.map((z) => mention("zh", zhText[k]!, z, 1))),
    },
  };
}

function link(...docs: ReturnType<typeof bitext>[]) {
  const en = new TermCounter("en");
  const zh = new TermCounter("zh");
  const counts = emptyCounts();
  for (const d of docs) {
    en.add(d.aligned.doc, d.mentions.en);
    zh.add(d.aligned.doc, d.mentions.zh);
    countDocument(counts, d.aligned, d.mentions);
  }
  return linkTerms(counts, en.candidates(), zh.candidates(), { dict, idf: new Map() });
}

describe("linkTerms", () => {
  // "sluice" ↔ 闸门 is in no dictionary: only its counts can link it.
  const doc = bitext("d1", [
    [["sluice", "farmer"], ["闸门", "农民"]],
    [["sluice", "dam"], ["闸门", "大坝"]],
    [["sluice"], ["闸门"]],
    [["sluice", "reservoir"], ["水库", "闸门"]],
    // Singletons side by side: only the dictionary tells which goes with which.
    [["irrigation channel", "multilateralism"], ["多边主义", "灌溉渠道"]],
  ]);
  const pairs = link(doc);
  const find = (en: string) => pairs.find((p) => p.en === en);

  it("links a frequent pair the dictionary lacks by co-occurrence", () => {
    expect(find("sluice")).toMatchObject({ zh: "闸门", cooc: 4, enCount: 4, zhCount: 4, dict: 0, logDice: 14 });
  });

  it("links singletons through the dictionary, one to one", () => {
    expect(find("irrigation channel")?.zh).toBe("灌溉渠道");
    expect(find("multilateralism")?.zh).toBe("多边主义");
    expect(find("farmer")?.zh).toBe("农民");
    expect(find("reservoir")?.zh).toBe("水库");
  });

  it("gives each term one entry (competitive linking)", () => {
    const zh = pairs.map((p) => p.zh);
    expect(new Set(zh).size).toBe(zh.length);
    expect(pairs.filter((p) => p.en === "sluice")).toHaveLength(1);
  });

  it("keeps the evidence: example sentences and their bead", () => {
    const p = find("irrigation channel")!;
    expect(p.exampleEn).toBe("irrigation channel and multilateralism.");
    expect(p.exampleZh).toBe("多边主义和灌溉渠道。");
    expect(p.source).toEqual({ doc: "d1", bead: 4 });
    expect(p.docs).toEqual(["d1"]);
  });

  it("scores in [0, 1], sorted best first, ids from the keys only", () => {
    for (const p of pairs) expect(p.score).toBeGreaterThanOrEqual(0), expect(p.score).toBeLessThanOrEqual(1);
    expect(pairs.map((p) => p.score)).toEqual([...pairs.map((p) => p.score)].sort((a, b) => b - a));
    expect(find("sluice")!.id).toBe(pairId("sluice", "闸门"));
    expect(link(doc)).toEqual(pairs);
  });

  it("counts over the whole corpus and remembers every document", () => {
    const again = bitext("d2", [[["sluice"], ["闸门"]]]);
    expect(link(doc, again).find((p) => p.en === "sluice")).toMatchObject({ cooc: 5, docs: ["d1", "d2"], docCount: 2 });
  });

  it("counts every document but names only the first 10 met", () => {
    const many = Array.from({ length: 25 }, (_, k) => bitext(`m${String(25 - k).padStart(2, "0")}`, [[["sluice"], ["闸门"]]]));
    const p = link(...many).find((x) => x.en === "sluice")!;
    expect(p.docCount).toBe(25);
    expect(p.docs).toEqual(many.slice(0, 10).map((d) => d.aligned.doc).sort());
  });

  it("lets an acronym join its expansion's entry as a variant", () => {
    const d = bitext("d3", [
      [["Shanghai Cooperation Organization", "SCO"], ["上海合作组织"]],
      [["SCO"], ["上海合作组织"]],
    ]);
    // The extractor links "Shanghai Cooperation Organization (SCO)" both ways.
    d.mentions.en[0]![0]!.expands = "SCO";
    d.mentions.en[0]![1]!.expands = "Shanghai Cooperation Organization";
    const entry = link(d).find((p) => p.zh === "上海合作组织")!;
    expect([entry.en, ...entry.enVariants].sort()).toEqual(["SCO", "Shanghai Cooperation Organization"]);
  });

  /** Marks mention `k` of bead 0 as a name, nested in mention `outer` of the same side when given. */
  const asName = (ms: Mention[], k: number, outer?: number): void => {
    ms[k]!.pattern = "NAME";
    if (outer === undefined) return;
    ms[k]!.maximal = false;
    ms[k]!.start = ms[outer]!.start + ms[outer]!.key.indexOf(ms[k]!.key);
    ms[k]!.end = ms[k]!.start + ms[k]!.key.length;
  };

  it("lets the expansion join when the acronym took the Chinese first", () => {
    const d = bitext("d5", [
      [["Shanghai Cooperation Organization", "SCO"], ["上海合作组织"]],
      [["SCO"], ["上海合作组织"]],
      [["SCO"], ["上海合作组织"]],
    ]);
    d.mentions.en[0]![1]!.expands = "Shanghai Cooperation Organization";
    const entry = link(d).find((p) => p.zh === "上海合作组织")!;
    expect(entry.en).toBe("SCO");
    expect(entry.enVariants).toEqual(["Shanghai Cooperation Organization"]);
  });

  it("puts a Chinese term and the acronym it was written with in one entry", () => {
    const d = bitext("d10", [
      [["irrigation channel", "ICH"], ["灌溉渠道", "ICH"]],
      [["ICH"], ["ICH"]],
      [["ICH"], ["ICH"]],
    ]);
    d.mentions.en[0]![1]!.expands = "irrigation channel";
    d.mentions.zh[0]![0]!.expands = "ICH";
    const entry = link(d).find((p) => p.en === "ICH" || p.enVariants.includes("ICH"))!;
    expect([entry.zh, ...entry.zhVariants].sort()).toEqual(["ICH", "灌溉渠道"]);
    expect([entry.en, ...entry.enVariants].sort()).toEqual(["ICH", "irrigation channel"]);
  });

  it("puts an acronym the Chinese writes as it is in the entry that holds it in English", () => {
    const d = bitext("d13", [
      [["Shanghai Cooperation Organization", "SCO"], ["上海合作组织", "SCO"]],
      [["Shanghai Cooperation Organization"], ["上海合作组织"]],
      [["SCO"], ["SCO"]],
    ]);
    d.mentions.en[0]![0]!.expands = "SCO";
    d.mentions.en[0]![1]!.expands = "Shanghai Cooperation Organization";
    const pairs = link(d);
    const entry = pairs.find((p) => p.zh === "上海合作组织")!;
    expect([entry.en, ...entry.enVariants].sort()).toEqual(["SCO", "Shanghai Cooperation Organization"]);
    expect(entry.zhVariants).toEqual(["SCO"]);
    expect(pairs.filter((p) => p.zh === "SCO")).toEqual([]);
  });

  it("does not let an acronym kept as it is on both sides head the entry that translates it", () => {
    const d = bitext("d18", [
      [["western medicine", "WM"], ["西药", "WM"]],
      [["WM"], ["WM"]],
      [["WM"], ["WM"]],
      [["WM"], ["西药"]],
    ]);
    d.mentions.en[0]![0]!.expands = "WM";
    d.mentions.en[0]![1]!.expands = "western medicine";
    const entry = link(d).find((p) => p.zh === "西药" || p.zhVariants.includes("西药"))!;
    expect(entry.zh).toBe("西药");
    expect(entry.zhVariants).toContain("WM");
    expect([entry.en, ...entry.enVariants].sort()).toEqual(["WM", "western medicine"]);
  });

  it("heads such an entry with the Chinese written in Chinese, even where the acronym meets the English more (西药（WM）)", () => {
    const d = bitext("d19", [
      [["western medicine", "WM"], ["西药", "WM"]],
      [["WM"], ["WM"]],
      [["WM"], ["WM"]],
      [["WM"], ["WM"]],
      [["western medicine"], ["WM"]],
      [["western medicine"], ["WM"]],
    ]);
    d.mentions.en[0]![0]!.expands = "WM";
    d.mentions.en[0]![1]!.expands = "western medicine";
    // Written 西药（WM）.
    d.mentions.zh[0]![0]!.expands = "WM";
    const entry = link(d).find((p) => p.zh === "西药" || p.zhVariants.includes("西药"))!;
    expect(entry.zh).toBe("西药");
    expect(entry.zhVariants).toEqual(["WM"]);
  });

  it("does not give a head noun the long term of the other side when its own long term translates it", () => {
    // "ditch" meets 渠道 twice, once inside "irrigation ditch", which the dictionary gives 渠道 as a whole.
    const d = bitext("d11", [
      [["irrigation ditch", "ditch"], ["渠道"]],
      [["ditch"], ["渠道"]],
    ]);
    const en = d.mentions.en[0]!;
    Object.assign(en[1]!, { maximal: false, start: en[0]!.start + "irrigation ".length, end: en[0]!.end });
    const got = link(d);
    expect(got.find((p) => p.zh === "渠道")?.en).toBe("irrigation ditch");
  });

  it("does not give a name's head the long name of the other side when its own long name translates it", () => {
    // "Communist Party" meets 中国共产党 twice, once inside the full name; the dictionary gives both whole,
    // and the head, met more often, links more strongly.
    const d = bitext("d11n", [
      [["Communist Party of China", "Communist Party"], ["中国共产党"]],
      [["Communist Party"], ["中国共产党"]],
    ]);
    const en = d.mentions.en[0]!;
    Object.assign(en[1]!, { maximal: false, start: en[0]!.start, end: en[0]!.start + "Communist Party".length });
    for (const ms of d.mentions.en) for (const m of ms) m.pattern = "NAME";
    expect(link(d).find((p) => p.zh === "中国共产党")?.en).toBe("Communist Party of China");
  });

  it("drops a pair only for a fuller pair that stands (a pair dropped in turn claims nothing)", () => {
    // No dictionary knows 沟: "ditch" ↔ 沟 gives way to "irrigation ditch" ↔ 沟, met as often, which gives
    // way in turn to 灌溉沟 (灌溉 is "irrigation"), so it cannot take 沟 from "ditch".
    const d = bitext("d12", [
      [["irrigation ditch", "ditch"], ["灌溉沟", "沟"]],
      [["irrigation ditch", "ditch"], ["灌溉沟", "沟"]],
      [["irrigation ditch", "ditch"], ["沟"]],
    ]);
    for (const k of [0, 1, 2]) {
      const en = d.mentions.en[k]!;
      Object.assign(en[1]!, { maximal: false, start: en[0]!.start + "irrigation ".length, end: en[0]!.end });
      const zh = d.mentions.zh[k]!;
      if (zh[1]) Object.assign(zh[1], { maximal: false, start: zh[0]!.start + 2, end: zh[0]!.end });
    }
    const got = link(d);
    expect(got.find((p) => p.en === "irrigation ditch")?.zh).toBe("灌溉沟");
    expect(got.find((p) => p.en === "ditch")?.zh).toBe("沟");
  });

  it("keeps a nested pair both sides of which the text also writes alone", () => {
    // One bead: "reservoir dam" ↔ 水库大坝, and "reservoir" ↔ 水库 inside it and on its own on both sides.
    const d = bitext("d14", [[["reservoir dam", "reservoir", "reservoir"], ["水库大坝", "水库", "水库"]]]);
    const [en, zh] = [d.mentions.en[0]!, d.mentions.zh[0]!];
    const [enText, zhText] = [d.aligned.en[0]!.text, d.aligned.zh[0]!.text];
    Object.assign(en[1]!, { maximal: false, start: en[0]!.start, end: en[0]!.start + "reservoir".length });
    Object.assign(zh[1]!, { maximal: false, start: zh[0]!.start, end: zh[0]!.start + 2 });
    Object.assign(en[2]!, { start: enText.lastIndexOf("reservoir"), end: enText.lastIndexOf("reservoir") + "reservoir".length });
    Object.assign(zh[2]!, { start: zhText.lastIndexOf("水库"), end: zhText.lastIndexOf("水库") + 2 });
    const pairs = link(d);
    expect(pairs.find((p) => p.en === "reservoir dam")?.zh).toBe("水库大坝");
    expect(pairs.find((p) => p.en === "reservoir")?.zh).toBe("水库");
  });

  it("a name written only inside a common phrase is still a name: its pieces give way to it", () => {
    // "chair of the Reservoir Dam" holds the name; "Reservoir" ↔ 水库 is only ever a piece of both sides.
    const d = bitext("d15", [[["chair of the Reservoir Dam", "Reservoir Dam", "Reservoir"], ["水库大坝", "水库"]]]);
    const [en, zh] = [d.mentions.en[0]!, d.mentions.zh[0]!];
    asName(en, 1, 0);
    asName(en, 2, 0);
    Object.assign(zh[1]!, { maximal: false, start: zh[0]!.start, end: zh[0]!.start + 2 });
    const pairs = link(d);
    expect(pairs.find((p) => p.zh === "水库大坝")?.en).toBe("Reservoir Dam");
    expect(pairs.find((p) => p.en === "Reservoir")).toBeUndefined();
  });

  it("puts two English terms the dictionary gives whole for one Chinese in one entry, words shared or not", () => {
    const d = bitext("d16", [
      [["seasonal influenza"], ["季节性流感"]],
      [["seasonal influenza"], ["季节性流感"]],
      [["seasonal flu"], ["季节性流感"]],
      [["seasonal flu"], ["季节性流感"]],
    ]);
    const entry = link(d).find((p) => p.zh === "季节性流感")!;
    expect([entry.en, ...entry.enVariants].sort()).toEqual(["seasonal flu", "seasonal influenza"]);
  });

  it("keeps a name's generic head written out in Chinese as a variant (公司 after the name)", () => {
    const d = bitext("d6", [[["Reservoir"], ["水库公司", "水库"]]]);
    asName(d.mentions.en[0]!, 0);
    const zh = d.mentions.zh[0]!;
    zh[1]!.maximal = false;
    zh[1]!.start = zh[0]!.start;
    zh[1]!.end = zh[0]!.start + 2;
    const entry = link(d).find((p) => p.en === "Reservoir")!;
    expect([entry.zh, ...entry.zhVariants].sort()).toEqual(["水库", "水库公司"]);
  });

  it("puts the person with the title in the bare name's entry, both sides", () => {
    const d = bitext("d7", [
      [["Professor Wang Yi", "Wang Yi"], ["王毅教授", "王毅"]],
      [["Wang Yi"], ["王毅"]],
    ]);
    asName(d.mentions.en[0]!, 0);
    asName(d.mentions.en[0]!, 1, 0);
    asName(d.mentions.en[1]!, 0);
    const zh = d.mentions.zh[0]!;
    Object.assign(zh[1]!, { maximal: false, start: zh[0]!.start, end: zh[0]!.start + 2 });
    const pairs = link(d);
    const entry = pairs.find((p) => p.en === "Wang Yi")!;
    expect(entry.zh).toBe("王毅");
    expect(entry.enVariants).toEqual(["Professor Wang Yi"]);
    expect(entry.zhVariants).toEqual(["王毅教授"]);
    expect(pairs.filter((p) => p.en.startsWith("Professor"))).toEqual([]);
  });

  it("does not give a title alone the person with that title (President ↔ 王毅主席)", () => {
    const bead = (): [string[], string[]] => [["President Wang Yi", "President", "Wang Yi"], ["王毅主席", "王毅"]];
    const d = bitext("d17", [bead(), bead()]);
    for (const k of [0, 1]) {
      const [en, zh] = [d.mentions.en[k]!, d.mentions.zh[k]!];
      asName(en, 0);
      asName(en, 1, 0);
      asName(en, 2, 0);
      Object.assign(zh[1]!, { maximal: false, start: zh[0]!.start, end: zh[0]!.start + 2 });
    }
    const pairs = link(d);
    expect(pairs.find((p) => p.en === "President")?.zh).not.toBe("王毅主席");
    expect(pairs.find((p) => p.en === "Wang Yi")?.zh).toBe("王毅");
  });

  it("gives a title its Chinese when what stands beside the Chinese title is part of the title (外交部长 \"Foreign Minister\")", () => {
    const d = bitext("d18", [[["Foreign Minister", "press"], ["外交部长", "记者"]], [["Foreign Minister", "press"], ["外交部长", "记者"]]]);
    expect(link(d).find((p) => p.en === "Foreign Minister")?.zh).toBe("外交部长");
  });

  it("gives the Chinese to the whole name when a piece of it is never written alone", () => {
    // The dictionary knows 水库 and 大坝 but not the name's first word: the piece scores better by it.
    const d = bitext("d8", [[["Zorn Reservoir Dam", "Reservoir Dam"], ["水库大坝"]]]);
    asName(d.mentions.en[0]!, 0);
    asName(d.mentions.en[0]!, 1, 0);
    const got = link(d);
    expect(got.find((p) => p.zh === "水库大坝")?.en).toBe("Zorn Reservoir Dam");
  });

  it("prefers the fuller extent when a fragment meets as often", () => {
    const d = bitext("d4", [[["Shanghai Cooperation Organization", "Shanghai Cooperation"], ["上海合作组织", "上海"]]]);
    d.mentions.en[0]![1]!.maximal = false;
    d.mentions.en[0]![1]!.start = d.mentions.en[0]![0]!.start;
    d.mentions.en[0]![1]!.end = d.mentions.en[0]![0]!.start + "Shanghai Cooperation".length;
    const got = link(d);
    expect(got.find((p) => p.zh === "上海合作组织")?.en).toBe("Shanghai Cooperation Organization");
  });
});
