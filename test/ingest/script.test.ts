import { describe, expect, it } from "vitest";
import { isNoise } from "../../src/ingest/noise.js";
import { classify, isCjk } from "../../src/ingest/script.js";

describe("script classification", () => {
  it.each([
    ["The tide rose overnight.", "en"],
    ["潮水在夜间上涨。", "zh"],
    // a Chinese paragraph with Latin names, acronyms and numbers
    ["中国—东盟(ASEAN)港口合作论坛于2025年在Portmore举行。", "zh"],
    ["我们欢迎Maersk、COSCO和CMA CGM等航运公司参与。", "zh"],
    // an English paragraph quoting a Chinese name
    ["Chen Lu (陈路) met the press at the harbour.", "en"],
    ["The word 港口 means harbour.", "en"],
    ["12", undefined],
    ["- 3 -", undefined],
    ["。", undefined],
    ["* * *", undefined],
  ])("%j → %s", (text, lang) => {
    expect(classify(text)).toBe(lang);
  });

  it.each([
    ["港", true],
    ["。", true],
    ["（", true],
    ["a", false],
    ["’", false],
    ["“", false],
    [undefined, false],
  ])("isCjk(%j) → %s", (ch, yes) => {
    expect(isCjk(ch)).toBe(yes);
  });
});

describe("noise", () => {
  it.each([
    ["12", true],
    ["- 3 -", true],
    ["— 14 —", true],
    ["Page 3 of 10", true],
    ["page 7", true],
    ["3/10", true],
    ["第 3 页", true],
    ["第3页 共10页", true],
    ["***", true],
    ["……", true],
    ["12 ships docked.", false],
    ["2025年", false],
    ["Page after page of reports.", false],
  ])("%j → %s", (text, noise) => {
    expect(isNoise(text)).toBe(noise);
  });
});
