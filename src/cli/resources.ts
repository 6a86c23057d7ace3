import { existsSync } from "node:fs";
import { join } from "node:path";
import { loadCedict } from "../lexicon/cedict.js";
import { loadWordList } from "../ingest/words.js";
import type { Resources } from "../pipeline.js";
import type { MainShare } from "./pool.js";
import { loadJieba, type JiebaOptions } from "../terms/zh/jieba.js";
import { loadJiebaIdf } from "../lexicon/idf.js";

/** The jieba user dictionary's name inside the glossary folder. */
export const USER_DICT = "user.dict.utf8";

/**
 * jieba's options for a glossary folder: its user dictionary (approved Chinese terms, one
 * "word tag" a line), which keeps them whole, when there is one.
 */
export function jiebaOptions(glossaryDir: string): JiebaOptions {
  const userDict = join(glossaryDir, USER_DICT);
  return existsSync(userDict) ? { userDict } : {};
}

const cached = new Map<string, Promise<Resources>>();
let words: Resources | undefined;

/** Only what reading and splitting need (no jieba, no dictionary): for `segment`. */
export function ingestResources(): Resources {
  words ??= { words: loadWordList() };
  return words;
}

/**
 * Loads the shared resources once per process: the word list, jieba (~0.9 s) with the
 * glossary's user dictionary when there is one, its IDF table and CC-CEDICT (sorted tables,
 * ~0.1 s together) and the compromise tagger (~0.35 s to import). A worker leaves out the IDF table (it links nothing, about 60 MB a
 * thread) and jieba (the tagging thread holds the only one).
 */
export function resources(glossaryDir = "glossary", opts: { idf?: boolean; jieba?: boolean } = {}): Promise<Resources> {
  const key = JSON.stringify([glossaryDir, opts.idf !== false, opts.jieba !== false]);
  let r = cached.get(key);
  if (!r) {
    r = (async () => {
      const zh = opts.jieba === false ? undefined : loadJieba(jiebaOptions(glossaryDir));
      const dict = await loadCedict();
      // Imported here, not at the top: compromise takes about 0.35 s to import, which a run's
      // tagging thread spends loading jieba instead of waiting for the main thread.
      const { createEnTagger } = await import("../terms/en/compromise.js");
      return { ...ingestResources(), ...(zh ? { zhTag: zh.tag } : {}), dict, ...(opts.idf === false ? {} : { idf: loadJiebaIdf() }), enTagger: createEnTagger(), zhLexicon: { nounish: dict.nounish } };
    })();
    cached.set(key, r);
  }
  return r;
}

/** What the main thread loads for its share of a pool's work (see `Pool`). */
export function resourcesFor(share: MainShare, glossaryDir?: string): Promise<Resources> {
  return share === "link" ? linkResources() : resources(glossaryDir, { jieba: share === "all" });
}

let linkOnly: Promise<Resources> | undefined;

/**
 * What the main thread of a worker pool needs: the dictionary and jieba's IDF table for linking
 * (sorted tables, about 0.1 s and 30 MB), not jieba nor compromise, which the other threads load.
 */
export function linkResources(): Promise<Resources> {
  // No word list either: the main thread of a pool reads no document.
  linkOnly ??= (async () => ({ words: { has: () => false }, dict: await loadCedict(), idf: loadJiebaIdf() }))();
  return linkOnly;
}
