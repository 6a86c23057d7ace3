import { describe, expect, it } from "vitest";
import { countDocument, emptyCounts, linkTerms, pairId } from "../../src/link/index.js";
import type { AlignedDoc, DocMentions, Lang, Mention, Sentence } from "../../src/model/index.js";
import { TermCounter } from "../../src/terms/termhood.js";
import { dict } from "./dict.js";

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
