import { readFileSync } from "node:fs";
import { alignInput, alignInputEmbedded } from "../../pipeline.js";
import { createSentenceEncoder, readTokenizer } from "../../align/embeddings.js";
import { buildTmx, serializeTmx } from "../../export/tmx.js";
import { resolveOptions } from "../../options.js";
import { VERSION } from "../../version.js";
import type { Bead } from "../../model/index.js";
import { cliClock } from "../clock.js";
import { readError, usageError } from "../errors.js";
import { collectInputs, type InputFlags } from "../inputs.js";
import { writeFilesAtomic } from "../io.js";
import { resources } from "../resources.js";

export interface AlignFlags extends InputFlags {
  beads?: string;
  tmx?: string;
  srcLang: string;
  tgtLang: string;
  minScore: number;
  reviewBelow: number;
  /** An ONNX sentence-embedding model and its tokenizer.json: optional neural evidence. */
  embeddings?: string;
  tokenizer?: string;
}

function readFile(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw readError(e, path);
  }
}

/** `[0,1]:[2]`: English indices first, 0-based, an empty list for an unmatched sentence. */
export function formatBead(b: Bead): string {
  return `[${b.en.join(",")}]:[${b.zh.join(",")}]`;
}

/** `termbridge align --en EN --zh ZH`: beads to a file (or stdout) and optionally a TMX. */
export async function alignCommand(flags: AlignFlags): Promise<void> {
  if (flags.en === undefined || flags.zh === undefined) throw usageError("align needs --en FILE --zh FILE", "give both monolingual files");
  const inputs = collectInputs([], flags);
  const files: Array<{ path: string; content: string }> = [];
  if ((flags.embeddings === undefined) !== (flags.tokenizer === undefined)) throw usageError("--embeddings and --tokenizer go together", "give the ONNX model and its tokenizer.json");
  const aligned =
    flags.embeddings !== undefined && flags.tokenizer !== undefined
      ? await alignInputEmbedded(inputs[0]!, await resources(), await createSentenceEncoder(readFile(flags.embeddings), flags.embeddings, readTokenizer(readFile(flags.tokenizer).toString("utf8"), flags.tokenizer)))
      : alignInput(inputs[0]!, await resources());
  const beads: Bead[] = aligned.beads;
  if (flags.tmx !== undefined) {
    const opts = resolveOptions({ srcLang: flags.srcLang, tgtLang: flags.tgtLang, minScore: flags.minScore, reviewBelow: flags.reviewBelow, now: cliClock() });
    files.push({ path: flags.tmx, content: serializeTmx(buildTmx([aligned], { ...opts, now: opts.now(), toolVersion: VERSION }).model) });
  }
  const text = beads.map(formatBead).join("\n") + "\n";
  if (flags.beads !== undefined) files.push({ path: flags.beads, content: text });
  writeFilesAtomic(files);
  if (flags.beads === undefined) process.stdout.write(text);
}
