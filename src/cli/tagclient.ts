import { MessageChannel, Worker, type MessagePort } from "node:worker_threads";
import type { ZhTokens } from "../pipeline.js";

/** The asking end of a port to the tagging thread. */
export class TagClient {
  private next = 0;
  private failed: Error | undefined;
  private readonly pending = new Map<number, { resolve(t: ZhTokens): void; reject(e: Error): void }>();

  constructor(private readonly port: MessagePort) {
    port.on("message", (m: { id: number; tokens?: ZhTokens; error?: string }) => {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (m.tokens) p?.resolve(m.tokens);
      else p?.reject(new Error(`Chinese tagging failed: ${m.error}`));
    });
  }

  /** Jieba's words and tags for each text. */
  tag(texts: string[]): Promise<ZhTokens> {
    const id = this.next++;
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.port.postMessage({ id, texts });
    });
  }

  /** Rejects every request still waiting, and every later one (the tagging thread is gone). */
  fail(e: Error): void {
    this.failed = e;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }

  close(): void {
    this.port.close();
  }
}

/** The tagging thread: started at once, so that jieba loads while the rest of the process does. */
export class TaggerThread {
  private readonly worker: Worker;
  private readonly clients: TagClient[] = [];
  /** Set when the thread died: its clients' requests fail with it. */
  private failure: Error | undefined;
  private readonly listeners: Array<(e: Error) => void> = [];

  constructor(glossaryDir: string | undefined) {
    this.worker = new Worker(new URL("./tagger.js", import.meta.url), { workerData: glossaryDir ? { glossaryDir } : {} });
    const die = (e: Error) => {
      this.failure ??= e;
      for (const c of this.clients) c.fail(this.failure);
      for (const l of this.listeners) l(this.failure);
    };
    this.worker.on("error", die);
    this.worker.on("exit", (code) => die(new Error(`the Chinese tagging thread stopped (exit code ${code})`)));
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
    for (const c of this.clients) c.close();
    this.worker.removeAllListeners("exit");
    await this.worker.terminate();
  }
}
