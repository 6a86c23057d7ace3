import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { VERSION } from "../src/version.js";
import { DEFAULT_OPTIONS, resolveOptions } from "../src/options.js";

it("VERSION equals package.json's version", () => {
  const pkg = JSON.parse(readFileSync(join(__dirname, "../package.json"), "utf8")) as { version: string };
  expect(VERSION).toBe(pkg.version);
});

it.each([
  [{ srcLang: "zh_CN" }, /uses "_"/],
  [{ tgtLang: "fr-FR" }, /is not Chinese/],
  [{ srcLang: "de-DE" }, /neither English nor Chinese/],
  [{ minScore: 2 }, /outside \[0, 1\]/],
  [{ colour: "red" } as object, /unknown option "colour"/],
])("resolveOptions rejects %j", (o, msg) => {
  expect(() => resolveOptions(o)).toThrow(msg);
});

it("resolveOptions fills defaults and accepts Chinese as source", () => {
  expect(resolveOptions({}).srcLang).toBe(DEFAULT_OPTIONS.srcLang);
  expect(resolveOptions({ srcLang: "zh-Hans", tgtLang: "en-GB" })).toMatchObject({ srcLang: "zh-Hans", tgtLang: "en-GB" });
});
