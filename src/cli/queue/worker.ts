import { fileURLToPath } from "node:url";
import { Worker } from "bullmq";
import { escapeName } from "../errors.js";
import { checkRedis, DOC_QUEUE, redisOptions } from "./connect.js";
import type { DocJobData, DocJobResult } from "./job.js";

export interface WorkerFlags {
  queue: string;
  /** Documents processed at once (each in a thread of its own, with its own engines: about 600 MB each). */
  concurrency: number;
  /** How long a job stays this worker's without a sign of life before another worker may take it. */
  lockSeconds: number;
  quiet?: boolean;
}

/**
 * `termbridge worker --queue redis://HOST:PORT`: takes documents of any run from the queue and
 * hands back their partials, until stopped (Ctrl-C, SIGTERM: a document in hand is then taken
 * again by another worker). Documents run in BullMQ's sandbox threads, so that this thread keeps the jobs' locks
 * renewed however long a document takes; a worker that is killed loses its lock, and another
 * worker takes the document again from the start.
 */
export async function workerCommand(flags: WorkerFlags): Promise<void> {
  const connection = redisOptions(flags.queue);
  await checkRedis(flags.queue, connection);
  const say = (line: string) => {
    if (!flags.quiet) process.stderr.write(line + "\n");
  };
  const lock = Math.max(1000, flags.lockSeconds * 1000);
  const worker = new Worker<DocJobData, DocJobResult>(DOC_QUEUE, fileURLToPath(new URL("./job.js", import.meta.url)), {
    connection,
    concurrency: flags.concurrency,
    useWorkerThreads: true,
    lockDuration: lock,
    stalledInterval: Math.max(1000, Math.round(lock / 2)),
    // A job found stalled again and again is one that kills its worker: fail it rather than kill them all.
    maxStalledCount: 3,
  });
  worker.on("completed", (job, r) => say(`termbridge worker: ${escapeName(job.data.name)}: ${"error" in r ? `left out (${escapeName(r.error.message ?? r.error.internal ?? "")})` : "done"}`));
  worker.on("failed", (job, e) => say(`termbridge worker: ${escapeName(job?.data.name ?? "?")}: failed (attempt ${job?.attemptsMade ?? "?"}): ${escapeName(e.message)}`));
  worker.on("error", (e) => say(`termbridge worker: ${escapeName(e.message)}`));
  await worker.waitUntilReady();
  say(`termbridge worker: waiting for documents on ${flags.queue} (${flags.concurrency} at a time; Ctrl-C stops)`);
  // Runs until the process is stopped; a document in hand then is taken again by another worker.
  await new Promise<never>(() => undefined);
}
