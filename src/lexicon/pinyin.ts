import type { CedictRow } from "./dictionary.js";

/** Toneless syllable readings of single Han characters, from CC-CEDICT's one-character entries. */
export type Readings = Pick<ReadonlyMap<string, readonly string[]>, "get">;

/** Collects every reading of every one-character headword ("Wang2" → "wang", "nu:3" → "nv" and "nu"). */
export function buildReadings(rows: Iterable<CedictRow>): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const row of rows) {
    const simp = row[1];
    if ([...simp].length !== 1 || !/\p{Script=Han}/u.test(simp)) continue;
    const base = row[2].toLowerCase().replace(/[1-5]$/, "");
    if (!/^[a-z:]+$/.test(base)) continue;
    // Names are romanised without the umlaut (Lü → Lu, Lv): keep both spellings.
    const forms = base.includes("u:") ? [base.replace("u:", "u"), base.replace("u:", "v")] : [base];
    const list = map.get(simp) ?? [];
    for (const f of forms) if (!list.includes(f)) list.push(f);
    map.set(simp, list);
  }
  return map;
}

/** Most romanisations tried per word: polyphonic characters multiply. */
const MAX_FORMS = 8;

/**
 * Hanyu Pinyin spellings a Chinese person or place name may take in English text: the
 * surname apart and the given name written as one word (王毅 → "wang yi", 习近平 → "xi jinping"),
 * and the whole name as one word (祥子 → "xiangzi"). Undefined for a character without a reading.
 */
export function nameRomanisations(word: string, readings: Readings): string[] | undefined {
  const chars = [...word];
  if (chars.length < 2 || chars.length > 4) return undefined;
  let combos: string[][] = [[]];
  for (const c of chars) {
    const r = readings.get(c);
    if (!r) return undefined;
    combos = combos.flatMap((prefix) => r.map((s) => [...prefix, s])).slice(0, MAX_FORMS);
  }
  const out = new Set<string>();
  for (const syl of combos) {
    out.add(`${syl[0]} ${syl.slice(1).join("")}`);
    out.add(syl.join(""));
  }
  return [...out];
}

/**
 * The name keys of a Chinese word for matching against capitalised English words: every
 * syllable group of its romanisations as `py:…` (王毅 → py:wang, py:yi, py:wangyi).
 */
export function nameKeys(word: string, readings: Readings): string[] | undefined {
  const roman = nameRomanisations(word, readings);
  return roman && [...new Set(roman.flatMap((r) => r.split(" ").map((x) => `py:${x}`)))];
}
