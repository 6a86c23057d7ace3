import { mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createSentenceEncoder, readTokenizer } from "../../src/align/embeddings.js";
import { alignDetailed } from "../../src/align/evidence.js";
import { buildDictionary } from "../../src/lexicon/dictionary.js";
import { TermbridgeError, type Lang, type Sentence } from "../../src/model/index.js";
import { tinyModel, tinyTokenizer } from "./tiny-model.js";

const ort = ((): boolean => {
  try {
    createRequire(import.meta.url).resolve("onnxruntime-node");
    return true;
  } catch {
    return false;
  }
})();
if (!ort) console.warn("embeddings.test.ts skipped: onnxruntime-node is not installed (ONNXRUNTIME_NODE_INSTALL=skip npm install)");

/**
 * Word i and its translation share row i of the table: a one-hot "meaning" per pair, so a
 * sentence and its translation embed alike and unrelated sentences do not.
 */
const PAIRS: Array<[string, string]> = [
  ["river", "河"], ["dam", "坝"], ["city", "城"], ["farm", "田"], ["school", "校"], ["road", "路"], ["bridge", "桥"], ["forest", "林"],
];
const WORDS = [...PAIRS.map((p) => p[0]), ...PAIRS.map((p) => p[1]), "##s"];
const DIM = PAIRS.length;
const row = (k: number): number[] => Array.from({ length: DIM }, (_, d) => (d === k ? 1 : 0));
// Rows: [PAD] [UNK] [CLS] [SEP] (zero: they carry no meaning), then English words, Chinese words, "##s".
const TABLE = [row(-1), row(-1), row(-1), row(-1), ...PAIRS.map((_, k) => row(k)), ...PAIRS.map((_, k) => row(k)), row(-1)];
const tokenizer = readTokenizer(tinyTokenizer(WORDS), "tokenizer.json");

