import { Worker } from "node:worker_threads";
import { TermbridgeError, type AlignedDoc, type DocMentions } from "../model/index.js";
import type { Input, Resources } from "../pipeline.js";
import { analyseInput } from "../pipeline.js";
import { loadInput, type InputRef, type InputSpec } from "./inputs.js";

/** One document's result, in the order of the inputs. */
export interface Processed {
  kind: Input["kind"];
  aligned: AlignedDoc;
  mentions: DocMentions | undefined;
}

/** Reads and analyses one document: what the main thread or a worker does with it. */
export function processInput(spec: InputSpec, res: Resources): Processed {
  const input = loadInput(spec);
  return { kind: input.kind, ...analyseInput(input, res) };
}

type Reply = { index: number; kind: Input["kind"]; aligned: AlignedDoc; mentions: DocMentions } | { index: number; error: { code?: string; message?: string; file?: string; line?: number; hint?: string; internal?: string } };

function toError(e: Extract<Reply, { error: unknown }>["error"]): Error {
  if (e.internal !== undefined) return new Error(e.internal);
  return new TermbridgeError({ code: e.code as never, message: e.message ?? "", file: e.file ?? "", ...(e.line ? { line: e.line } : {}), ...(e.hint ? { hint: e.hint } : {}) });
}

/**
 * Processes documents on `jobs` worker threads, each with its own jieba and compromise (loaded
 * once), or on the main thread when `jobs` is 1 (or there is one document). The main thread of
 * a pool only collects: it needs no jieba, and never keeps a worker waiting. Results are handed
 * to `take` strictly in input order, so the output does not depend on the number of threads;
 * at most a few documents are held while an earlier one is still being worked on.
 */
export async function processAll(refs: readonly InputRef[], jobs: number, res: Resources, workerData: { glossaryDir?: string }, take: (p: Processed) => void): Promise<void> {
  const local = (ref: InputRef): Processed => processInput(ref.spec, res);
  const workers = jobs > 1 && refs.length > 1 ? Math.min(jobs, refs.length) : 0;
  if (workers === 0) {
    for (const ref of refs) take(local(ref));
    return;
  }
  const done = new Map<number, Processed | Error>();
  let next = 0;
  let emitted = 0;
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const url = new URL("./worker.js", import.meta.url);
  const pool = Array.from({ length: workers }, () => new Worker(url, { workerData }));
  const idle: Worker[] = [];
  const failed: Error[] = [];
  for (const w of pool) {
    w.on("message", (m: Reply | { ready: true }) => {
      if ("ready" in m) idle.push(w);
      else {
        done.set(m.index, "error" in m ? toError(m.error) : { kind: m.kind, aligned: m.aligned, mentions: m.mentions });
        idle.push(w);
      }
      notify();
    });
    w.on("error", (e) => {
      failed.push(e);
      notify();
    });
  }
  const drain = () => {
    while (done.has(emitted)) {
      const r = done.get(emitted)!;
      done.delete(emitted);
      if (r instanceof Error) throw r;
      take(r);
      emitted++;
    }
  };
  // Workers may run ahead of the document the output is waiting for, but not without bound.
  const ahead = workers * 8;
  try {
    while (emitted < refs.length) {
      if (failed.length) throw failed[0];
      while (idle.length && next < refs.length && next - emitted < ahead) {
        const index = next++;
        idle.pop()!.postMessage({ index, spec: refs[index]!.spec });
      }
      if (!done.has(emitted)) await new Promise<void>((r) => (wake = r));
      drain();
    }
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
