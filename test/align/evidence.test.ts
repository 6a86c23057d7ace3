import { describe, expect, it } from "vitest";
import { buildDictionary } from "../../src/lexicon/dictionary.js";
import { alignDetailed, alignWithEvidence, confidence, DEFAULT_EVIDENCE, learnModel1, lengthGuide } from "../../src/align/evidence.js";
import { documentIdf, enFeatures, PairwiseLexicon, zhFeatures } from "../../src/align/lexical.js";
import { stem } from "../../src/lexicon/stem.js";
import { scoreStrict, type BeadKey } from "../../src/eval/beads.js";
import type { Lang, Sentence } from "../../src/model/index.js";

/** A tiny dictionary in CC-CEDICT's row shape, and a cutter that splits on spaces (the test text is pre-cut). */
const dict = buildDictionary([
  ["河", "河", "he2", ["river"], [], []],
  ["水库", "水库", "shui3 ku4", "reservoir", [], []],
  ["大坝", "大坝", "da4 ba4", "dam", [], []],
  ["城市", "城市", "cheng2 shi4", ["city", "town"], [], []],
  ["节水", "节水", "jie2 shui3", "to save water", [], []],
  ["农民", "农民", "nong2 min2", "farmer", [], []],
  ["森林", "森林", "sen1 lin2", "forest", [], []],
  ["学校", "学校", "xue2 xiao4", "school", [], []],
  ["道路", "道路", "dao4 lu4", "road", [], []],
  ["医院", "医院", "yi1 yuan4", "hospital", [], []],
  ["工厂", "工厂", "gong1 chang3", "factory", [], []],
  ["桥", "桥", "qiao2", "bridge", [], []],
  ["主义", "主义", "zhu3 yi4", ["-ism", "ideology"], [], []],
  ["多边", "多边", "duo1 bian1", "multilateral", [], []],
  ["关于", "关于", "guan1 yu2", ["about", "concerning"], [], []],
  ["报告", "报告", "bao4 gao4", "report", [], []],
  ["今天", "今天", "jin1 tian1", "today", [], []],
  ["讨论", "讨论", "tao3 lun4", "to discuss", [], []],
  ["详细", "详细", "xiang2 xi4", ["detailed", "at length"], [], []],
  ["号", "号", "hao4", "number", [], []],
  ["译者", "译者", "yi4 zhe3", "translator", [], []],
  ["注释", "注释", "zhu4 shi4", ["note", "annotation"], [], []],
  ["说明", "说明", "shuo1 ming2", "to explain", [], []],
  ["背景", "背景", "bei4 jing3", "background", [], []],
  ["说", "说", "shuo1", ["to say", "to speak"], [], []],
  ["保持", "保持", "bao3 chi2", ["to keep", "to maintain"], [], []],
  ["沉默", "沉默", "chen2 mo4", ["silent", "taciturn"], [], []],
]);
const cut = (t: string): string[] => t.split(/\s+/).filter(Boolean);
const res = { cut, dict };
/** Sentences' alignment features, as the aligner's first pass hands them to model 1. */
function feats(lang: "en", s: Sentence[]): ReturnType<typeof enFeatures>[];
function feats(lang: "zh", s: Sentence[]): ReturnType<typeof zhFeatures>[];
function feats(lang: Lang, s: Sentence[]): unknown[] {
  return s.map((x) => (lang === "en" ? enFeatures(x.text) : zhFeatures(x.text, cut, dict)));
}
const s = (lang: Lang, text: string): Sentence => ({ doc: "t", lang, text, start: 0, end: 0, line: 1, paragraph: 0 });

const TOPICS: Array<[string, string]> = [
  ["river", "河"], ["reservoir", "水库"], ["dam", "大坝"], ["city", "城市"], ["farmer", "农民"],
  ["forest", "森林"], ["school", "学校"], ["road", "道路"], ["hospital", "医院"], ["factory", "工厂"], ["bridge", "桥"],
];

/** Sentence k talks about topic k mod 11 and states the number k, so only the right partner matches on both counts. */
function pair(k: number): [Sentence, Sentence] {
  const [en, zh] = TOPICS[k % TOPICS.length]!;
  return [s("en", `The ${en} report number ${k + 100} was discussed at length today.`), s("zh", `关于 ${zh} 的 第 ${k + 100} 号 报告 今天 进行 了 详细 讨论 。`)];
}

