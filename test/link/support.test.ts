import { describe, expect, it } from "vitest";
import { DictionarySupport } from "../../src/link/dictionary.js";
import { llr, logDice } from "../../src/link/measures.js";
import { dict } from "./dict.js";

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
