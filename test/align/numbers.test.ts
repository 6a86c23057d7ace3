import { describe, expect, it } from "vitest";
import { chineseNumbers, englishNumbers, numberOverlap } from "../../src/align/numbers.js";
import { parseChineseNumeral } from "../../src/lexicon/numerals.js";

describe("number normalisation", () => {
  it.each([
    ["Trade reached US$240 billion last year.", ["240000000000"]],
    ["It marks the 75th anniversary.", ["75"]],
    ["Water use fell by 15 percent, or 1,200 tonnes.", ["15", "1200"]],
    ["On March 7, 2024, the meeting opened.", ["7", "2024", "3"]],
    ["He made four visits and held 100 meetings.", ["100", "4"]],
    ["It costs 1.5 million yuan.", ["1500000"]],
  ])("English %s", (text, expected) => {
    expect(englishNumbers(text).sort()).toEqual([...expected].sort());
  });

  it.each([
    ["去年双方贸易额达到2400亿美元。", ["240000000000"]],
    ["今年是建交75周年。", ["75"]],
    ["用水量下降了百分之十五。", ["15"]],
    ["2024年3月7日举行记者会。", ["2024", "3", "7"]],
    ["开展四次重要出访，举行百余场会见。", ["4", "100"]],
    ["十四届全国人大二次会议", ["14", "2"]],
    ["我们将与一个国家合作。", []],
    ["投资１２亿元。", ["1200000000"]],
  ])("Chinese %s", (text, expected) => {
    expect(chineseNumbers(text).sort()).toEqual([...expected].sort());
  });

  it.each([
    ["七十五", 75],
    ["二千四百", 2400],
    ["十", 10],
    ["三万五千", 35000],
    ["两亿", 2e8],
  ])("parseChineseNumeral(%s) = %d", (s, v) => {
    expect(parseChineseNumeral(s)).toBe(v);
  });

  it("overlap is Dice on multisets, undefined without numbers", () => {
    expect(numberOverlap(["75"], ["75"])).toBe(1);
    expect(numberOverlap(["75", "2024"], ["75"])).toBeCloseTo(2 / 3);
    expect(numberOverlap([], [])).toBeUndefined();
    expect(numberOverlap(["3"], [])).toBe(0);
  });
});

describe("number lookups keyed by input text (regression: a plain object map crashed on 'constructor')", () => {
  it.each(["The constructor of the bridge", "toString valueOf hasOwnProperty __proto__ constructor", "Constructor million"])("English %s states no number", (text) => {
    expect(englishNumbers(text)).toEqual([]);
  });
  it("a Chinese numeral run never reads inherited properties", () => {
    expect(parseChineseNumeral("七十五")).toBe(75);
    expect(chineseNumbers("constructor 十四")).toEqual(["14"]);
  });
});
