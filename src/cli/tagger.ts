import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import { loadJieba } from "../terms/zh/jieba.js";
import { jiebaOptions } from "./resources.js";

/**
 * The thread that holds the process's only jieba (about 250 MB and 1 s to load, so one copy,
 * not one per worker). It answers tagging requests on the ports it is handed: `{ id, texts }`
 * gets `{ id, tokens }` (or `{ id, error }`), in the order asked.
 */
const dir = (workerData as { glossaryDir?: string }).glossaryDir;
const zh = loadJieba(dir ? jiebaOptions(dir) : {});

function serve(port: MessagePort): void {
  port.on("message", (m: { id: number; texts: string[] }) => {
    try {
      port.postMessage({ id: m.id, tokens: m.texts.map((t) => zh.tag(t)) });
    } catch (e) {
      port.postMessage({ id: m.id, error: (e as Error)?.message ?? String(e) });
    }
  });
}

parentPort!.on("message", (m: { port: MessagePort }) => serve(m.port));
