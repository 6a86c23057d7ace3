// Names, titles of works and people with titles (issue 13, classes 4 and 5), on sentences written
// for this test; Chinese with hand-made jieba tokens so that no case depends on jieba's dictionary.
import { describe, expect, it } from "vitest";
import { buildDictionary } from "../../src/lexicon/dictionary.js";
import { countDocument, DictionarySupport, emptyCounts, linkTerms } from "../../src/link/index.js";
import type { AlignedDoc, DocMentions, Lang, Mention, Sentence } from "../../src/model/index.js";
import { TermCounter } from "../../src/terms/termhood.js";
import { splitTitle } from "../../src/link/titles.js";
import { enMentions } from "../../src/terms/en/candidates.js";
import { createEnTagger } from "../../src/terms/en/compromise.js";
import { zhMentions } from "../../src/terms/zh/candidates.js";
import { toks } from "./tokens.js";

const zhKeys = (spec: string): string[] => zhMentions(toks(spec).map((t) => t.word).join(""), toks(spec)).map((m) => m.key);
const tagger = createEnTagger();
const enKeys = (s: string): string[] => enMentions(s, tagger.tag(s)).map((m) => m.key);

describe("Chinese names across a name dot", () => {
  it("takes every transcription piece beside the dot, whatever jieba tagged it", () => {
    // jieba cuts an unknown surname with stray tags (哈/v, 特曼/nrt) and a given name likewise (玛/ng 丽安/nr).
    const keys = zhKeys("玛/ng 丽安/nr ·/x 哈/v 特曼/nrt 表示/v");
    expect(keys).toContain("玛丽安·哈特曼");
    expect(keys.some((k) => k.includes("表示") && k.includes("·"))).toBe(false);
  });

  it("stops at the first word that is not written by sound", () => {
    expect(zhKeys("约翰/nr ·/x 梅杰/nr 教授/n 说/v")).toContain("约翰·梅杰");
    expect(zhKeys("约翰/nr ·/x 梅杰/nr 教授/n 说/v")).not.toContain("约翰·梅杰教授说");
  });
});

describe("jieba's cut through a name written by sound", () => {
  it("an unknown word of the name's last character and 说 is cut back", () => {
    const keys = zhKeys("罗/ng 兰德/nr ·/x 维斯/nrt 坦说/x ，/x 他们/r 很/d 好/a");
    expect(keys).toContain("罗兰德·维斯坦");
    expect(keys.some((k) => k.includes("说"))).toBe(false);
  });

  it("one transcription character tagged as a common word joins the name beside it", () => {
    // 阿尔伯克基 cut as 阿尔伯克/nrt 基/a: the university is 阿尔伯克基大学, not 基大学.
    const keys = zhKeys("他/r 在/p 塔尔伯克/nrt 基/a 大学/n 读书/v");
    expect(keys).toContain("塔尔伯克基大学");
    expect(keys).not.toContain("基大学");
  });

  it("a function word glued to a name's first character before a name dot is cut off (在冯/x ·)", () => {
    const keys = zhKeys("是/v 在冯/x ·/x 特里尔/nrt 建议/n 下/f");
    expect(keys).toContain("冯·特里尔");
    expect(keys.some((k) => k.includes("在"))).toBe(false);
  });

  it("a conjunction jieba's name guess took before a name the dictionary knows is cut off (和普京/nz)", () => {
    const lex = { nounish: (w: string) => w === "普京" || w === "总统" };
    const spec = toks("习近平/nrfg 主席/n 和普京/nz 总统/n 的/uj 引领/v");
    const keys = zhMentions(spec.map((t) => t.word).join(""), spec, lex).map((m) => m.key);
    expect(keys).toContain("普京总统");
    expect(keys.some((k) => k.includes("和普京"))).toBe(false);
    // Without the dictionary's word, and no transcription after it, the token stays as jieba cut it.
    expect(zhMentions(spec.map((t) => t.word).join(""), spec).map((m) => m.key)).toContain("和普京");
  });

  it("leaves common words beside a known name alone", () => {
    expect(zhKeys("去/v 美国/ns 的/uj 人/n")).not.toContain("去美国");
  });
});

describe("titles glued to a name", () => {
  it("a title inside jieba's last token leaves the name a mention of its own", () => {
    // jieba keeps 协会会长 "association president" as one word.
    const keys = zhKeys("北方/f 园艺/n 协会会长/n 发言/v");
    expect(keys).toContain("园艺协会");
    expect(keys).toContain("园艺协会会长");
  });

  it("the title jieba glued to a country is a mention of its own", () => {
    // jieba keeps 瑞典首相 "Swedish prime minister" as one word; the title alone is a term too.
    const keys = zhKeys("瑞典首相/n 访问/v 北京/ns");
    expect(keys).toContain("瑞典首相");
    expect(keys).toContain("首相");
  });
});

