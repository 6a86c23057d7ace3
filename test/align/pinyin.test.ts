import { describe, expect, it } from "vitest";
import { buildDictionary } from "../../src/lexicon/dictionary.js";
import { enFeatures, PairwiseLexicon, zhFeatures } from "../../src/align/lexical.js";
import { buildReadings, nameRomanisations } from "../../src/lexicon/pinyin.js";

const rows: Array<[string, string, string, string | string[], unknown[], unknown[]]> = [
  ["王", "王", "Wang2", "surname Wang", [], []],
  ["王", "王", "wang2", ["king"], [], []],
  ["毅", "毅", "yi4", ["firm and resolute"], [], []],
  ["祥", "祥", "xiang2", ["auspicious"], [], []],
  ["子", "子", "zi3", ["son"], [], []],
  ["吕", "呂", "Lu:3", "surname Lü", [], []],
  ["呂", "吕", "Lu:3", "surname Lü", [], []],
  ["同", "同", "tong2", ["same"], [], []],
  ["意", "意", "yi4", ["idea"], [], []],
  ["会见", "会见", "hui4 jian4", ["to meet with"], [], []],
  ["记者", "记者", "ji4 zhe3", ["reporter"], [], []],
];
const dict = buildDictionary(rows as never);
const cut = (t: string): string[] => t.split(/\s+/).filter(Boolean);

describe("pinyin name evidence", () => {
  it("reads toneless syllables of single characters, both spellings of ü", () => {
    const r = buildReadings(rows as never);
    expect(r.get("王")).toEqual(["wang"]);
    expect(r.get("吕")).toEqual(["lu", "lv"]);
    expect(r.get("会见")).toBeUndefined();
  });

  it.each([
    ["王毅", ["wang yi", "wangyi"]],
    ["祥子", ["xiang zi", "xiangzi"]],
  ])("romanises %s", (word, forms) => {
    expect(nameRomanisations(word, dict.readings!)).toEqual(expect.arrayContaining(forms));
  });

  it("gives up on one character and on characters without a reading", () => {
    expect(nameRomanisations("王", dict.readings!)).toBeUndefined();
    expect(nameRomanisations("王某", dict.readings!)).toBeUndefined();
  });

  it("lets an unknown Chinese name meet its capitalised English spelling, and nothing else", () => {
    const en = [enFeatures("Wang Yi meets the reporters."), enFeatures("The reporters meet Li Qiang.")];
    const zh = [zhFeatures("王毅 会见 记者", cut, dict)];
    expect(zh[0]!.unknown).toBe(1);
    const lex = new PairwiseLexicon(en, zh);
    expect(lex.similarity(0, 1, 0, 1)!).toBeGreaterThan(lex.similarity(1, 2, 0, 1)!);
    // The name word (weight 0.5 as unknown) is fully covered by "Wang Yi".
    expect(lex.coverage(0, 1, 0, 1, 0)[1]).toBe(1);
  });

  it("does not take lower-case English words for names", () => {
    expect(enFeatures("the wang yi").names).toEqual([]);
  });
});
