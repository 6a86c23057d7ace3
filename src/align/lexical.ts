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
  /** The Chinese text of each entry of `words`, for weighting. */
  forms: string[];
  /** The Chinese text of each unknown word; those with name keys come first, in the order of `names`. */
  unknownForms: string[];
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
  const forms: string[] = [];
  const names: Array<readonly string[]> = [];
  const nameForms: string[] = [];
  const otherForms: string[] = [];
  let unknown = 0;
  for (const w of cut(text)) {
    if (/^[A-Za-z][A-Za-z-]*$/.test(w)) {
      words.push(englishStems(w).length ? [stem(w)] : []);
      forms.push(w.toLowerCase());
      continue;
    }
    if (!/\p{Script=Han}/u.test(w) || ZH_STOP.has(w)) continue;
    const g = dict.glosses(w) ?? (w.length > 2 ? compositional(w, dict) : undefined);
    const extra = learned?.get(w);
    const all = extra ? [...(g ?? []), ...extra] : g;
    if (all && all.length) {
      words.push(all);
      forms.push(w);
    } else {
      unknown++;
      const keys = dict.readings && nameKeys(w, dict.readings);
      if (keys) {
        names.push(keys);
        nameForms.push(w);
      } else otherForms.push(w);
    }
  }
  return { words, unknown, names, numbers: chineseNumbers(text), forms, unknownForms: [...nameForms, ...otherForms] };
}

/** How much each word counts: English by stem, Chinese by its text. */
export interface WordWeights {
  en(stem: string): number;
  zh(form: string): number;
}

/** Every word counts 1. */
export const UNIFORM_WEIGHTS: WordWeights = { en: () => 1, zh: () => 1 };

/**
 * Inverse document frequency over the document's own sentences, `max(floor, ln(N / df))`
 * raised to `power`: a word in every other sentence ("said", 道) proves little about a
 * pair, a word met twice proves much. `power` 0 gives uniform weights.
 */
export function documentIdf(en: readonly EnFeatures[], zh: readonly ZhFeatures[], power: number, floor = 0.5): WordWeights {
  if (power === 0) return UNIFORM_WEIGHTS;
  const count = (lists: Iterable<readonly string[]>): Map<string, number> => {
    const df = new Map<string, number>();
    for (const l of lists) for (const w of new Set(l)) df.set(w, (df.get(w) ?? 0) + 1);
    return df;
  };
  const enDf = count(en.map((e) => e.stems));
  const zhDf = count(zh.map((z) => [...z.forms, ...z.unknownForms]));
  const weight = (df: Map<string, number>, n: number) => {
    const memo = new Map<string, number>();
    return (w: string): number => {
      let v = memo.get(w);
      if (v === undefined) {
        v = Math.max(floor, Math.log(n / (df.get(w) ?? 1))) ** power;
        memo.set(w, v);
      }
      return v;
    };
  };
  return { en: weight(enDf, Math.max(1, en.length)), zh: weight(zhDf, Math.max(1, zh.length)) };
}

/**
 * Lexical similarity from sentence-pair hit weights, so a bead of several sentences costs
 * a few additions: each sentence's hits are capped at its own weight (a word matched
 * from two sentences of the other side counts once, near enough). Words count by
 * `weights` (uniform unless given); an unknown Chinese word counts UNKNOWN_WEIGHT of its weight.
 */
export class PairwiseLexicon {
  /** Per Chinese sentence: English stem → positions of the words that gloss to it. */
  private readonly glossIndex: Array<Map<string, number[]>>;
  /** Distinct English stems per sentence, with their total weight in the sentence. */
  private readonly enDistinct: Array<Array<{ stem: string; weight: number }>>;
  private readonly enNames: Array<ReadonlyArray<{ key: string; weight: number }>>;
  /** Total weight per sentence (Chinese: unknown words at UNKNOWN_WEIGHT). */
  private readonly enLen: Float64Array;
  private readonly zhLen: Float64Array;
  /** Per Chinese sentence, the weight of each indexed position (glossed words, then name words). */
  private readonly zhPos: Float64Array[];
  private readonly zhSum = new Float64Array(16);
  private readonly seen: Uint32Array;
  private generation = 0;
  /** Per English sentence, a window of Chinese sentences with hit weights (en, zh interleaved; -1: not computed). */
  private readonly rows: Array<{ lo: number; vals: Float64Array } | undefined> = [];

  constructor(
    private readonly en: readonly EnFeatures[],
    private readonly zh: readonly ZhFeatures[],
    weights: WordWeights = UNIFORM_WEIGHTS,
  ) {
    this.enDistinct = en.map((e) => {
      const sum = new Map<string, number>();
      for (const st of e.stems) sum.set(st, (sum.get(st) ?? 0) + weights.en(st));
      return [...sum].map(([stem, weight]) => ({ stem, weight }));
    });
    // A name key stands for a capitalised word; it weighs as much as the word's stem.
    this.enNames = en.map((e) => e.names.map((key) => ({ key, weight: weights.en(stem(key.slice(3))) })));
    this.glossIndex = zh.map((z) => {
      const index = new Map<string, number[]>();
      // Name words follow the glossed words.
      [...z.words, ...z.names].forEach((g, w) => {
        for (const st of g) {
          const list = index.get(st);
          if (!list) index.set(st, [w]);
          else if (list[list.length - 1] !== w) list.push(w);
        }
      });
      return index;
    });
    this.zhPos = zh.map((z) =>
      Float64Array.from([...z.forms.map((f) => weights.zh(f)), ...z.unknownForms.slice(0, z.names.length).map((f) => UNKNOWN_WEIGHT * weights.zh(f))]),
    );
    this.enLen = Float64Array.from(this.enDistinct, (d) => d.reduce((a, x) => a + x.weight, 0));
    this.zhLen = Float64Array.from(zh, (z, j) => {
      let t = 0;
      for (let k = 0; k < z.forms.length; k++) t += this.zhPos[j]![k]!;
      for (const f of z.unknownForms) t += UNKNOWN_WEIGHT * weights.zh(f);
      return t;
    });
    this.seen = new Uint32Array(Math.max(1, ...zh.map((z) => z.words.length + z.names.length)));
  }

