import { parseEncodingName } from "../ingest/encoding.js";
import type { Encoding } from "../model/index.js";
import type { Input } from "../pipeline.js";
import { usageError } from "./errors.js";
import { discover, type Discovery } from "./discover.js";
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

/** A document found on disk and read only when the run reaches it, so a corpus is never all in memory. */
export interface InputRef {
  name: string;
  load(): Input;
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
  const presplit = flags.presplit ?? false;
  const d = discover(files, flags.pairBy);
  const inputs: InputRef[] = d.found.map((f) =>
    f.kind === "pair"
      ? { name: f.key, load: (): Input => ({ kind: "parallel", en: readSource(f.en, encoding), zh: readSource(f.zh, encoding), presplit }) }
      : {
          name: f.path,
          load: (): Input => {
            const src = readSource(f.path, encoding);
            return looksLikeTmx(src) ? { kind: "tmx", src } : { kind: "mixed", src };
          },
        },
  );
  if (flags.en !== undefined && flags.zh !== undefined) {
    const en = flags.en;
    const zh = flags.zh;
    inputs.push({ name: en, load: () => ({ kind: "parallel", en: readSource(en, encoding), zh: readSource(zh, encoding), presplit }) });
  }
  if (inputs.length === 0) {
    const why = d.unpaired[0] ? `${d.unpaired[0].path}: ${d.unpaired[0].why}` : "no .txt, .md or .tmx file";
    throw usageError(`no document to read (${why})`, "give bilingual documents, TMX files, or pairs such as name.en.txt and name.zh.txt");
  }
  return { inputs, unpaired: d.unpaired, skipped: d.skipped };
}

/** All inputs read at once, for the commands that work on a few documents (align, segment, terms). */
export function collectInputs(files: readonly string[], flags: InputFlags): Input[] {
  return findInputs(files, flags).inputs.map((i) => i.load());
}
