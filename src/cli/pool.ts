import { Worker } from "node:worker_threads";
import { TermbridgeError, type AlignedDoc, type DocMentions } from "../model/index.js";
import type { Input, Resources, ZhTokens } from "../pipeline.js";
import { analyseInput, analyseInputWith } from "../pipeline.js";
import { loadInput, type InputRef, type InputSpec } from "./inputs.js";
import { TaggerThread } from "./tagclient.js";

/** One document's result, in the order of the inputs. */
export interface Processed {
  kind: Input["kind"];
  aligned: AlignedDoc;
  mentions: DocMentions | undefined;
}

/** Reads and analyses one document in this thread, jieba included. */
export function processInput(spec: InputSpec, res: Resources): Processed {
  const input = loadInput(spec);
  return { kind: input.kind, ...analyseInput(input, res) };
}

/** Reads and analyses one document, its Chinese tagged by the tagging thread. */
export async function processInputWith(spec: InputSpec, res: Resources, tag: (texts: string[]) => Promise<ZhTokens>): Promise<Processed> {
  const input = loadInput(spec);
  return { kind: input.kind, ...(await analyseInputWith(input, res, tag)) };
}

type Reply = { index: number; kind: Input["kind"]; aligned: AlignedDoc; mentions: DocMentions } | { index: number; error: { code?: string; message?: string; file?: string; line?: number; hint?: string; internal?: string } };

function toError(e: Extract<Reply, { error: unknown }>["error"]): Error {
  if (e.internal !== undefined) return new Error(e.internal);
  return new TermbridgeError({ code: e.code as never, message: e.message ?? "", file: e.file ?? "", ...(e.line ? { line: e.line } : {}), ...(e.hint ? { hint: e.hint } : {}) });
}

/**
 * What the main thread loads itself: everything (one thread), everything but jieba (one
 * document, tagged by the tagging thread), or only what linking needs (workers do the documents).
 */
export type MainShare = "all" | "no-jieba" | "link";

/**
 * The threads of a run. With `jobs` 1 the main thread does everything. Otherwise one thread
 * holds the process's only jieba and tags Chinese for the others, and up to `jobs` workers
 * (compromise and CC-CEDICT loaded once each) read, align and find mentions, overlapping
 * their English parse with the Chinese tagging; the main thread only collects and links. A
 * single document is analysed by the main thread itself, while jieba loads beside it.
 * Threads start when the pool is made, so that their loading overlaps the main thread's.
 */
export class Pool {
  readonly share: MainShare;
  private readonly tagger: TaggerThread | undefined;
  private readonly workers: Worker[] = [];

  constructor(private readonly refs: readonly InputRef[], jobs: number, workerData: { glossaryDir?: string }) {
    if (jobs <= 1 || refs.length === 0) {
      this.share = "all";
      this.tagger = undefined;
      return;
    }
    this.tagger = new TaggerThread(workerData.glossaryDir);
    this.share = refs.length === 1 ? "no-jieba" : "link";
    if (this.share === "link") {
      const url = new URL("./worker.js", import.meta.url);
      for (let k = 0; k < Math.min(jobs, refs.length); k++) {
        const port = this.tagger.port();
        this.workers.push(new Worker(url, { workerData: { ...workerData, port }, transferList: [port] }));
      }
    }
  }

  /**
   * Processes every document and hands the results to `take` strictly in input order, so
   * the output does not depend on the number of threads; at most a few documents are held
   * while an earlier one is still being worked on. `res` is what the main thread loaded for its share.
   * The threads are stopped as soon as the documents are done, so that linking does not run beside
   * their memory (the maker still calls `close()`, for a run that fails before this).
   */
  async run(res: Resources, take: (p: Processed) => void): Promise<void> {
    try {
      if (this.share === "all") for (const ref of this.refs) take(processInput(ref.spec, res));
      else if (this.share === "no-jieba") {
        const client = this.tagger!.client();
        for (const ref of this.refs) take(await processInputWith(ref.spec, res, (texts) => client.tag(texts)));
      } else await this.distribute(take);
    } finally {
      await this.close();
    }
  }

  private async distribute(take: (p: Processed) => void): Promise<void> {
    const { refs, workers } = this;
    const done = new Map<number, Processed | Error>();
    let next = 0;
    let emitted = 0;
    let wake: (() => void) | undefined;
    const notify = () => {
      const w = wake;
      wake = undefined;
      w?.();
    };
    const idle: Worker[] = [];
    const failed: Error[] = [];
    this.tagger!.onFailure((e) => {
      failed.push(e);
      notify();
    });
    for (const w of workers) {
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
    const ahead = workers.length * 8;
    while (emitted < refs.length) {
      if (failed.length) throw failed[0];
      while (idle.length && next < refs.length && next - emitted < ahead) {
        const index = next++;
        idle.pop()!.postMessage({ index, spec: refs[index]!.spec });
      }
      if (!done.has(emitted)) await new Promise<void>((r) => (wake = r));
      drain();
    }
  }

  /** Stops every thread (also when the run failed). */
  async close(): Promise<void> {
    await Promise.all([...this.workers.map((w) => w.terminate()), this.tagger?.close()]);
  }
}