  /** Offset in row i's values of pair (i, j): English hit weight there, Chinese hit weight after it. */
  private slot(i: number, j: number): { vals: Float64Array; at: number } {
    let row = this.rows[i];
    if (!row || j < row.lo || j >= row.lo + row.vals.length / 2) row = this.grow(i, j);
    const at = 2 * (j - row.lo);
    const vals = row.vals;
    if (vals[at]! < 0) {
      // One lookup per distinct English stem; Chinese words reached are marked by generation.
      const index = this.glossIndex[j]!;
      const pos = this.zhPos[j]!;
      const gen = ++this.generation;
      let enHit = 0;
      let zhHit = 0;
      const seen = this.seen;
      const names = this.enNames[i]!;
      const distinct = this.enDistinct[i]!;
      for (let k = 0, n = distinct.length + names.length; k < n; k++) {
        const words = k < distinct.length ? index.get(distinct[k]!.stem) : index.get(names[k - distinct.length]!.key);
        if (!words) continue;
        enHit += k < distinct.length ? distinct[k]!.weight : names[k - distinct.length]!.weight;
        for (const w of words) {
          if (seen[w] !== gen) {
            seen[w] = gen;
            zhHit += pos[w]!;
          }
        }
      }
      vals[at] = enHit;
      vals[at + 1] = zhHit;
    }
    return { vals, at };
  }

  /** Widens row i's window to hold j (the search asks for a band around the diagonal). */
  private grow(i: number, j: number): { lo: number; vals: Float64Array } {
    const old = this.rows[i];
    const oldHi = old ? old.lo + old.vals.length / 2 : j + 65;
    const lo = Math.max(0, Math.min(j - 64, old?.lo ?? j - 64));
    const hi = Math.min(this.zh.length, Math.max(j + 65, oldHi));
    const vals = new Float64Array(2 * (hi - lo)).fill(-1);
    if (old) vals.set(old.vals, 2 * (old.lo - lo));
    const row = { lo, vals };
    this.rows[i] = row;
    return row;
  }

  private pairEn(i: number, j: number): number {
    const { vals, at } = this.slot(i, j);
    return vals[at]!;
  }

  private pairZh(i: number, j: number): number {
    const { vals, at } = this.slot(i, j);
    return vals[at + 1]!;
  }

  /** Set by `similarity`: the sum over the bead's sentences of their uncovered share (`neutral` for one without words). */
  lastMissed = 0;

  /**
   * Similarity of en[i0, i1) and zh[j0, j1) in [0, 1]; undefined when neither side has a
   * word to judge. Also leaves in `lastMissed` the sum of the sentences' uncovered shares.
   */
  similarity(i0: number, i1: number, j0: number, j1: number, neutral = 0): number | undefined {
    // The search's hot path: one cache read per sentence pair, Chinese sums kept per column.
    const zhSum = this.zhSum.fill(0, 0, j1 - j0);
    let total = 0;
    let hits = 0;
    let missed = 0;
    for (let i = i0; i < i1; i++) {
      const n = this.enLen[i]!;
      let h = 0;
      for (let j = j0; j < j1; j++) {
        const { vals, at } = this.slot(i, j);
        h += vals[at]!;
        zhSum[j - j0]! += vals[at + 1]!;
      }
      total += n;
      h = Math.min(n, h);
      hits += h;
      missed += n === 0 ? 1 - neutral : 1 - h / n;
    }
    for (let j = j0; j < j1; j++) {
      const n = this.zhLen[j]!;
      const h = Math.min(n, zhSum[j - j0]!);
      total += n;
      hits += h;
      missed += n === 0 ? 1 - neutral : 1 - h / n;
    }
    this.lastMissed = missed;
    return total === 0 ? undefined : hits / total;
  }

  /**
   * Per-sentence coverage of a bead: for every sentence, the share of its words' weight that
   * finds a translation in the other side's sentences. A sentence with no word to judge gets
   * `neutral`. Judging each sentence alone keeps a bead from absorbing an unrelated
   * sentence on the strength of its partner.
   */
  coverage(i0: number, i1: number, j0: number, j1: number, neutral: number): number[] {
    const out: number[] = [];
    for (let i = i0; i < i1; i++) {
      const n = this.enLen[i]!;
      let h = 0;
      for (let j = j0; j < j1; j++) h += this.pairEn(i, j);
      out.push(n === 0 ? neutral : Math.min(1, h / n));
    }
    for (let j = j0; j < j1; j++) {
      const n = this.zhLen[j]!;
      let h = 0;
      for (let i = i0; i < i1; i++) h += this.pairZh(i, j);
      out.push(n === 0 ? neutral : Math.min(1, h / n));
    }
    return out;
  }
}
