import { loadCedict } from "../lexicon/cedict.js";
import { loadWordList } from "../ingest/words.js";
import type { Resources } from "../pipeline.js";
import { createEnTagger } from "../terms/en/compromise.js";
import { loadJieba, loadJiebaIdf } from "../terms/zh/jieba.js";

let cached: Promise<Resources> | undefined;
let words: Resources | undefined;

/** Only what reading and splitting need (no jieba, no dictionary): for `segment`. */
export function ingestResources(): Resources {
  words ??= { words: loadWordList() };
  return words;
}

/**
 * Loads the shared resources once per process: the word list, jieba (~0.9 s), its IDF
 * table (~0.1 s), CC-CEDICT (~1.1 s) and the compromise tagger.
 */
export function resources(): Promise<Resources> {
  cached ??= (async () => {
    const zh = loadJieba();
    const dict = await loadCedict();
    return { ...ingestResources(), cut: zh.cut, zhTag: zh.tag, dict, idf: loadJiebaIdf(), enTagger: createEnTagger(), zhLexicon: { nounish: dict.nounish } };
  })();
  return cached;
}
