import { parentPort, workerData } from "node:worker_threads";
import { TermbridgeError } from "../model/index.js";
import type { InputSpec } from "./inputs.js";
import { processInput } from "./pool.js";
import { resources } from "./resources.js";

/**
 * A worker thread of `run --jobs N`: loads jieba, CC-CEDICT and compromise once, then reads,
 * aligns and finds the term mentions of the documents it is sent, one at a time.
 */
const port = parentPort!;
const res = await resources((workerData as { glossaryDir?: string }).glossaryDir, { idf: false });

port.on("message", (m: { index: number; spec: InputSpec }) => {
  try {
    port.postMessage({ index: m.index, ...processInput(m.spec, res) });
  } catch (e) {
    const err = e instanceof TermbridgeError ? { code: e.code, message: e.message, file: e.file ?? "", line: e.line, hint: e.hint } : { internal: (e as Error)?.message ?? String(e) };
    port.postMessage({ index: m.index, error: err });
  }
});
port.postMessage({ ready: true });
