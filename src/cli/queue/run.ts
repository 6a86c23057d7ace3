import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { FlowProducer, Queue, type Job } from "bullmq";
import { decodePartial } from "../../corpus/partial.js";
import type { AlignmentCorrection } from "../../glossary/corrections.js";
import { TermbridgeError } from "../../model/index.js";
import type { Resources } from "../../pipeline.js";
import { escapeName, readError } from "../errors.js";
import type { InputRef, InputSpec } from "../inputs.js";
import { fromWire, type Corrections, type Processed, type Refuse } from "../pool.js";
import { checkRedis, DOC_QUEUE, redisOptions, RUN_QUEUE } from "./connect.js";
import { JOB_VERSION, type DocJobData, type DocJobResult } from "./job.js";

export interface QueueRunOptions {
  /** `redis://HOST:PORT`. */
  url: string;
  /** Put the documents' bytes in the jobs, for workers that cannot see the run's files. */
  sendFiles: boolean;
  /** The glossary's jieba user dictionary (null: none). */
  userDict: string | null;
  corrections: Corrections;
  /** How often the state of the run is asked for, in ms. */
  pollMs?: number;
  /** A line for the user (stderr), unless quiet. */
  say: (line: string) => void;
  /** Told how many documents are done, as workers finish them. */
  progress?: (done: number, total: number) => void;
}

const filesOf = (spec: InputSpec): string[] => (spec.kind === "pair" ? [spec.en, spec.zh] : [spec.path]);

/**
 * A run's documents on a BullMQ queue in Redis, as one flow: a parent job (the run) waits for one
 * child job per document, which `termbridge worker` processes on any machine. When every child is
 * done the results come back here, each child's once (BullMQ keeps one value per child), and are
 * handed on in corpus order, as the threads of a local run hand theirs. A child's id is the run's
 * id and its document's name and content hash: a retried or re-added job is the same job.
 */
export class QueueRun {
  /** The main thread only links: the workers read, align and count. */
  readonly share = "link" as const;

  constructor(
    private readonly refs: readonly InputRef[],
    private readonly opts: QueueRunOptions,
  ) {}

  /** A document's job: its files named (or sent), its content hash for the id. */
  private job(ref: InputRef, ord: number, runId: string): { data: DocJobData; jobId: string } {
    const hash = createHash("sha256").update(ref.name).update("\0");
    const files: Record<string, string> = {};
    for (const f of filesOf(ref.spec)) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(f);
      } catch (e) {
        throw readError(e, f);
      }
      hash.update(bytes).update("\0");
      if (this.opts.sendFiles) files[f] = bytes.toString("base64");
    }
    const corrections: AlignmentCorrection[] = [];
    for (const [doc, list] of this.opts.corrections ?? []) if (filesOf(ref.spec).some((f) => doc.includes(escapeName(f)))) corrections.push(...list);
    const data: DocJobData = { v: JOB_VERSION, ord, name: ref.name, spec: ref.spec, cwd: process.cwd(), userDict: this.opts.userDict, ...(this.opts.sendFiles ? { files } : {}), ...(corrections.length ? { corrections } : {}) };
    return { data, jobId: `${runId}-${hash.digest("hex").slice(0, 32)}` };
  }

  /** Queues the documents, waits for the workers, and hands every result on in corpus order. */
  async run(_res: Resources, take: (p: Processed) => void, refuse: Refuse): Promise<void> {
    const { url, say } = this.opts;
    const connection = redisOptions(url);
    await checkRedis(url, connection);
    const runId = randomBytes(8).toString("hex");
    const flow = new FlowProducer({ connection });
    const runs = new Queue(RUN_QUEUE, { connection });
    let parent: Job | undefined;
    try {
      const children = this.refs.map((ref, ord) => {
        const { data, jobId } = this.job(ref, ord, runId);
        // A worker that dies mid-document: BullMQ finds the job stalled and gives it to another
        // worker; a document that throws is tried three times; a child that fails for good fails the run.
        return { name: "document", queueName: DOC_QUEUE, data, opts: { jobId, attempts: 3, backoff: { type: "exponential", delay: 1000 }, failParentOnFailure: true, removeOnComplete: true, removeOnFail: 1000 } };
      });
      const tree = await flow.add({ name: "run", queueName: RUN_QUEUE, data: { runId, documents: this.refs.length }, opts: { jobId: `run-${runId}` }, children });
      parent = tree.job;
      say(`termbridge: ${this.refs.length} document(s) queued on ${url} as run ${runId}; waiting for workers (termbridge worker --queue ${url})`);
      const values = await this.waitForChildren(runs, parent);
      const results = Object.values(values).sort((a, b) => a.ord - b.ord);
      if (results.length !== this.refs.length) throw new TermbridgeError({ code: "queue-failed", message: `run ${runId}: ${results.length} of ${this.refs.length} documents came back`, file: "", hint: "run again; if it repeats, check the workers' messages" });
      // The merge's own cost (decoding and adding every partial, TMX units written), for the bench.
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      for (const r of results) {
        if ("error" in r) refuse(this.refs[r.ord]!, fromWire(r.error));
        else take(decodePartial(r.partial));
      }
      const cpu = process.cpuUsage(cpu0);
      say(`termbridge: ${results.length} result(s) of run ${runId} merged in ${((performance.now() - t0) / 1000).toFixed(2)} s (${((cpu.user + cpu.system) / 1e6).toFixed(2)} s of CPU)`);
    } finally {
      await parent?.remove().catch(() => undefined);
      await Promise.all([flow.close(), runs.close()]);
    }
  }

  /** Waits until every child is done (the parent leaves waiting-children), or the run failed. */
  private async waitForChildren(runs: Queue, parent: Job): Promise<Record<string, DocJobResult>> {
    const total = this.refs.length;
    let done = -1;
    for (;;) {
      const state = await parent.getState();
      if (state === "failed" || state === "unknown") {
        const again = await runs.getJob(parent.id!);
        throw new TermbridgeError({ code: "queue-failed", message: `a document failed on the workers: ${again?.failedReason ?? "the run's job is gone from Redis"}`, file: "", hint: "read the workers' messages; the document may be named there" });
      }
      if (state !== "waiting-children") return parent.getChildrenValues<DocJobResult>();
      const n = (await parent.getDependenciesCount({ processed: true })).processed ?? 0;
      if (n !== done) this.opts.progress?.((done = n), total);
      await new Promise((r) => setTimeout(r, this.opts.pollMs ?? 250));
    }
  }
}
