import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import type { InputSpec } from "./inputs.js";
import { processInputWith, toWire } from "./pool.js";
import { resources } from "./resources.js";
import { TagClient } from "./tagclient.js";
import { heapKeeper } from "./heap.js";
import { correctionsFor } from "./corrections.js";
import { encodePartial } from "../corpus/partial.js";

/**
 * A worker thread of `run --jobs N`: loads compromise and CC-CEDICT once, then reads, aligns
 * and finds the term mentions of the documents it is sent, one at a time, its Chinese tagged
 * by the tagging thread through the port it was given; it sends back each document's partial
 * (counted here, so counting runs beside the other workers).
 */
const data = workerData as { glossaryDir?: string; port: MessagePort };
const port = parentPort!;
const tagger = new TagClient(data.port);
const res = await resources(data.glossaryDir, { idf: false, jieba: false });
// The same fixes the main thread read: documents are counted after them.
const corrections = data.glossaryDir ? correctionsFor(data.glossaryDir) : undefined;
// A worker keeps little between documents: 64 MB of garbage is plenty before collecting.
const keep = heapKeeper(64);

port.on("message", async (m: { index: number; spec: InputSpec }) => {
  try {
    const partial = encodePartial(await processInputWith(m.spec, res, (texts) => tagger.tag(texts), m.index, corrections));
    port.postMessage({ index: m.index, partial });
    keep();
  } catch (e) {
    port.postMessage({ index: m.index, error: toWire(e) });
  }
});
port.postMessage({ ready: true });
