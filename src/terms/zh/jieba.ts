import nodejieba from "nodejieba";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

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
 * Loads jieba's dictionaries once per process (about 0.9 s and 300 MB) and returns the
 * segmenter. A second call with a different user dictionary is an error, because
 * nodejieba cannot unload the first one.
 */
export function loadJieba(opts: JiebaOptions = {}): ZhSegmenter {
  if (loadedWith === null) {
    nodejieba.load(opts.userDict ? { userDict: opts.userDict } : {});
    loadedWith = opts.userDict;
  } else if (loadedWith !== opts.userDict) {
    throw new Error(`jieba is already loaded with user dictionary ${loadedWith ?? "(none)"}; it cannot be reloaded with ${opts.userDict ?? "(none)"}`);
  }
  return {
    cut: (text) => nodejieba.cut(text, true),
    tag: (text) => nodejieba.tag(text),
  };
}

/**
 * jieba's inverse document frequencies (`idf.utf8`, shipped with nodejieba): how rare a word
 * is in general Chinese text, the specificity signal of term ranking (发展 3.6, 外交 7.2,
 * 冠状病毒 12.3). Read from disk, about 0.1 s.
 */
export function loadJiebaIdf(): Map<string, number> {
  const dict = join(dirname(fileURLToPath(import.meta.resolve("nodejieba"))), "submodules/cppjieba/dict/idf.utf8");
  const idf = new Map<string, number>();
  for (const line of readFileSync(dict, "utf8").split("\n")) {
    const sp = line.lastIndexOf(" ");
    if (sp > 0) idf.set(line.slice(0, sp), Number(line.slice(sp + 1)));
  }
  return idf;
}
