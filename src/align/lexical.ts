import type { BilingualDictionary } from "../lexicon/dictionary.js";
import { ZH_STOP } from "../lexicon/data/stopwords.js";
import { chineseNumbers, englishNumbers } from "./numbers.js";
import { nameKeys } from "../lexicon/pinyin.js";
import { englishStems, stem } from "../lexicon/stem.js";

/** What a sentence offers as alignment evidence, computed once per sentence. */
export interface EnFeatures {
  stems: string[];
  numbers: string[];
  /** Capitalised words as name keys (`py:wang`), matched against the pinyin of Chinese names. */
  names: string[];
}

export interface ZhFeatures {
  /** Per content word, the English stems it may translate to (Latin tokens: themselves). */
  words: Array<readonly string[]>;
  /** Content words with no known translation: they count as half a miss, so a sentence of them is not absorbed for free. */
  unknown: number;
  /** Per unknown word that may be a name, its pinyin keys (王毅 → py:wang, py:yi, py:wangyi). */
  names: Array<readonly string[]>;
  numbers: string[];
}

/** How much a Chinese word without a known translation counts as a miss. */
export const UNKNOWN_WEIGHT = 0.5;

/** Name keys of the capitalised words of an English text ("Wang Yi" → py:wang, py:yi). */
function englishNameKeys(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/\b[A-Z][a-z]+(?:-[a-z]+)?\b/g)) out.add(`py:${m[0].toLowerCase().replace("-", "")}`);
  return [...out];
}

export function enFeatures(text: string): EnFeatures {
  return { stems: englishStems(text), numbers: englishNumbers(text), names: englishNameKeys(text) };
}

/** Glosses of a word the dictionary lacks, from its longest known parts (多边主义 → 多边 + 主义). */
function compositional(word: string, dict: BilingualDictionary): string[] {
  const out: string[] = [];
  let k = 0;
  while (k < word.length) {
    let found = false;
    for (let len = Math.min(4, word.length - k); len >= 2; len--) {
      const g = dict.glosses(word.slice(k, k + len));
      if (g) {
        out.push(...g);
        k += len;
        found = true;
        break;
      }
    }
    if (!found) k++;
  }
  return out;
}

/** Features of a Chinese sentence from its jieba words. */
export function zhFeatures(text: string, cut: (t: string) => string[], dict: BilingualDictionary, learned?: ReadonlyMap<string, readonly string[]>): ZhFeatures {
  const words: Array<readonly string[]> = [];
  const names: Array<readonly string[]> = [];
  let unknown = 0;
  for (const w of cut(text)) {
    if (/^[A-Za-z][A-Za-z-]*$/.test(w)) {
      words.push(englishStems(w).length ? [stem(w)] : []);
      continue;
    }
    if (!/\p{Script=Han}/u.test(w) || ZH_STOP.has(w)) continue;
    const g = dict.glosses(w) ?? (w.length > 2 ? compositional(w, dict) : undefined);
    const extra = learned?.get(w);
    const all = extra ? [...(g ?? []), ...extra] : g;
    if (all && all.length) words.push(all);
    else {
      unknown++;
      const keys = dict.readings && nameKeys(w, dict.readings);
      if (keys) names.push(keys);
    }
  }
  return { words, unknown, names, numbers: chineseNumbers(text) };
}

/**
 * Lexical similarity from sentence-pair hit counts, so a bead of several sentences costs
 * a few additions: each sentence's hits are capped at its own word count (a word matched
 * from two sentences of the other side counts once, near enough).
 */
export class PairwiseLexicon {
  /** Per Chinese sentence: English stem → positions of the words that gloss to it. */
  private readonly glossIndex: Array<Map<string, number[]>>;
  /** Distinct English stems per sentence (a stem repeated counts each time in `stems`). */
  private readonly enDistinct: Array<Array<{ stem: string; count: number }>>;
  private readonly enNames: Array<readonly string[]>;
  /** Word counts per sentence (Chinese: weighted, unknown words at UNKNOWN_WEIGHT). */
  private readonly enLen: Float64Array;
  private readonly zhLen: Float64Array;
  private readonly zhSum = new Float64Array(16);
  private readonly zhWords: number[];
  private readonly seen: Uint32Array;
  private generation = 0;
  /** Per English sentence, a window of Chinese sentences with packed hits (-1: not computed). */
  private readonly rows: Array<{ lo: number; vals: Int32Array } | undefined> = [];