describe("lexical evidence", () => {
  it("finds dictionary translations on both sides, compositionally for unknown words", () => {
    const z = zhFeatures("多边主义 保护 河 。", cut, dict);
    const lex = new PairwiseLexicon([enFeatures("Multilateralism protects the river."), enFeatures("The school opened.")], [z]);
    expect(lex.similarity(0, 1, 0, 1)).toBeGreaterThan(0.5);
    expect(lex.similarity(1, 2, 0, 1)).toBe(0);
    expect(lex.coverage(0, 1, 0, 1, 0.3)).toEqual([2 / 3, 2 / 2.5]); // "protects" and 保护 are not in this dictionary
  });
});

describe("irregular English forms", () => {
  it("meet their base form's glosses (said → to say, kept → to keep)", () => {
    expect(stem("said")).toBe(stem("say"));
    expect(stem("kept")).toBe(stem("keeping"));
    expect(stem("children")).toBe(stem("child"));
    // Forms that are as often another word are left alone.
    expect(stem("left")).not.toBe(stem("leave"));
    const z = zhFeatures("她 说 她 保持 沉默 。", cut, dict);
    const lex = new PairwiseLexicon([enFeatures("She said she kept silent.")], [z]);
    expect(lex.coverage(0, 1, 0, 1, 0)).toEqual([1, 1]);
  });
});

describe("in-document IDF weights", () => {
  it("weigh a word met in every sentence less than one met once, and are uniform at power 0", () => {
    const en = ["The river report.", "The school report.", "The road report."].map(enFeatures);
    const zh = ["河 报告", "学校 报告", "道路 报告"].map((t) => zhFeatures(t, cut, dict));
    const w = documentIdf(en, zh, 1);
    expect(w.en(stem("report"))).toBeLessThan(w.en(stem("river")));
    expect(w.zh("报告")).toBeLessThan(w.zh("河"));
    expect(documentIdf(en, zh, 0).en(stem("report"))).toBe(1);
    // Weighted coverage: the shared word alone covers little of a pair.
    const lex = new PairwiseLexicon(en, zh, w);
    expect(lex.coverage(0, 1, 1, 2, 0)[0]).toBeLessThan(0.5);
    expect(lex.coverage(0, 1, 0, 1, 0)[0]).toBe(1);
  });
});

describe("PairwiseLexicon windows", () => {
  it("gives the same hits whatever order the pairs are asked in (windows grow both ways)", () => {
    const en = Array.from({ length: 300 }, (_, k) => enFeatures(pair(k)[0].text));
    const zh = Array.from({ length: 300 }, (_, k) => zhFeatures(pair(k)[1].text, cut, dict));
    const a = new PairwiseLexicon(en, zh);
    const b = new PairwiseLexicon(en, zh);
    const far = [[0, 299], [0, 0], [150, 10], [150, 290], [299, 0], [299, 299], [7, 7]] as const;
    const near = [...far].reverse();
    const fromA = far.map(([i, j]) => a.similarity(i, i + 1, j, j + 1));
    const fromB = near.map(([i, j]) => b.similarity(i, i + 1, j, j + 1)).reverse();
    expect(fromA).toEqual(fromB);
    expect(fromA[6]).toBe(new PairwiseLexicon(en, zh).similarity(7, 8, 7, 8));
    expect(fromA[6]).toBeGreaterThan(fromA[0]!);
  });
});

describe("lengthGuide", () => {
  it("follows the text read on both sides where one side merges sentences", () => {
    // English sentences of 10 characters; the Chinese merges the first four into one of 16 (ratio 2.5).
    const enLen = Float64Array.from([0, 10, 20, 30, 40, 50, 60]);
    const zhLen = Float64Array.from([0, 16, 20, 24]);
    const guide = lengthGuide({ enLen, zhLen, model: { ratio: 2.5, variance: 12 } });
    expect([...guide]).toEqual([0, 0, 1, 1, 1, 2, 3]);
  });
});

