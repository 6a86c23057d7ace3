import { loadCedict } from "../lexicon/cedict.js";
import { loadWordList } from "../ingest/words.js";
import type { Resources } from "../pipeline.js";
import { loadJieba } from "../terms/zh/jieba.js";

let cached: Promise<Resources> | undefined;
let words: Resources | undefined;

/** Only what reading and splitting need (no jieba, no dictionary): for `segment`. */
export function ingestResources(): Resources {
  words ??= { words: loadWordList() };
  return words;
}

/** Loads the shared resources once per process: the word list, jieba (~0.9 s) and CC-CEDICT (~1 s). */
export function resources(): Promise<Resources> {
  cached ??= (async () => {
    const zh = loadJieba();
    return { ...ingestResources(), cut: zh.cut, dict: await loadCedict() };
  })();
  return cached;
}