describe("the WordPiece tokenizer of a tokenizer.json", () => {
  it("lower-cases, splits punctuation and Chinese characters, adds [CLS] and [SEP], marks unknown words", () => {
    const id = (w: string): number => 4 + WORDS.indexOf(w);
    expect(tokenizer.encode("River, Dams!")).toEqual([2, id("river"), 1, id("dam"), id("##s"), 1, 3]);
    expect(tokenizer.encode("河坝")).toEqual([2, id("河"), id("坝"), 3]);
    expect(tokenizer.encode("lake")).toEqual([2, 1, 3]);
  });

  it("refuses a tokenizer that is not WordPiece or not JSON, naming the file", () => {
    const bpe = JSON.stringify({ model: { type: "BPE", vocab: {}, merges: [] } });
    expect(() => readTokenizer(bpe, "tok.json")).toThrow(/tokenizer's model is BPE, not WordPiece/);
    expect(() => readTokenizer("{", "tok.json")).toThrow(TermbridgeError);
  });
});

describe.skipIf(!ort)("sentence embeddings from an ONNX model (onnxruntime-node)", () => {
  it("gives unit vectors, mean-pooled over the sentence's tokens (padding left out)", async () => {
    const encode = await createSentenceEncoder(tinyModel(TABLE), "tiny.onnx", tokenizer);
    // The short sentence is padded in the batch; its vector must not change.
    const [a, b, c, alone] = [...(await encode(["river dam", "河坝", "city city city school road bridge", "river dam"])), ...(await encode(["river dam"]))];
    const cos = (x: Float32Array, y: Float32Array): number => x.reduce((s, v, d) => s + v * y[d]!, 0);
    expect(cos(a!, a!)).toBeCloseTo(1, 5);
    expect(cos(a!, b!)).toBeCloseTo(1, 5);
    expect(cos(a!, c!)).toBeCloseTo(0, 5);
    expect(Array.from(alone!)).toEqual(Array.from(a!));
  });

  it("reads a model whose output is already one vector per sentence (ReduceMean in the graph)", async () => {
    const encode = await createSentenceEncoder(tinyModel(TABLE, true), "pooled.onnx", tokenizer);
    const [v] = await encode(["river"]);
    expect(v!.length).toBe(DIM);
    expect(Math.hypot(...v!)).toBeCloseTo(1, 5);
  });

  it("refuses bytes that are not an ONNX model with one line naming the file", async () => {
    const err = await createSentenceEncoder(new TextEncoder().encode("not a model"), "broken.onnx", tokenizer).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TermbridgeError);
    expect((err as TermbridgeError).file).toBe("broken.onnx");
    expect((err as Error).message).toMatch(/^not an ONNX model/);
    expect((err as Error).message).not.toMatch(/\n/);
  });

  it("is one more piece of evidence: translations score higher, and swapped sentences become 2-2 beads", async () => {
    // Words the dictionary does not know and sentences of equal length: without embeddings, every pairing looks alike.
    const s = (lang: Lang, text: string, k: number): Sentence => ({ doc: "d", lang, text, start: k, end: k + 1, line: k + 1, paragraph: 0 });
    const enTexts = ["river dam.", "city farm.", "school road.", "bridge forest."];
    const res = { cut: (t: string): string[] => [...t], dict: buildDictionary([]) };
    const encode = await createSentenceEncoder(tinyModel(TABLE), "tiny.onnx", tokenizer);
    const en = enTexts.map((t, k) => s("en", t, k));
    const align = async (zhTexts: string[], neural: boolean): Promise<Array<{ key: string; score: number }>> => {
      const zh = zhTexts.map((t, k) => s("zh", t, k));
      const vectors = { en: await encode(enTexts), zh: await encode(zhTexts) };
      return alignDetailed(en, zh, neural ? { ...res, vectors } : res).beads.map((b) => ({ key: `${b.en}:${b.zh}`, score: b.score }));
    };
    const right = ["河坝。", "城田。", "校路。", "桥林。"];
    const plain = await align(right, false);
    const neural = await align(right, true);
    expect(neural.map((b) => b.key)).toEqual(["0:0", "1:1", "2:2", "3:3"]);
    neural.forEach((b, k) => expect(b.score).toBeGreaterThan(plain[k]!.score));
    // The translator swapped each pair of sentences: a monotone alignment can only merge them.
    const swapped = ["城田。", "河坝。", "桥林。", "校路。"];
    expect((await align(swapped, false)).map((b) => b.key)).toEqual(["0:0", "1:1", "2:2", "3:3"]);
    expect((await align(swapped, true)).map((b) => b.key)).toEqual(["0,1:0,1", "2,3:2,3"]);
  });
});

describe.skipIf(!ort)("termbridge align --embeddings", () => {
  it("aligns with a model and tokenizer from files, and says in one line what is wrong with a bad one", async () => {
    const { runCli } = await import("../cli/inprocess.js");
    const dir = mkdtempSync(join(tmpdir(), "termbridge-emb-"));
    writeFileSync(join(dir, "m.onnx"), tinyModel(TABLE));
    writeFileSync(join(dir, "t.json"), tinyTokenizer(WORDS));
    writeFileSync(join(dir, "bad.onnx"), "not a model");
    writeFileSync(join(dir, "en.txt"), "river dam.\ncity farm.\n");
    writeFileSync(join(dir, "zh.txt"), "河坝。\n城田。\n");
    const base = ["align", "--en", join(dir, "en.txt"), "--zh", join(dir, "zh.txt"), "--presplit"];
    const ok = await runCli(...base, "--embeddings", join(dir, "m.onnx"), "--tokenizer", join(dir, "t.json"));
    expect(ok.stderr).toBe("");
    expect(ok.stdout).toBe("[0]:[0]\n[1]:[1]\n");
    const bad = await runCli(...base, "--embeddings", join(dir, "bad.onnx"), "--tokenizer", join(dir, "t.json"));
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/^termbridge: .*bad\.onnx: not an ONNX model .* — give a sentence-embedding model exported to ONNX\n$/);
    const half = await runCli(...base, "--embeddings", join(dir, "m.onnx"));
    expect(half.stderr).toMatch(/--embeddings and --tokenizer go together/);
    const missing = await runCli(...base, "--embeddings", join(dir, "none.onnx"), "--tokenizer", join(dir, "t.json"));
    expect(missing.stderr).toMatch(/none\.onnx: no such file/);
  }, 60_000);
});