describe("confidence", () => {
  const w = DEFAULT_EVIDENCE.confidence;
  it("rises with the bead's posterior and its least covered sentence, within [0, 1]", () => {
    expect(confidence({ posterior: 0.9, coverage: 0.5 }, w)).toBeGreaterThan(confidence({ posterior: 0.3, coverage: 0.5 }, w));
    expect(confidence({ posterior: 0.9, coverage: 0.6 }, w)).toBeGreaterThan(confidence({ posterior: 0.9, coverage: 0.1 }, w));
    for (const posterior of [0, 0.2, 1]) for (const coverage of [0, 1]) {
      const c = confidence({ posterior, coverage }, w);
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThanOrEqual(1);
    }
  });

  it("falls when a neighbour is doubtful, when a sentence outside the bead translates into it, and for a merged bead", () => {
    const base = { posterior: 0.9, coverage: 0.5, enCoverage: 0.5, zhCoverage: 0.5, length: 0.5, neighbour: 1, size: 2, leak: 0 };
    const c = confidence(base, w);
    expect(confidence({ ...base, neighbour: 0.3 }, w)).toBeLessThan(c);
    expect(confidence({ ...base, leak: 0.8 }, w)).toBeLessThan(c);
    expect(confidence({ ...base, size: 3 }, w)).toBeLessThan(c);
    expect(confidence({ ...base, zhCoverage: 0.9 }, w)).toBeGreaterThan(c);
  });

  it("gives every two-sided bead of an alignment its features (leak and neighbour included)", () => {
    const en = Array.from({ length: 12 }, (_, k) => pair(k)[0]);
    const zh = Array.from({ length: 12 }, (_, k) => pair(k)[1]);
    const { beads, evidence } = alignDetailed(en, zh, res);
    beads.forEach((b, k) => {
      const e = evidence[k]!;
      expect(e.neighbour).toBeGreaterThan(0);
      if (b.en.length && b.zh.length) {
        expect(e.size).toBe(b.en.length + b.zh.length);
        for (const x of [e.enCoverage, e.zhCoverage, e.length, e.leak]) expect(x).toBeGreaterThanOrEqual(0);
      }
    });
  });

  it("keeps a one-sided bead's posterior", () => {
    expect(confidence({ posterior: 0.37, coverage: undefined }, w)).toBe(0.37);
  });
});

