import { closeSync, openSync, statSync } from "node:fs";
import { parseEncodingName } from "../ingest/encoding.js";
import { TermbridgeError, type Encoding, type SourceDoc } from "../model/index.js";
import type { Input } from "../pipeline.js";
import { escapeName, readError, usageError } from "./errors.js";
import { discover, type Discovery } from "./discover.js";
import { looksLikeTmx, readSource } from "./io.js";
import { streamTmx } from "./tmxstream.js";

/** Flags shared by every command that reads documents. */
export interface InputFlags {
  en?: string;
  zh?: string;
  presplit?: boolean;
  encoding?: string;
}

export function parseEncodingFlag(name: string | undefined): Encoding | undefined {
  if (name === undefined) return undefined;
  const enc = parseEncodingName(name);
  if (!enc) throw usageError(`unknown encoding "${name}"`, "use utf-8, utf-16le, utf-16be, gb18030 or big5");
  return enc;
}

/** Where a document is on disk: plain data, so that a worker thread can read it itself. */
export type InputSpec =
  | { kind: "single"; path: string; encoding?: Encoding; inFolder?: boolean }
  | { kind: "pair"; en: string; zh: string; presplit: boolean; encoding?: Encoding; named?: boolean };

/** A document found on disk and read only when the run reaches it, so a corpus is never all in memory. */
export interface InputRef {
  name: string;
  spec: InputSpec;
}

/**
 * Reads and decodes a file. Its document id (the TMX `x-termbridge-doc` prop, terms.csv's
 * `source`) has control characters escaped: a newline in a file name must not reach the outputs.
 */
function read(path: string, encoding: Encoding | undefined): SourceDoc {
  const src = readSource(path, encoding);
  return { ...src, id: escapeName(src.id) };
}

/** A readable regular file; anything else is left to `readSource`, which says what is wrong. */
function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Reads and decodes the file(s) of a document. */
export function loadInput(spec: InputSpec): Input {
  if (spec.kind === "pair") return { kind: "parallel", en: read(spec.en, spec.encoding), zh: read(spec.zh, spec.encoding), presplit: spec.presplit, ...(spec.named ? { named: true } : {}) };
  // A .tmx is streamed: a memory of hundreds of megabytes is never held whole.
  if (/\.tmx$/i.test(spec.path) && isFile(spec.path)) {
    const src = streamTmx(spec.path, spec.encoding);
    return { kind: "tmx", src: { ...src, id: escapeName(src.id) } };
  }
  const src = read(spec.path, spec.encoding);
  return looksLikeTmx(src) ? { kind: "tmx", src } : { kind: "mixed", src, ...(spec.inFolder ? { inFolder: true } : {}) };
}

export interface CollectedInputs {
  inputs: InputRef[];
  unpaired: Discovery["unpaired"];
  skipped: Discovery["skipped"];
}

/** Where the inputs are looked for, beyond the files and folders named. */
export interface FindFlags {
  pairBy?: string;
  followLinks?: boolean;
  /** Folders a search must not enter: the run's own output and glossary. */
  exclude?: ReadonlyArray<{ path: string; why: string }>;
}

/**
 * Turns positional files and folders and `--en/--zh` into pipeline inputs: folders are searched
 * and monolingual files paired (see `discover`); nothing is read yet.
 */
export function findInputs(files: readonly string[], flags: InputFlags & FindFlags): CollectedInputs {
  if ((flags.en === undefined) !== (flags.zh === undefined)) {
    throw usageError(flags.en === undefined ? "--zh needs --en" : "--en needs --zh", "give both monolingual files: --en FILE --zh FILE");
  }
  if (files.length === 0 && flags.en === undefined) {
    throw usageError("no input", "give a bilingual document, a folder or a TMX, or --en FILE --zh FILE (see --help)");
  }
  const encoding = parseEncodingFlag(flags.encoding);
  const enc = encoding ? { encoding } : {};
  const presplit = flags.presplit ?? false;
  const d = discover(files, { ...(flags.pairBy !== undefined ? { pairBy: flags.pairBy } : {}), followLinks: flags.followLinks ?? false, exclude: flags.exclude ?? [] });
  const inputs: InputRef[] = d.found.map((f) =>
    f.kind === "pair" ? { name: f.key, spec: { kind: "pair", en: f.en, zh: f.zh, presplit, named: true, ...enc } } : { name: f.path, spec: { kind: "single", path: f.path, ...(f.inFolder ? { inFolder: true } : {}), ...enc } },
  );
  if (flags.en !== undefined && flags.zh !== undefined) inputs.push({ name: flags.en, spec: { kind: "pair", en: flags.en, zh: flags.zh, presplit, ...enc } });
  if (inputs.length === 0) {
    const why = d.unpaired[0] ? `${d.unpaired[0].path}: ${d.unpaired[0].why}` : "no .txt, .md or .tmx file";
    throw usageError(`no document to read (${why})`, "give bilingual documents, TMX files, or pairs such as name.en.txt and name.zh.txt");
  }
  return { inputs, unpaired: d.unpaired, skipped: d.skipped };
}

/** The files of an input, to check before anything is loaded. */
const filesOf = (spec: InputSpec): string[] => (spec.kind === "pair" ? [spec.en, spec.zh] : [spec.path]);

/**
 * The checks that cost a system call, made before the engines load (two seconds and several
 * hundred MB): each file exists, is a file, and can be opened for reading. The first problem of an
 * input, as the error its reading would throw; undefined when all is well.
 */
export function checkInput(spec: InputSpec): TermbridgeError | undefined {
  for (const path of filesOf(spec)) {
    try {
      const st = statSync(path);
      if (st.isDirectory()) {
        return new TermbridgeError({ code: "unreadable", message: "is a folder, not a file", file: path, hint: "pass the documents inside it, or their paired --en/--zh files" });
      }
      // Opening a named pipe waits for a writer: a run would hang before it began.
      if (!st.isFile()) return new TermbridgeError({ code: "unreadable", message: "is not a regular file (a pipe, socket or device)", file: path, hint: "save the text to a file and pass that" });
      closeSync(openSync(path, "r"));
    } catch (e) {
      return readError(e, path);
    }
  }
  return undefined;
}

/** All inputs read at once, for the commands that work on a few documents (align, segment, terms). */
export function collectInputs(files: readonly string[], flags: InputFlags): Input[] {
  const refs = findInputs(files, flags).inputs;
  for (const r of refs) {
    const e = checkInput(r.spec);
    if (e) throw e;
  }
  return refs.map((i) => loadInput(i.spec));
}
