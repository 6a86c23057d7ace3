import { describe, expect, it } from "vitest";
import { splitChinese, splitEnglish } from "../../src/segment/index.js";
import { EN_CASES, ZH_CASES } from "./cases.js";
import { para } from "./helpers.js";

const en = (text: string): string[] => splitEnglish(para("en", text), 0).map((s) => s.text);
const zh = (text: string): string[] => splitChinese(para("zh", text), 0).map((s) => s.text);

describe("English hard cases, per class", () => {
  it.each(EN_CASES)("%s", (_, text, expected) => {
    expect(en(text)).toEqual(expected);
  });
});

describe("Chinese hard cases, per class", () => {
  it.each(ZH_CASES)("%s", (_, text, expected) => {
    expect(zh(text)).toEqual(expected);
  });
});