describe("alignWithEvidence", () => {
  it("finds merges, splits and a paragraph inserted on one side", () => {
    const en: Sentence[] = [];
    const zh: Sentence[] = [];
    const gold: BeadKey[] = [];
    for (let k = 0; k < 40; k++) {
      const [e, z] = pair(k);
      if (k === 10) {
        // Chinese merges two English sentences.
        const [e2] = pair(41);
        gold.push({ en: [en.length, en.length + 1], zh: [zh.length] });
        en.push(e, e2);
        zh.push(s("zh", `${z.text} ${pair(41)[1].text}`));
        continue;
      }
      if (k === 20) {
        // A translator's note with no English counterpart, three sentences long.
        for (let x = 0; x < 3; x++) {
          gold.push({ en: [], zh: [zh.length] });
          zh.push(s("zh", `译者 注释 第 ${x + 900} 条 说明 背景 情况 。`));
        }
      }
      gold.push({ en: [en.length], zh: [zh.length] });
      en.push(e);
      zh.push(z);
    }
    const beads = alignWithEvidence(en, zh, res);
    expect(scoreStrict(beads, gold).f1).toBeGreaterThan(0.95);
    expect(beads.filter((b) => b.en.length === 0)).toHaveLength(3);
    for (const b of beads) expect(b.score).toBeGreaterThanOrEqual(0);
  });

  it("finds a 3-1 bead", () => {
    const en: Sentence[] = [];
    const zh: Sentence[] = [];
    const gold: BeadKey[] = [];
    for (let k = 0; k < 30; k++) {
      const group = k === 8 ? 3 : 1;
      const ps = Array.from({ length: group }, (_, x) => pair(k * 10 + x));
      gold.push({ en: ps.map((_, x) => en.length + x), zh: [zh.length] });
      en.push(...ps.map((p) => p[0]));
      zh.push(s("zh", ps.map((p) => p[1].text).join(" ")));
    }
    const beads = alignWithEvidence(en, zh, res);
    expect(beads.map((b) => `${b.en}:${b.zh}`)).toContain(`${gold[8]!.en}:${gold[8]!.zh}`);
    expect(scoreStrict(beads, gold).f1).toBe(1);
  });

  it("learns word pairs the dictionary lacks from confident beads (model 1, dictionary as prior)", () => {
    const en = [0, 1, 2].map((k) => s("en", `The watershed of the river number ${k} is large.`));
    const zh = [0, 1, 2].map((k) => s("zh", `河 的 分水岭 第 ${k} 很 大 。`));
    const lex = learnModel1(feats("en", en), feats("zh", zh), [0, 1, 2].map((k) => ({ en: [k], zh: [k], score: 0.9 })), dict);
    expect(lex.get("分水岭")).toContain("watersh");
    // The dictionary's pair explains "river", so 河 does not also take "watershed".
    expect(lex.get("河") ?? []).not.toContain("watersh");
  });

  it("model 1 tells a word's translation from the words it merely meets, where co-occurrence counts cannot", () => {
    // 水坝 and 水闸 each meet "dam" and "sluice" equally often in some beads, but only the
    // sentences where one occurs alone decide which is which.
    const pairs: Array<[string, string]> = [
      ["The dam and the sluice.", "水坝 和 水闸 。"],
      ["The dam and the sluice again.", "水坝 和 水闸 又 。"],
      ["A dam.", "一个 水坝 。"],
      ["A big dam.", "一个 大 水坝 。"],
      ["A sluice.", "一个 水闸 。"],
      ["A small sluice.", "一个 小 水闸 。"],
    ];
    const en = pairs.map((p) => s("en", p[0]));
    const zh = pairs.map((p) => s("zh", p[1]));
    const beads = pairs.map((_, k) => ({ en: [k], zh: [k], score: 0.9 }));
    const lex = learnModel1(feats("en", en), feats("zh", zh), beads, dict, { ...DEFAULT_EVIDENCE.model1, minProb: 0.5 });
    expect(lex.get("水坝")).toEqual(["dam"]);
    expect(lex.get("水闸")).toEqual(["sluic"]);
  });

  it("model 1 learns only from two-sided beads that are confident and small enough", () => {
    const en = [0, 1, 2].map((k) => s("en", `The watershed of the river number ${k} is large.`));
    const zh = [0, 1, 2].map((k) => s("zh", `河 的 分水岭 第 ${k} 很 大 。`));
    expect(learnModel1(feats("en", en), feats("zh", zh), [0, 1, 2].map((k) => ({ en: [k], zh: [k], score: 0.1 })), dict).size).toBe(0);
    expect(learnModel1(feats("en", en), feats("zh", zh), [{ en: [0, 1, 2], zh: [0, 1, 2], score: 0.9 }], dict).size).toBe(0);
  });

  it("puts every sentence in exactly one bead, in order", () => {
    const en = Array.from({ length: 30 }, (_, k) => pair(k)[0]);
    const zh = Array.from({ length: 25 }, (_, k) => pair(k)[1]);
    const beads = alignWithEvidence(en, zh, res);
    expect(beads.flatMap((b) => b.en)).toEqual(en.map((_, i) => i));
    expect(beads.flatMap((b) => b.zh)).toEqual(zh.map((_, j) => j));
  });

  it("scores right beads higher than beads it had to guess", () => {
    // 30 clean pairs, then 4 English sentences against 2 Chinese ones that share no word with them.
    const en = Array.from({ length: 30 }, (_, k) => pair(k)[0]);
    const zh = Array.from({ length: 30 }, (_, k) => pair(k)[1]);
    en.push(...["Nobody answered.", "The wind rose.", "It was late.", "Night fell."].map((t) => s("en", t)));
    zh.push(s("zh", "无人 应答 。"), s("zh", "夜深 了 。"));
    const { beads, evidence } = alignDetailed(en, zh, res);
    expect(evidence).toHaveLength(beads.length);
    // The last clean pair may take the stray sentences after it: judge the 29 before it.
    const clean = beads.filter((b) => b.en.length && b.en[b.en.length - 1]! < 29).map((b) => b.score);
    const guessed = beads.filter((b) => b.en.length && b.en[b.en.length - 1]! >= 30).map((b) => b.score);
    expect(clean).toHaveLength(29);
    expect(Math.min(...clean)).toBeGreaterThan(0.9);
    expect(Math.max(...guessed)).toBeLessThan(Math.min(...clean));
    for (const e of evidence) expect(e.posterior).toBeGreaterThan(0);
  });
});
