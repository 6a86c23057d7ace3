import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as OpenCC from "opencc-js";
import { beforeAll, describe, expect, it } from "vitest";
import { resources } from "../../src/cli/resources.js";
import { detectScript, toSimplified } from "../../src/ingest/zhscript.js";
import { run, type Resources } from "../../src/pipeline.js";

const toTraditional = OpenCC.Converter({ from: "cn", to: "tw" });
const SAMPLE = readFileSync(join(__dirname, "../../examples/ministry-briefing.md"), "utf8");
/** The sample with its Chinese in Traditional (English has nothing to convert). */
const TRADITIONAL = toTraditional(SAMPLE);
const src = (id: string, text: string) => ({ id, path: id, encoding: "utf-8" as const, text });
const NOW = { now: () => new Date("2026-01-01T00:00:00Z") };

describe("detectScript and toSimplified", () => {
  it("tells Simplified, Traditional and a mix, and converts offset for offset", () => {
    expect(detectScript(["水利部举行新闻发布会，发言人说这是重点。"])).toMatchObject({ script: "hans", mixed: false });
    expect(detectScript(["水利部舉行新聞發佈會，發言人說這是重點。"])).toMatchObject({ script: "hant", mixed: false });
    expect(detectScript(["水利部舉行新聞發佈會，發言人說", "这是新闻发布会的重点，我们说"])).toMatchObject({ mixed: true });
    expect(detectScript(["水利"])).toMatchObject({ script: "hans", mixed: false });
    const t = "發言人說，洪水預警系統現在覆蓋兩千個鄉鎮。裏面的綫路";
    expect(toSimplified(t)).toBe("发言人说，洪水预警系统现在覆盖两千个乡镇。里面的线路");
    expect(toSimplified(t)).toHaveLength(t.length);
  });
});

describe("a Traditional document through the whole pipeline", () => {
  let res: Resources;
  beforeAll(async () => {
    res = await resources(mkdtempSync(join(tmpdir(), "tb-hant-")));
  }, 120_000);

  it("is segmented and matched like its Simplified twin, and written in its own characters as zh-TW", () => {
    const hans = run([{ kind: "mixed", src: src("s.md", SAMPLE) }], res, NOW);
    const hant = run([{ kind: "mixed", src: src("t.md", TRADITIONAL) }], res, NOW);
    // The same term pairs, by key: jieba saw the same Simplified text.
    expect(hant.terms.map((t) => t.zhKey)).toEqual(hans.terms.map((t) => t.zhKey));
    expect(hant.terms.length).toBeGreaterThan(10);
    // Written as the document has them: every Chinese term is the Traditional form of its twin.
    hant.terms.forEach((t, k) => expect(t.zh).toBe(toTraditional(hans.terms[k]!.zh)));
    expect(hant.terms.some((t, k) => t.zh !== hans.terms[k]!.zh)).toBe(true);
    expect(hant.termsCsv).toContain("發");
    expect(hant.tmx).toContain('xml:lang="zh-TW"');
    expect(hant.tmx).not.toContain('xml:lang="zh-CN"');
    expect(hant.tmx).toContain("發言人");
    expect(hant.tmxStats.chineseCodes).toEqual(["zh-TW"]);
    expect(hant.report.documents[0]!.diagnostics.map((d) => d.code)).toContain("traditional-chinese");
    expect(hant.report.diagnostics).toBeUndefined();
  }, 120_000);

  it("an explicit --tgt-lang other than the default is kept", () => {
    const r = run([{ kind: "mixed", src: src("t.md", TRADITIONAL) }], res, { ...NOW, tgtLang: "zh-Hant" });
    expect(r.tmxStats.chineseCodes).toEqual(["zh-Hant"]);
  }, 120_000);

  it("a corpus of both scripts says so: two codes in the memory, and terms written both ways", () => {
    const r = run([{ kind: "mixed", src: src("s.md", SAMPLE) }, { kind: "mixed", src: src("t.md", TRADITIONAL) }], res, NOW);
    expect(r.tmxStats.chineseCodes).toEqual(["zh-CN", "zh-TW"]);
    const mixed = r.report.diagnostics ?? [];
    expect(mixed.length).toBeGreaterThan(0);
    expect(mixed[0]).toMatchObject({ code: "mixed-script", message: expect.stringMatching(/written in both Chinese scripts/) });
  }, 120_000);

  it("a TMX labelled zh-HK keeps its code", () => {
    const tmx = `<tmx version="1.4"><header srclang="en-US"/><body><tu><tuv xml:lang="en-US"><seg>The spokesperson spoke.</seg></tuv><tuv xml:lang="zh-HK"><seg>發言人說話了。</seg></tuv></tu></body></tmx>`;
    const r = run([{ kind: "tmx", src: src("m.tmx", tmx) }], res, NOW);
    expect(r.tmx).toContain('<tuv xml:lang="zh-HK">');
  }, 120_000);
});
