import { loadWordList } from "../ingest/words.js";
import type { Resources } from "../pipeline.js";

let cached: Resources | undefined;

/** Loads the shared resources once per process. */
export function resources(): Resources {
  cached ??= { words: loadWordList() };
  return cached;
}