  constructor(
    private readonly en: readonly EnFeatures[],
    private readonly zh: readonly ZhFeatures[],
  ) {
    this.enDistinct = en.map((e) => {
      const counts = new Map<string, number>();
      for (const st of e.stems) counts.set(st, (counts.get(st) ?? 0) + 1);
      return [...counts].map(([stem, count]) => ({ stem, count }));
    });
    this.glossIndex = zh.map((z) => {
      const index = new Map<string, number[]>();
      // Name words follow the glossed words; a hit on one counts as much as its weight as unknown.
      [...z.words, ...z.names].forEach((g, w) => {
        for (const st of g) {
          const list = index.get(st);
          if (!list) index.set(st, [w]);
          else if (list[list.length - 1] !== w) list.push(w);
        }
      });
      return index;
    });
    this.enNames = en.map((e) => e.names);
    this.enLen = Float64Array.from(en, (e) => e.stems.length);
    this.zhLen = Float64Array.from(zh, (z) => z.words.length + UNKNOWN_WEIGHT * z.unknown);
    this.zhWords = zh.map((z) => z.words.length);
    this.seen = new Uint32Array(Math.max(1, ...zh.map((z) => z.words.length + z.names.length)));
  }

  /** Packed hits of one pair: English stems found in the Chinese glosses, Chinese words found in the English. */
  private packed(i: number, j: number): number {
    let row = this.rows[i];
    if (!row || j < row.lo || j >= row.lo + row.vals.length) row = this.grow(i, j);
    let v = row.vals[j - row.lo]!;
    if (v < 0) {
      // One lookup per distinct English stem; Chinese words reached are marked by generation.
      const index = this.glossIndex[j]!;
      const gen = ++this.generation;
      let enHit = 0;
      // In half units: a glossed word counts 2, a name word (weighted as unknown) 1.
      let zhHit = 0;
      const glossed = this.zhWords[j]!;
      const seen = this.seen;
      const names = this.enNames[i]!;
      const distinct = this.enDistinct[i]!;
      for (let k = 0, n = distinct.length + names.length; k < n; k++) {
        const words = k < distinct.length ? index.get(distinct[k]!.stem) : index.get(names[k - distinct.length]!);
        if (!words) continue;
        enHit += k < distinct.length ? distinct[k]!.count : 1;
        for (const w of words) {
          if (seen[w] !== gen) {
            seen[w] = gen;
            zhHit += w < glossed ? 2 : 1;
          }
        }
      }
      v = Math.min(enHit, 0x7fff) * 65536 + Math.min(zhHit, 0xffff);
      row.vals[j - row.lo] = v;
    }
    return v;
  }

  /** Widens row i's window to hold j (the search asks for a band around the diagonal). */
  private grow(i: number, j: number): { lo: number; vals: Int32Array } {
    const old = this.rows[i];
    const lo = Math.max(0, Math.min(j - 64, old?.lo ?? j - 64));
    const hi = Math.min(this.zh.length, Math.max(j + 65, old ? old.lo + old.vals.length : j + 65));
    const vals = new Int32Array(hi - lo).fill(-1);
    if (old) vals.set(old.vals, old.lo - lo);
    const row = { lo, vals };
    this.rows[i] = row;
    return row;
  }

  private pairEn(i: number, j: number): number {
    return this.packed(i, j) >>> 16;
  }

  private pairZh(i: number, j: number): number {
    return (this.packed(i, j) & 0xffff) / 2;
  }

  /** Similarity of en[i0, i1) and zh[j0, j1) in [0, 1]; undefined when neither side has a word to judge. */
  similarity(i0: number, i1: number, j0: number, j1: number): number | undefined {
    // The search's hot path: one cache read per sentence pair, Chinese sums kept per column.
    const zhSum = this.zhSum.fill(0, 0, j1 - j0);
    let total = 0;
    let hits = 0;
    for (let i = i0; i < i1; i++) {
      const n = this.enLen[i]!;
      let h = 0;
      for (let j = j0; j < j1; j++) {
        const v = this.packed(i, j);
        h += v >>> 16;
        zhSum[j - j0]! += v & 0xffff;
      }
      total += n;
      hits += Math.min(n, h);
    }
    for (let j = j0; j < j1; j++) {
      const n = this.zhLen[j]!;
      total += n;
      hits += Math.min(n, zhSum[j - j0]! / 2);
    }
    return total === 0 ? undefined : hits / total;
  }

  /**
   * Per-sentence coverage of a bead: for every sentence, the share of its words that find a
   * translation in the other side's sentences. A sentence with no word to judge gets
   * `neutral`. Judging each sentence alone keeps a bead from absorbing an unrelated
   * sentence on the strength of its partner.
   */
  coverage(i0: number, i1: number, j0: number, j1: number, neutral: number): number[] {
    const out: number[] = [];
    for (let i = i0; i < i1; i++) {
      const n = this.en[i]!.stems.length;
      let h = 0;
      for (let j = j0; j < j1; j++) h += this.pairEn(i, j);
      out.push(n === 0 ? neutral : Math.min(1, h / n));
    }
    for (let j = j0; j < j1; j++) {
      const z = this.zh[j]!;
      const n = z.words.length + UNKNOWN_WEIGHT * z.unknown;
      let h = 0;
      for (let i = i0; i < i1; i++) h += this.pairZh(i, j);
      out.push(n === 0 ? neutral : Math.min(1, h / n));
    }
    return out;
  }
}
