import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { MessageChannel, Worker, type MessagePort } from "node:worker_threads";
import type { ZhTokens } from "../pipeline.js";

/**
 * A thread of the run died (a worker or the tagging thread): the run cannot go on, unlike a
 * document that could not be read, which is left out.
 */
export class ThreadFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ThreadFailure";
  }
}

/** A tagger's answer to request `id`. */
type Reply = { id: number; tokens?: ZhTokens; error?: string };

/** Tagging requests waiting for their answers, by number: the asking side of a tagging thread or process. */
class Requests {
  private next = 0;
  private failed: Error | undefined;
  private readonly pending = new Map<number, { resolve(t: ZhTokens): void; reject(e: Error): void }>();

  /** Sends a request for `texts` with `send`, and waits for its answer. */
  ask(texts: string[], send: (m: { id: number; texts: string[] }) => void): Promise<ZhTokens> {
    const id = this.next++;
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      send({ id, texts });
    });
  }

  answer(m: Reply): void {
    const p = this.pending.get(m.id);
    this.pending.delete(m.id);
    if (m.tokens) p?.resolve(m.tokens);
    else p?.reject(new Error(`Chinese tagging failed: ${m.error}`));
  }

  /** Rejects every request still waiting, and every later one (the tagger is gone). */
  fail(e: Error): void {
    this.failed ??= e;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}

/** The asking end of a port to the tagging thread. */
export class TagClient {
  private readonly requests = new Requests();

  constructor(private readonly port: MessagePort) {
    // The other end closes when the tagging thread is gone: nothing would ever answer.
    port.on("close", () => this.fail(new ThreadFailure("the Chinese tagging thread stopped")));
    port.on("message", (m: Reply) => this.requests.answer(m));
  }

  /** Jieba's words and tags for each text. */
  tag(texts: string[]): Promise<ZhTokens> {
    return this.requests.ask(texts, (m) => this.port.postMessage(m));
  }

  /** Rejects every request still waiting, and every later one (the tagging thread is gone). */
  fail(e: Error): void {
    this.requests.fail(e);
  }

  /** Closing our end on purpose is not the thread's death. */
  failQuietly(): void {
    this.port.removeAllListeners("close");
  }

  close(): void {
    this.failQuietly();
    this.port.close();
  }
}

/** The tagging thread: started at once, so that jieba loads while the rest of the process does. */
export class TaggerThread {
  private readonly worker: Worker;
  private readonly clients: TagClient[] = [];
  /** Set when the thread died: its clients' requests fail with it. */
  private failure: ThreadFailure | undefined;
  private readonly listeners: Array<(e: Error) => void> = [];

  constructor(glossaryDir: string | undefined, url = new URL("./tagger.js", import.meta.url)) {
    this.worker = new Worker(url, { workerData: glossaryDir ? { glossaryDir } : {} });
    const die = (e: ThreadFailure) => {
      this.failure ??= e;
      for (const c of this.clients) c.fail(this.failure);
      for (const l of this.listeners) l(this.failure);
    };
    this.worker.on("error", (e) => die(new ThreadFailure(`the Chinese tagging thread failed: ${e.message}`)));
    this.worker.on("exit", (code) => die(new ThreadFailure(`the Chinese tagging thread stopped (exit code ${code})`)));
  }

  /** Called when the thread dies (at once if it already has). */
  onFailure(l: (e: Error) => void): void {
    this.listeners.push(l);
    if (this.failure) l(this.failure);
  }

  /** A new port to the thread: one end is sent to it, the other returned, to hand to a worker or to keep. */
  port(): MessagePort {
    const { port1, port2 } = new MessageChannel();
    this.worker.postMessage({ port: port1 }, [port1]);
    return port2;
  }

  /** A client for this thread. */
  client(): TagClient {
    const c = new TagClient(this.port());
    this.clients.push(c);
    if (this.failure) c.fail(this.failure);
    return c;
  }

  async close(): Promise<void> {
    for (const c of this.clients) {
      c.failQuietly();
      c.close();
    }
    this.worker.removeAllListeners("exit");
    await this.worker.terminate();
  }
}

/**
 * Jieba in a process of its own, for a run of one document: the document's Chinese is tagged in
 * one request, and the process is closed as soon as the answer is in. Its dictionary (about 300 MB
 * that a process never gets back from jieba) is then given back before the memory-hungry part of a
 * large document (spotting, counting, linking) begins, and the English parse runs beside it.
 */
export class TaggerProcess {
  private child: ChildProcess | undefined;
  private readonly requests = new Requests();
  private exited: Promise<void> = Promise.resolve();
  /** Set when the run lets the process go: its leaving is then no failure. */
  private closing = false;

  /** The process starts at the first request: a large document takes seconds to read, and jieba is not held meanwhile. */
  constructor(
    private readonly glossaryDir: string | undefined,
    private readonly url = new URL("./tagproc.js", import.meta.url),
  ) {}

  private start(): ChildProcess {
    const child = fork(fileURLToPath(this.url), this.glossaryDir ? [this.glossaryDir] : [], { serialization: "advanced", stdio: ["ignore", "inherit", "inherit", "ipc"] });
    this.exited = new Promise((resolve) => child.once("exit", () => resolve()));
    child.on("message", (m: Reply) => this.requests.answer(m));
    child.on("error", (e) => this.requests.fail(new ThreadFailure(`the Chinese tagging process failed: ${e.message}`)));
    child.on("exit", (code, signal) => {
      if (!this.closing) this.requests.fail(new ThreadFailure(`the Chinese tagging process stopped (${signal ? `signal ${signal}` : `exit code ${code}`})`));
    });
    return child;
  }

  /** Jieba's words and tags for each text. */
  tag(texts: string[]): Promise<ZhTokens> {
    return this.requests.ask(texts, (m) => (this.child ??= this.start()).send(m));
  }

  /** Stops the process; its leaving is then no failure. */
  async close(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.closing = true;
    if (child.exitCode === null && child.signalCode === null) {
      // A signal, not a disconnect: a disconnect waits for the event loop, which a large document's
      // English parse then holds for seconds, and the process would keep its memory meanwhile.
      child.kill();
      await this.exited;
    }
  }
}
