import { describe, expect, it } from "vitest";
import { englishStems, stem } from "../../src/lexicon/stem.js";

describe("stem", () => {
  it.each([
    ["labour", "labor"],
    ["Centre", "center"],
    ["theatres", "theaters"],
    ["organisation", "organization"],
    ["organised", "organized"],
    ["programme", "program"],
    ["defence", "defense"],
    ["telephone", "phone"],
    ["aeroplane", "plane"],
    ["said", "say"],
  ])("%s stems as %s", (a, b) => {
    expect(stem(a)).toBe(stem(b));
  });

  it.each([
    ["four", "for"],
    ["tour", "tor"],
    ["metre", "meet"],
  ])("leaves short look-alikes apart: %s ≠ %s", (a, b) => {
    expect(stem(a)).not.toBe(stem(b));
  });

  it("reads a gloss's content words the same way as a sentence's", () => {
    expect(englishStems("mobile telephone (colour screen)")).toEqual(["mobil", stem("phone"), stem("color"), "screen"]);
  });
});