describe("a title's own first character is not a word glued to it", () => {
  it("总书记 is one title: no 习近平总", () => {
    const keys = zhKeys("习近平/nrfg 总书记/n 指出/v");
    expect(keys).toContain("习近平总书记");
    expect(keys).not.toContain("习近平总");
  });
});

describe("titles of works", () => {
  it("a title in 《》 is one Chinese mention, brackets kept, even when its words are common ones", () => {
    const ms = zhMentions("他看了《海上钢琴》这部电影", toks("他/r 看/v 了/ul 《/x 海上/s 钢琴/n 》/x 这部/r 电影/n"));
    const title = ms.find((m) => m.pattern === "TITLE");
    expect(title).toMatchObject({ key: "《海上钢琴》", surface: "《海上钢琴》", maximal: true });
    expect(zhMentions("他说《好》", toks("他/r 说/v 《/x 好/a 》/x")).map((m) => m.key)).toContain("《好》");
  });

  it("a capital The inside an English sentence opens the name it stands before, not at the start", () => {
    expect(enKeys("She became famous after she starred in The Silent Harbour last year.")).toContain("the silent harbour");
    expect(enKeys("The Silent Harbour opened last year.")).not.toContain("the silent harbour");
  });
});

describe("people with titles", () => {
  it("a title before a person's name leaves the name a candidate of its own", () => {
    const keys = enKeys("Yesterday Professor Anna Berg spoke at the meeting.");
    expect(keys).toContain("anna berg");
  });

  it("splits a pair written with a title on both sides into the names", () => {
    expect(splitTitle("professor anna berg", "Professor Anna Berg", "安娜·伯格教授")).toEqual({ en: "anna berg", zh: "安娜·伯格" });
    expect(splitTitle("british prime minister john major", "British Prime Minister John Major", "英国首相约翰·梅杰")).toEqual({ en: "john major", zh: "约翰·梅杰" });
    // No title on one side: nothing to split.
    expect(splitTitle("anna berg", "Anna Berg", "安娜·伯格")).toBeUndefined();
    expect(splitTitle("professor anna berg", "Professor Anna Berg", "安娜·伯格")).toBeUndefined();
  });
});

describe("names beside common words", () => {
  it("a role of a name is context: the name is the term", () => {
    const keys = enKeys("He is the chairman of the National Rowing Council in Leeds.");
    expect(keys).toContain("national rowing council");
    expect(keys.some((k) => k.startsWith("chairman of"))).toBe(false);
    // A term with "of" in lower case stays: the tail is not a name.
    expect(enKeys("They defended the rule of law.")).toContain("rule of law");
  });

  it("common words before a name of several words describe it", () => {
    const keys = enKeys("She joined the investment bank Harlow Pike Partners in May.");
    expect(keys).toContain("harlow pike partners");
    expect(keys.some((k) => k.startsWith("investment bank harlow"))).toBe(false);
  });
});

describe("dictionary support for places", () => {
  const dict = buildDictionary([
    ["英國", "英国", "Ying1 guo2", "United Kingdom (UK); Britain", [], []],
    ["德國", "德国", "De2 guo2", "Germany; German", [], []],
    ["協會", "协会", "xie2 hui4", "an association; a society", [], []],
  ]);
  const sup = new DictionarySupport(dict);
  it("a proper name's entry keeps its other names and its acronym", () => {
    expect(sup.support("Britain", "英国")).toBe(1);
    expect(sup.support("UK", "英国")).toBe(1);
    expect(sup.support("United Kingdom", "英国")).toBe(1);
  });
  it("an adjective of nationality matches the place the Chinese writes", () => {
    expect(sup.support("British Association", "英国协会")).toBe(1);
    // Alone, the adjective is not the place.
    expect(sup.support("British", "英国")).toBe(0);
    expect(sup.support("French", "英国")).toBe(0);
  });
});

