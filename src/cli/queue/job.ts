import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { SandboxedJob } from "bullmq";
import { encodePartial, type PartialWire } from "../../corpus/partial.js";
import { correctionsByDoc, type AlignmentCorrection } from "../../glossary/corrections.js";
import { decodeBytes } from "../../ingest/encoding.js";
import type { SourceDoc } from "../../model/index.js";
import { analyseInput, partialOf, type Input, type Resources } from "../../pipeline.js";
import { escapeName, readError } from "../errors.js";
import { looksLikeTmx } from "../io.js";
import type { InputSpec } from "../inputs.js";
import { toWire, type WireError } from "../pool.js";
import { resources, USER_DICT } from "../resources.js";

/** Version of the job's data and result; a worker of another version refuses the job. */
export const JOB_VERSION = 1;

/** One document of a queued run, as the run puts it in Redis. */
export interface DocJobData {
  v: typeof JOB_VERSION;
  /** Its place in the run's corpus. */
  ord: number;
  name: string;
  /** Its files, as the run named them (their names are the documents' ids in the outputs). */
  spec: InputSpec;
  /** The run's working folder: relative names are read from there on the worker. */
  cwd: string;
  /** The files' bytes (base64) by name, for workers that cannot see the run's files. */
  files?: Record<string, string>;
  /** The glossary's jieba user dictionary, so that every worker cuts Chinese as the run would. */
  userDict: string | null;
  /** The reviewers' alignment fixes of this document. */
  corrections?: AlignmentCorrection[];
}

/** What a worker hands back: the document's partial, or why it cannot be used. */
export type DocJobResult = { ord: number; partial: PartialWire } | { ord: number; error: WireError };

/** A document's input from the job: the files read on this machine, or the bytes sent along. */
function inputOf(d: DocJobData): Input {
  const spec = d.spec;
  const source = (name: string): SourceDoc => {
    let bytes: Buffer;
    try {
      bytes = d.files ? Buffer.from(d.files[name] ?? "", "base64") : readFileSync(resolve(d.cwd, name));
    } catch (e) {
      throw readError(e, name);
    }
    const src = decodeBytes(name, name, bytes, spec.encoding);
    return { ...src, id: escapeName(src.id) };
  };
  if (spec.kind === "pair") return { kind: "parallel", en: source(spec.en), zh: source(spec.zh), presplit: spec.presplit, ...(spec.named ? { named: true } : {}) };
  const src = source(spec.path);
  return looksLikeTmx(src) ? { kind: "tmx", src } : { kind: "mixed", src, ...(spec.inFolder ? { inFolder: true } : {}) };
}

const loaded = new Map<string, Promise<Resources>>();

/** The engines, with the run's user dictionary (a folder of this worker's own holds it for jieba). */
function resourcesWith(userDict: string | null): Promise<Resources> {
  const key = userDict ?? "";
  let r = loaded.get(key);
  if (!r) {
    const dir = mkdtempSync(join(tmpdir(), "termbridge-worker-"));
    if (userDict !== null) writeFileSync(join(dir, USER_DICT), userDict);
    r = resources(dir);
    loaded.set(key, r);
  }
  return r;
}

/**
 * Processes one queued document (BullMQ runs this in a thread of its own, so that the worker's
 * main thread keeps renewing the job's lock): read, align, find mentions, count, and return the
 * partial. A document that cannot be used is an answer, not a failure; a throw (another version,
 * an engine that cannot load) fails the attempt, and BullMQ retries it.
 */
export default async function processDocument(job: SandboxedJob<DocJobData>): Promise<DocJobResult> {
  const d = job.data;
  if (d?.v !== JOB_VERSION) throw new Error(`a job of format ${String(d?.v)} (this worker reads ${JOB_VERSION}): run the same termbridge version on every machine`);
  const res = await resourcesWith(d.userDict);
  try {
    const input = inputOf(d);
    const corrections = d.corrections?.length ? correctionsByDoc(d.corrections) : undefined;
    return { ord: d.ord, partial: encodePartial(partialOf(d.ord, input.kind, analyseInput(input, res), corrections)) };
  } catch (e) {
    return { ord: d.ord, error: toWire(e) };
  }
}
