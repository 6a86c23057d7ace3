import { parseEncodingName } from "../ingest/encoding.js";
import type { Encoding } from "../model/index.js";
import type { Input } from "../pipeline.js";
import { usageError } from "./errors.js";
import { looksLikeTmx, readSource } from "./io.js";

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
  if (!enc) throw usageError(`unknown encoding "${name}"`, "use utf-8, utf-16le, utf-16be or gb18030");
  return enc;
}

/** Turns positional files and `--en/--zh` into pipeline inputs, reading and decoding each file. */
export function collectInputs(files: readonly string[], flags: InputFlags): Input[] {
  if ((flags.en === undefined) !== (flags.zh === undefined)) {
    throw usageError(flags.en === undefined ? "--zh needs --en" : "--en needs --zh", "give both monolingual files: --en FILE --zh FILE");
  }
  if (files.length === 0 && flags.en === undefined) {
    throw usageError("no input", "give a bilingual document or TMX, or --en FILE --zh FILE (see --help)");
  }
  const encoding = parseEncodingFlag(flags.encoding);
  const inputs: Input[] = [];
  for (const f of files) {
    const src = readSource(f, encoding);
    inputs.push(looksLikeTmx(src) ? { kind: "tmx", src } : { kind: "mixed", src });
  }
  if (flags.en !== undefined && flags.zh !== undefined) {
    inputs.push({ kind: "parallel", en: readSource(flags.en, encoding), zh: readSource(flags.zh, encoding), presplit: flags.presplit ?? false });
  }
  return inputs;
}
