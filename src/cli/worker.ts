import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import type { InputSpec } from "./inputs.js";
import { processInputWith, toWire } from "./pool.js";
import { resources } from "./resources.js";
import { TagClient } from "./tagclient.js";
import { heapKeeper } from "./heap.js";
import { correctionsFor } from "./corrections.js";
import { encodePartial } from "../corpus/partial.js";
import { enTextMentions } from "../terms/index.js";
import { help, SharedParse, SHARE_CHUNK, SHARE_FROM, type ChunkAnswer, type ShareTask } from "./share.js";

/**
 * A worker thread of `run --jobs N`: loads compromise and CC-CEDICT once, then reads, aligns
 * and finds the term mentions of the documents it is sent, one at a time, its Chinese tagged
 * by the tagging thread through the port it was given; it sends back each document's partial
 * (counted here, so counting runs beside the other workers). The English of a long document is
 * offered to the other workers in chunks (`share.ts`); an idle worker is sent such a task to help.
 */
const data = workerData as { glossaryDir?: string; port: MessagePort; shareFrom?: number; shareChunk?: number };
const port = parentPort!;
const tagger = new TagClient(data.port);
const res = await resources(data.glossaryDir, { idf: false, jieba: false });
// The same fixes the main thread read: documents are counted after them.
const corrections = data.glossaryDir ? correctionsFor(data.glossaryDir) : undefined;
// A worker keeps little between documents: 64 MB of garbage is plenty before collecting.
const keep = heapKeeper(64);
const parse = (texts: string[]) => enTextMentions(texts, res.enTagger!);
const shared = new SharedParse(parse, (task) => port.postMessage({ share: task }), { from: data.shareFrom ?? SHARE_FROM, chunk: data.shareChunk ?? SHARE_CHUNK });
const helpers = { tagZh: (texts: string[]) => tagger.tag(texts), enMentions: (texts: string[]) => shared.mentions(texts) };

type Message = { index: number; spec: InputSpec } | { help: ShareTask } | { chunk: ChunkAnswer };

port.on("message", async (m: Message) => {
  if ("chunk" in m) return shared.answer(m.chunk);
  if ("help" in m) {
    const parsed = help(m.help, parse, (a) => port.postMessage({ helped: a }));
    return port.postMessage({ ready: true, parsed });
  }
  try {
    const partial = encodePartial(await processInputWith(m.spec, res, helpers, m.index, corrections));
    port.postMessage({ index: m.index, partial });
    keep();
  } catch (e) {
    port.postMessage({ index: m.index, error: toWire(e) });
  }
});
port.postMessage({ ready: true });
