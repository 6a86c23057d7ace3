import { statSync } from "node:fs";
import { parseEncodingName } from "../ingest/encoding.js";
import type { Encoding } from "../model/index.js";
import type { Input } from "../pipeline.js";
import { usageError } from "./errors.js";
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
  | { kind: "single"; path: string; encoding?: Encoding }
  | { kind: "pair"; en: string; zh: string; presplit: boolean; encoding?: Encoding };

/** A document found on disk and read only when the run reaches it, so a corpus is never all in memory. */
export interface InputRef {
  name: string;
  spec: InputSpec;
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
  if (spec.kind === "pair") return { kind: "parallel", en: readSource(spec.en, spec.encoding), zh: readSource(spec.zh, spec.encoding), presplit: spec.presplit };
  // A .tmx is streamed: a memory of hundreds of megabytes is never held whole.
  if (/\.tmx$/i.test(spec.path) && isFile(spec.path)) return { kind: "tmx", src: streamTmx(spec.path, spec.encoding) };
  const src = readSource(spec.path, spec.encoding);
  return looksLikeTmx(src) ? { kind: "tmx", src } : { kind: "mixed", src };
}

export interface CollectedInputs {
  inputs: InputRef[];
  unpaired: Discovery["unpaired"];
  skipped: Discovery["skipped"];
}

/**
 * Turns positional files and folders and `--en/--zh` into pipeline inputs: folders are searched
 * and monolingual files paired (see `discover`); nothing is read yet.
 */
export function findInputs(files: readonly string[], flags: InputFlags & { pairBy?: string }): CollectedInputs {
  if ((flags.en === undefined) !== (flags.zh === undefined)) {
    throw usageError(flags.en === undefined ? "--zh needs --en" : "--en needs --zh", "give both monolingual files: --en FILE --zh FILE");
  }
  if (files.length === 0 && flags.en === undefined) {
    throw usageError("no input", "give a bilingual document, a folder or a TMX, or --en FILE --zh FILE (see --help)");
  }
  const encoding = parseEncodingFlag(flags.encoding);
  const enc = encoding ? { encoding } : {};
  const presplit = flags.presplit ?? false;
  const d = discover(files, flags.pairBy);
  const inputs: InputRef[] = d.found.map((f) =>
    f.kind === "pair" ? { name: f.key, spec: { kind: "pair", en: f.en, zh: f.zh, presplit, ...enc } } : { name: f.path, spec: { kind: "single", path: f.path, ...enc } },
  );
  if (flags.en !== undefined && flags.zh !== undefined) inputs.push({ name: flags.en, spec: { kind: "pair", en: flags.en, zh: flags.zh, presplit, ...enc } });
  if (inputs.length === 0) {
    const why = d.unpaired[0] ? `${d.unpaired[0].path}: ${d.unpaired[0].why}` : "no .txt, .md or .tmx file";
    throw usageError(`no document to read (${why})`, "give bilingual documents, TMX files, or pairs such as name.en.txt and name.zh.txt");
  }
  return { inputs, unpaired: d.unpaired, skipped: d.skipped };
}

/** All inputs read at once, for the commands that work on a few documents (align, segment, terms). */
export function collectInputs(files: readonly string[], flags: InputFlags): Input[] {
  return findInputs(files, flags).inputs.map((i) => loadInput(i.spec));
}
