import { statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { TermbridgeError } from "../model/index.js";
import type { Helpers, Resources } from "../pipeline.js";
import { analyseInput, analyseInputWith, partialOf } from "../pipeline.js";
import { decodePartial, type CorpusPartial, type PartialWire } from "../corpus/partial.js";
import type { AlignmentCorrection } from "../glossary/corrections.js";
import { loadInput, type InputRef, type InputSpec } from "./inputs.js";
import { TaggerProcess, TaggerThread, ThreadFailure } from "./tagclient.js";
import { unclaimed, type ChunkAnswer, type ShareTask } from "./share.js";

export { ThreadFailure };

/** One document's result: its partial (see `corpus/partial.ts`), handed over in the order of the inputs. */
export type Processed = CorpusPartial;

/** Alignment fixes by document, applied before counting. */
export type Corrections = ReadonlyMap<string, readonly AlignmentCorrection[]> | undefined;

/** Reads and analyses document number `ord` in this thread, jieba included. */
export function processInput(spec: InputSpec, res: Resources, ord: number, corrections: Corrections): Processed {
  const input = loadInput(spec);
  return partialOf(ord, input.kind, analyseInput(input, res), corrections);
}

/** Reads and analyses document number `ord`, its Chinese tagged (and its English maybe parsed in part) by other threads. */
export async function processInputWith(spec: InputSpec, res: Resources, helpers: Helpers, ord: number, corrections: Corrections): Promise<Processed> {
  const input = loadInput(spec);
  return partialOf(ord, input.kind, await analyseInputWith(input, res, helpers), corrections);
}

/** A document's failure as a worker sends it: a TermbridgeError's fields, an internal error's message, or a thread's death. */
export type WireError = { code?: string; message?: string; file?: string; line?: number; hint?: string; internal?: string; fatal?: string };

type Reply = { index: number; partial: PartialWire } | { index: number; error: WireError };
/** What a worker says: a document's result, that it is free (after loading, or after helping), a long parse to share, or a chunk it parsed for another. */
type WorkerMessage = Reply | { ready: true; parsed?: number } | { share: ShareTask } | { helped: ChunkAnswer };

/** A document's failure as a worker sends it. */
export function toWire(e: unknown): WireError {
  if (e instanceof ThreadFailure) return { fatal: e.message };
  if (e instanceof TermbridgeError) return { code: e.code, message: e.message, file: e.file ?? "", ...(e.line !== undefined ? { line: e.line } : {}), ...(e.hint !== undefined ? { hint: e.hint } : {}) };
  return { internal: (e as Error)?.message ?? String(e) };
}

/** The error a worker sent back. */
export function fromWire(e: WireError): Error {
  if (e.fatal !== undefined) return new ThreadFailure(e.fatal);
  if (e.internal !== undefined) return new Error(e.internal);
  return new TermbridgeError({ code: e.code as never, message: e.message ?? "", file: e.file ?? "", ...(e.line ? { line: e.line } : {}), ...(e.hint ? { hint: e.hint } : {}) });
}

/** What stopped a thread, in words a user can act on. */
function threadDeath(what: string, e: Error | number, doc: string | undefined): ThreadFailure {
  const during = doc ? ` while reading ${doc}` : "";
  if (typeof e === "number") return new ThreadFailure(`${what} stopped (exit code ${e})${during}`);
  if ((e as NodeJS.ErrnoException).code === "ERR_WORKER_OUT_OF_MEMORY") return new ThreadFailure(`${what} ran out of memory${during}`);
  return new ThreadFailure(`${what} failed${during}: ${e.message}`);
}

/**
 * What the main thread loads itself: everything (one thread), everything but jieba (one
 * document, tagged by the tagging thread or process), or only what linking needs (workers do the documents).
 */
export type MainShare = "all" | "no-jieba" | "link";

/** Where the pool's threads come from; a test passes threads that die, to check that a run then ends. */
export interface PoolOptions {
  glossaryDir?: string;
  /** The run's alignment fixes (the main thread's; workers read the glossary folder's themselves). */
  corrections?: Corrections;
  workerUrl?: URL;
  taggerUrl?: URL;
  /** Tagging threads (default: see {@link taggerThreads}). */
  taggers?: number;
  /** Size in bytes from which a run's only document is tagged by a process of its own (default {@link TAG_PROCESS_FROM}). */
  tagProcessFrom?: number;
  /** English sentences from which a document's parse is shared among workers, and per chunk (defaults in `share.ts`). */
  shareFrom?: number;
  shareChunk?: number;
}

/**
 * A run's only document from this size (16 MB) is tagged by a process of its own, which exits
 * once the tags are in: jieba's dictionary (about 300 MB that a process never gets back) is gone
 * before the document's spotting, counting and linking, which a large memory needs all the room
 * for. A smaller document is tagged beside its English parse, as it is in a folder.
 */
export const TAG_PROCESS_FROM = 16 * 1024 * 1024;

/**
 * Tagging threads for `jobs` workers on `cores` cores: one (a jieba is about 250 MB), and one more
 * for every two workers beyond two when the cores allow it, so that Chinese tagging does not
 * become the one thread every worker waits for.
 */
export function taggerThreads(jobs: number, cores: number): number {
  return Math.max(1, Math.min(Math.floor(jobs / 2), Math.floor(cores / 2)));
}

/**
 * Told about a document that could not be used (its error), after the documents before it
 * were taken. It decides: return to leave the document out and go on, or throw to stop the run.
 */
export type Refuse = (ref: InputRef, e: Error) => void;

/**
 * The threads of a run. With `jobs` 1 the main thread does everything. Otherwise one thread
 * (more with many workers and cores, see {@link taggerThreads}) holds a jieba and tags Chinese for the others, and up to `jobs` workers
 * (compromise and CC-CEDICT loaded once each) read, align and find mentions, overlapping
 * their English parse with the Chinese tagging; the main thread only collects and links. A
 * single document is analysed by the main thread itself, while jieba loads beside it; a single
 * large one is tagged first by a process of its own, which then exits (see {@link TAG_PROCESS_FROM}).
 * Threads start when the pool is made, so that their loading overlaps the main thread's.
 * A thread that dies ends the run with a {@link ThreadFailure}, never a wait without end.
 */
export class Pool {
  readonly share: MainShare;
  /** The tagging threads; worker k asks thread k mod their number. */
  private readonly taggers: TaggerThread[] = [];
  /** The tagging process of a one-document run. */
  private tagProcess: TaggerProcess | undefined;
  private readonly workers: Worker[] = [];
  private closing = false;
  private readonly corrections: Corrections;
  /** Chunks of long documents' English that workers parsed for another worker's document. */
  helpedChunks = 0;

  constructor(private readonly refs: readonly InputRef[], jobs: number, opts: PoolOptions) {
    this.corrections = opts.corrections;
    if (refs.length === 1 && sizeOf(refs[0]!.spec) >= (opts.tagProcessFrom ?? TAG_PROCESS_FROM)) {
      this.share = "no-jieba";
      this.tagProcess = new TaggerProcess(opts.glossaryDir, opts.taggerUrl);
      return;
    }
    if (jobs <= 1 || refs.length === 0) {
      this.share = "all";
      return;
    }
    this.share = refs.length === 1 ? "no-jieba" : "link";
    const workers = this.share === "link" ? Math.min(jobs, refs.length) : 0;
    const taggers = opts.taggers ?? taggerThreads(workers, availableParallelism());
    for (let k = 0; k < taggers; k++) this.taggers.push(new TaggerThread(opts.glossaryDir, opts.taggerUrl));
    if (this.share === "link") {
      const url = opts.workerUrl ?? new URL("./worker.js", import.meta.url);
      const workerData = { ...(opts.glossaryDir ? { glossaryDir: opts.glossaryDir } : {}), ...(opts.shareFrom !== undefined ? { shareFrom: opts.shareFrom } : {}), ...(opts.shareChunk !== undefined ? { shareChunk: opts.shareChunk } : {}) };
      for (let k = 0; k < workers; k++) {
        const port = this.taggers[k % taggers]!.port();
        this.workers.push(new Worker(url, { workerData: { ...workerData, port }, transferList: [port] }));
      }
    }
  }

  /**
   * Processes every document and hands the results to `take` strictly in input order, so
   * the output does not depend on the number of threads; at most a few documents are held
   * while an earlier one is still being worked on. A document that fails goes to `refuse`
   * in its turn. `res` is what the main thread loaded for its share.
   * The threads are stopped as soon as the documents are done, so that linking does not run beside
   * their memory (the maker still calls `close()`, for a run that fails before this).
   */
  async run(res: Resources, take: (p: Processed) => void, refuse: Refuse): Promise<void> {
    try {
      if (this.share === "all") {
        for (const [ord, ref] of this.refs.entries()) {
          let p: Processed;
          try {
            p = processInput(ref.spec, res, ord, this.corrections);
          } catch (e) {
            refuse(ref, asError(e));
            continue;
          }
          take(p);
        }
      } else if (this.share === "no-jieba") {
        const proc = this.tagProcess;
        // A large document is tagged first, in one request, and the process goes as soon as it has answered.
        const client = this.taggers[0]?.client();
        const tag = (texts: string[]) => (proc ? proc.tag(texts).finally(() => void proc.close()) : client!.tag(texts));
        for (const [ord, ref] of this.refs.entries()) {
          let p: Processed;
          try {
            p = await processInputWith(ref.spec, res, { tagZh: tag, tagsFirst: proc !== undefined }, ord, this.corrections);
          } catch (e) {
            if (e instanceof ThreadFailure) throw e;
            refuse(ref, asError(e));
            continue;
          }
          take(p);
        }
      } else await this.distribute(take, refuse);
    } finally {
      await this.close();
    }
  }

  private async distribute(take: (p: Processed) => void, refuse: Refuse): Promise<void> {
    const { refs, workers } = this;
    const done = new Map<number, Processed | Error>();
    /** Documents given to a worker, by index. */
    const sent = new Set<number>();
    const size = refs.map((r) => sizeOf(r.spec));
    let emitted = 0;
    let wake: (() => void) | undefined;
    const notify = () => {
      const w = wake;
      wake = undefined;
      w?.();
    };
    const idle: Worker[] = [];
    const failed: Error[] = [];
    /** The document each worker is on, to name it when the worker dies. */
    const busy = new Map<Worker, number>();
    const docOf = (w: Worker): string | undefined => {
      const k = busy.get(w);
      return k === undefined ? undefined : refs[k]!.name;
    };
    for (const t of this.taggers) {
      t.onFailure((e) => {
        failed.push(e);
        notify();
      });
    }
    /** Long parses offered by the workers of their documents, by a number of the run's. */
    const shares = new Map<number, { owner: Worker; task: ShareTask }>();
    let shareCount = 0;
    for (const w of workers) {
      w.on("message", (m: WorkerMessage) => {
        if ("helped" in m) {
          // Through here, since the worker that helps knows only the run: to the document's worker.
          const s = shares.get(m.helped.id);
          s?.owner.postMessage({ chunk: { ...m.helped, id: s.task.id } });
          return;
        }
        if ("share" in m) shares.set(shareCount++, { owner: w, task: m.share });
        else if ("ready" in m) {
          busy.delete(w);
          this.helpedChunks += m.parsed ?? 0;
          idle.push(w);
        } else {
          busy.delete(w);
          for (const [k, s] of shares) if (s.owner === w) shares.delete(k);
          done.set(m.index, "error" in m ? fromWire(m.error) : decodePartial(m.partial));
          idle.push(w);
        }
        notify();
      });
      w.on("error", (e) => {
        failed.push(threadDeath("a worker thread", e, docOf(w)));
        notify();
      });
      // A worker that leaves without an error event (process.exit in a module, a native abort
      // caught by Node) would otherwise leave the run waiting for its answer forever.
      w.on("exit", (code) => {
        if (this.closing) return;
        failed.push(threadDeath("a worker thread", code, docOf(w)));
        notify();
      });
    }
    const drain = () => {
      while (done.has(emitted)) {
        const r = done.get(emitted)!;
        done.delete(emitted);
        if (r instanceof ThreadFailure) throw r;
        if (r instanceof Error) refuse(refs[emitted]!, r);
        else take(r);
        emitted++;
      }
    };
    // Workers may run ahead of the document the output is waiting for, but not without bound.
    const ahead = workers.length * 8;
    while (emitted < refs.length) {
      if (failed.length) throw failed[0];
      // A free worker helps with a long document's English before it takes a new document: that
      // document holds the output back, and its worker would otherwise parse alone.
      for (const [k, s] of shares) {
        while (idle.length && unclaimed(s.task)) {
          const w = idle.pop()!;
          busy.set(w, busy.get(s.owner)!);
          w.postMessage({ help: { ...s.task, id: k } });
        }
      }
      for (;;) {
        // The largest document waiting within the window goes first: a long document started last
        // would leave the other workers idle at the end (the output still comes in input order).
        let index = -1;
        for (let k = emitted; k < Math.min(refs.length, emitted + ahead); k++) if (!sent.has(k) && (index < 0 || size[k]! > size[index]!)) index = k;
        if (!idle.length || index < 0) break;
        sent.add(index);
        const w = idle.pop()!;
        busy.set(w, index);
        w.postMessage({ index, spec: refs[index]!.spec });
      }
      if (!done.has(emitted)) await new Promise<void>((r) => (wake = r));
      if (failed.length) throw failed[0];
      drain();
    }
  }

  /** Stops every thread (also when the run failed). */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.workers.map((w) => w.terminate()), ...this.taggers.map((t) => t.close()), this.tagProcess?.close()]);
  }
}

/** A document's bytes on disk (0 when it cannot be read: its error comes when it is read). */
function sizeOf(spec: InputSpec): number {
  try {
    return spec.kind === "pair" ? statSync(spec.en).size + statSync(spec.zh).size : statSync(spec.path).size;
  } catch {
    return 0;
  }
}

const asError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));
