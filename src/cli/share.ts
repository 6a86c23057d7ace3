import type { Mention } from "../model/index.js";

/**
 * A long document's English parse, shared among a run's threads (issue 17): compromise is the
 * slow part of a document, and one long document would otherwise keep one worker busy while the
 * others, done with the short documents, wait. The document's thread cuts its sentences into
 * chunks and offers them; it and every thread the run sends to help claim chunks one at a time
 * (first come, through a counter in shared memory), so no chunk is parsed twice and none waits
 * for a busy thread. A sentence's mentions do not depend on who parsed it: the files are the
 * same with any number of threads.
 */

/** Sentences per chunk: about 0.1 s of compromise, small against a document, large against a message. */
export const SHARE_CHUNK = 100;

/** A document's English is shared from this many sentences; a shorter one is parsed sooner than handed out. */
export const SHARE_FROM = 400;

/** What is offered: the chunks' texts and the claim counter (an Int32 in shared memory). */
export interface ShareTask {
  id: number;
  chunks: string[][];
  claims: SharedArrayBuffer;
}

/** One chunk's mentions (or what went wrong), for task `id`. */
export interface ChunkAnswer {
  id: number;
  k: number;
  mentions?: Mention[][];
  error?: string;
}

/** Whether some chunk of `task` is not claimed yet (the run sends helpers only then). */
export function unclaimed(task: ShareTask): boolean {
  return Atomics.load(new Int32Array(task.claims), 0) < task.chunks.length;
}

/**
 * Parses the chunks of `task` this thread claims, until none is left, sending each answer as
 * soon as it is ready (the document's thread may be waiting for it). Returns how many it parsed.
 */
export function help(task: ShareTask, parse: (texts: string[]) => Mention[][], send: (a: ChunkAnswer) => void): number {
  const claims = new Int32Array(task.claims);
  let parsed = 0;
  for (let k = Atomics.add(claims, 0, 1); k < task.chunks.length; k = Atomics.add(claims, 0, 1)) {
    try {
      send({ id: task.id, k, mentions: parse(task.chunks[k]!) });
    } catch (e) {
      send({ id: task.id, k, error: (e as Error)?.message ?? String(e) });
    }
    parsed++;
  }
  return parsed;
}

interface Waiting {
  got: Mention[][][];
  left: number;
  resolve(m: Mention[][]): void;
  reject(e: Error): void;
}

/** The document's side: offers a long parse with `offer`, helps with it itself, and gathers the answers. */
export class SharedParse {
  private next = 0;
  private readonly waiting = new Map<number, Waiting>();

  constructor(
    private readonly parse: (texts: string[]) => Mention[][],
    private readonly offer: (task: ShareTask) => void,
    private readonly sizes: { from: number; chunk: number } = { from: SHARE_FROM, chunk: SHARE_CHUNK },
  ) {}

  /** Mentions of each text, in order, whoever parsed them. */
  mentions(texts: string[]): Promise<Mention[][]> {
    if (texts.length < Math.max(this.sizes.from, 2 * this.sizes.chunk)) return Promise.resolve(this.parse(texts));
    const chunks: string[][] = [];
    for (let a = 0; a < texts.length; a += this.sizes.chunk) chunks.push(texts.slice(a, a + this.sizes.chunk));
    const task: ShareTask = { id: this.next++, chunks, claims: new SharedArrayBuffer(4) };
    const done = new Promise<Mention[][]>((resolve, reject) => this.waiting.set(task.id, { got: [], left: chunks.length, resolve, reject }));
    this.offer(task);
    help(task, this.parse, (a) => this.answer(a));
    return done;
  }

  /** An answer to one of this thread's tasks (its own, or a helper's through the run). */
  answer(a: ChunkAnswer): void {
    const w = this.waiting.get(a.id);
    if (!w) return;
    if (a.mentions === undefined) {
      this.waiting.delete(a.id);
      w.reject(new Error(`parsing English sentences failed: ${a.error}`));
      return;
    }
    w.got[a.k] = a.mentions;
    if (--w.left === 0) {
      this.waiting.delete(a.id);
      w.resolve(w.got.flat());
    }
  }
}
