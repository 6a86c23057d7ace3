import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it, vi } from "vitest";
import { runCli } from "../cli/inprocess.js";

// Counts imports of onnxruntime-node, wherever they come from (the compiled CLI included).
const loaded = vi.hoisted(() => ({ n: 0 }));
vi.mock("onnxruntime-node", () => {
  loaded.n++;
  return {};
});

it("imports onnxruntime-node only when --embeddings is given", async () => {
  const dir = mkdtempSync(join(tmpdir(), "termbridge-lazy-"));
  writeFileSync(join(dir, "en.txt"), "The river is wide.\nThe dam is high.\n");
  writeFileSync(join(dir, "zh.txt"), "河很宽。\n大坝很高。\n");
  writeFileSync(join(dir, "m.onnx"), "unused");
  writeFileSync(join(dir, "t.json"), JSON.stringify({ model: { type: "WordPiece", unk_token: "[UNK]", vocab: { "[UNK]": 0 } } }));
  const base = ["align", "--en", join(dir, "en.txt"), "--zh", join(dir, "zh.txt"), "--presplit"];
  const plain = await runCli(...base);
  expect(plain.stdout).toBe("[0]:[0]\n[1]:[1]\n");
  expect(loaded.n).toBe(0);
  // The control: with the flag the (mocked, empty) module is imported, and its absence is reported.
  const neural = await runCli(...base, "--embeddings", join(dir, "m.onnx"), "--tokenizer", join(dir, "t.json"));
  expect(loaded.n).toBe(1);
  expect(neural.status).not.toBe(0);
  expect(neural.stderr).toMatch(/m\.onnx: not an ONNX model onnxruntime can load/);
}, 60_000);
