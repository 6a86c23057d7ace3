import { existsSync } from "node:fs";
import { join } from "node:path";
import { loadCedict } from "../lexicon/cedict.js";
import { loadWordList } from "../ingest/words.js";
import type { Resources } from "../pipeline.js";
import { createEnTagger } from "../terms/en/compromise.js";
import { loadJieba, loadJiebaIdf } from "../terms/zh/jieba.js";

/** The jieba user dictionary's name inside the glossary folder. */
export const USER_DICT = "user.dict.utf8";

let cached: Promise<Resources> | undefined;
let words: Resources | undefined;

/** Only what reading and splitting need (no jieba, no dictionary): for `segment`. */
export function ingestResources(): Resources {
  words ??= { words: loadWordList() };
  return words;
}

/**
 * Loads the shared resources once per process: the word list, jieba (~0.9 s) with the
 * glossary's user dictionary when there is one, its IDF table (~0.1 s), CC-CEDICT (~1.1 s) and
 * the compromise tagger.
 */
export function resources(glossaryDir = "glossary", opts: { idf?: boolean } = {}): Promise<Resources> {
  cached ??= (async () => {
    // The glossary's jieba user dictionary (approved Chinese terms, one "word tag" a line) keeps them whole.
    const userDict = join(glossaryDir, USER_DICT);
    const zh = loadJieba(existsSync(userDict) ? { userDict } : {});
    const dict = await loadCedict();
    // A worker links nothing: it leaves out the IDF table (about 60 MB a thread).
    return { ...ingestResources(), cut: zh.cut, zhTag: zh.tag, dict, ...(opts.idf === false ? {} : { idf: loadJiebaIdf() }), enTagger: createEnTagger(), zhLexicon: { nounish: dict.nounish } };
  })();
  return cached;
}

let linkOnly: Promise<Resources> | undefined;

/**
 * What the main thread of a worker pool needs: the dictionary and jieba's IDF table for linking
 * (about 0.5 s and 150 MB), not jieba itself nor compromise, which the workers load.
 */
export function linkResources(): Promise<Resources> {
  // No word list either: the main thread of a pool reads no document.
  linkOnly ??= (async () => ({ words: { has: () => false }, dict: await loadCedict(), idf: loadJiebaIdf() }))();
  return linkOnly;
}