describe("names heard by sound", () => {
  const dict = buildDictionary(["冯 feng2", "拉 la1", "斯 si1", "特 te4", "里 li3", "尔 er3"].map((r) => {
    const [ch, py] = r.split(" ");
    return [ch!, ch!, py!, "surname", [], []];
  }));
  const sup = new DictionarySupport(dict);
  it("hears no foreign name in words the dictionary knows whole (沙特 + 伊朗 is not \"Saudi Arabia\")", () => {
    const places = buildDictionary([
      ["沙特", "沙特", "Sha1 te4", "Saudi (Arabia)", [], []],
      ["伊朗", "伊朗", "Yi1 lang3", "Iran", [], []],
      ...["沙 sha1", "特 te4", "伊 yi1", "朗 lang3"].map((r): [string, string, string, string, never[], never[]] => [r[0]!, r[0]!, r.slice(2), "surname", [], []]),
    ]);
    expect(new DictionarySupport(places).support("Saudi Arabia", "沙特伊朗")).toBeLessThan(0.6);
  });

  it("hears a name's one-character word between name dots (拉斯·冯·特里尔)", () => {
    expect(sup.support("Lars von Trier", "拉斯·冯·特里尔")).toBe(1);
    expect(sup.support("Von Trier", "冯·特里尔")).toBe(1);
  });
});

describe("linking a title of a work", () => {
  const at = (t: string, k: string): number => t.indexOf(k);
  const m = (lang: Lang, text: string, key: string, surface: string, pattern: string, maximal: boolean): Mention => ({ lang, key, surface, words: 1, pattern, start: at(text, surface), end: at(text, surface) + surface.length, left: "", right: "", maximal });
  /** Links the mentions of one bead. */
  const linkBead = (dict: ReturnType<typeof buildDictionary>, enText: string, zhText: string, en: Mention[], zh: Mention[]) => {
    const sentence = (lang: Lang, text: string): Sentence => ({ doc: "d", lang, text, start: 0, end: text.length, line: 1, paragraph: 0 });
    const aligned: AlignedDoc = { doc: "d", path: "d", encodings: ["utf-8"], en: [sentence("en", enText)], zh: [sentence("zh", zhText)], beads: [{ en: [0], zh: [0], score: 0.9 }], diagnostics: [], paragraphs: { en: 1, zh: 1 } };
    const mentions: DocMentions = { doc: "d", en: [en], zh: [zh] };
    const ec = new TermCounter("en");
    const zc = new TermCounter("zh");
    ec.add("d", mentions.en);
    zc.add("d", mentions.zh);
    const counts = emptyCounts();
    countDocument(counts, aligned, mentions);
    return linkTerms(counts, ec.candidates(), zc.candidates(), { dict, idf: new Map() });
  };

  it("two titles in one bead each go to the English whose words they hold", () => {
    // Half of each title is in the dictionary: 港 "harbour", 夜 "night".
    const dict = buildDictionary([["港", "港", "gang3", "harbour", [], []], ["夜", "夜", "ye4", "night", [], []]]);
    const enText = "He prefers The Long Night to Grey Harbour";
    const zhText = "比起《灰港》他更喜欢《长夜》";
    const en = [m("en", enText, "the long night", "The Long Night", "NAME", true), m("en", enText, "grey harbour", "Grey Harbour", "NAME", true)];
    const zh = [m("zh", zhText, "《灰港》", "《灰港》", "TITLE", true), m("zh", zhText, "《长夜》", "《长夜》", "TITLE", true)];
    const pairs = linkBead(dict, enText, zhText, en, zh);
    expect(pairs.find((p) => p.zh === "《长夜》")?.en).toBe("The Long Night");
    expect(pairs.find((p) => p.zh === "《灰港》")?.en).toBe("Grey Harbour");
  });

  it("an English name met once links to the title in 《》 even when no word of it is in the dictionary", () => {
    const dict = buildDictionary([["港", "港", "gang3", "harbour", [], []], ["沉默", "沉默", "chen2 mo4", "silent", [], []]]);
    const enText = "Nora Vale starred in The Silent Harbour";
    const zhText = "诺拉·韦尔主演了《远方》";
    const en = [{ ...m("en", enText, "nora vale", "Nora Vale", "NAME", true), named: true }, m("en", enText, "the silent harbour", "The Silent Harbour", "NAME", true), m("en", enText, "silent harbour", "Silent Harbour", "NAME", false)];
    const zh = [m("zh", zhText, "诺拉·韦尔", "诺拉·韦尔", "NR", true), m("zh", zhText, "《远方》", "《远方》", "TITLE", true), m("zh", zhText, "远方", "远方", "N", false)];
    const pairs = linkBead(dict, enText, zhText, en, zh);
    // The dictionary knows no word of the title: the brackets are the evidence.
    expect(pairs.find((p) => p.zh === "《远方》")?.en).toBe("The Silent Harbour");
  });
});
