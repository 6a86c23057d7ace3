import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import nodejieba from "nodejieba";
import { replaceFile } from "../../lexicon/table.js";

/** A Chinese token with its jieba part-of-speech tag (ICTCLAS tag set: n, nr, ns, nt, nz, v, vn, a…). */
export interface ZhToken {
  word: string;
  tag: string;
}

/** The Chinese segmenter as the pipeline sees it; nothing else imports nodejieba. */
export interface ZhSegmenter {
  cut(text: string): string[];
  tag(text: string): ZhToken[];
}

export interface JiebaOptions {
  /**
   * A jieba user dictionary (`word [freq] [tag]` per line, no spaces inside a word).
   * nodejieba keeps one global dictionary per process, so this is fixed by the first load.
   */
  userDict?: string;
}

let loadedWith: string | undefined | null = null;

/**
 * A one-word IDF file for jieba's keyword extractor, which we never call: with the real
 * table (6 MB) its load costs about 20 MB and a tenth of a second more. Written beside the
 * code on first use; when that is not possible the real table is loaded.
 */
function unusedIdf(): string | undefined {
  const path = join(dirname(fileURLToPath(import.meta.url)), "jieba-idf-unused.utf8");
  return existsSync(path) || replaceFile(path, "的 1.0\n") ? path : undefined;
}

/**
 * Loads jieba's dictionaries once per process (about 0.9 s and 300 MB) and returns the
 * segmenter. A second call with a different user dictionary is an error, because
 * nodejieba cannot unload the first one.
 */
export function loadJieba(opts: JiebaOptions = {}): ZhSegmenter {
  if (loadedWith === null) {
    const idfDict = unusedIdf();
    nodejieba.load({ ...(opts.userDict ? { userDict: opts.userDict } : {}), ...(idfDict ? { idfDict } : {}) });
    loadedWith = opts.userDict;
  } else if (loadedWith !== opts.userDict) {
    throw new Error(`jieba is already loaded with user dictionary ${loadedWith ?? "(none)"}; it cannot be reloaded with ${opts.userDict ?? "(none)"}`);
  }
  return {
    cut: (text) => nodejieba.cut(text, true),
    tag: (text) => nodejieba.tag(text),
  };
}
