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
  /**
   * Per unknown word of two or more characters, what it may meet: its pinyin keys if it may be a
   * name (王毅 → py:wang, py:yi, py:wangyi) and the glosses of its characters.
   */
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

/** Glosses of each character of a word (a word jieba glued together, 事上 or 搞我, keeps its characters' meaning). */
function characterGlosses(word: string, dict: BilingualDictionary): string[] {
  const out: string[] = [];
  for (const ch of word) out.push(...(dict.glosses(ch) ?? []));
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
      const keys = [...((dict.readings && nameKeys(w, dict.readings)) ?? []), ...(w.length > 1 ? characterGlosses(w, dict) : [])];
      if (keys.length) {
        names.push(keys);
        nameForms.push(w);
      } else otherForms.push(w);
    }
  }
  return { words, unknown, names, numbers: chineseNumbers(text), forms, unknownForms: [...nameForms, ...otherForms] };
}

/** First index of a sorted array holding a value ≥ x. */
function lowerBound(a: Int32Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
  /**
   * English stem (or name key) → the Chinese words that gloss to it, ordered by sentence: their
   * sentences in `js`, their document-wide word numbers in `ws`.
   */
  private readonly postings = new Map<string, { js: Int32Array; ws: Int32Array }>();
  /** Weight of each Chinese word by document-wide number (glossed words, then name words, per sentence). */
  private readonly zhPosFlat: Float64Array;
  /** Distinct English stems per sentence, with their total weight in the sentence. */
  private readonly enDistinct: Array<Array<{ stem: string; weight: number }>>;
  private readonly enNames: Array<ReadonlyArray<{ key: string; weight: number }>>;
  /** Total weight per sentence (Chinese: unknown words at UNKNOWN_WEIGHT). */
  private readonly enLen: Float64Array;
  private readonly zhLen: Float64Array;
  private readonly zhSum = new Float64Array(16);
  private readonly seen: Uint32Array;
  private generation = 0;
  /** Per English sentence, a window of Chinese sentences with hit weights (en, zh interleaved). */
  private readonly rows: Array<{ lo: number; vals: Float64Array } | undefined> = [];

  constructor(
    en: readonly EnFeatures[],
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
    const zhPos = zh.map((z) =>
      Float64Array.from([...z.forms.map((f) => weights.zh(f)), ...z.unknownForms.slice(0, z.names.length).map((f) => UNKNOWN_WEIGHT * weights.zh(f))]),
    );
    this.zhPosFlat = Float64Array.from(zhPos.flatMap((w) => [...w]));
    const lists = new Map<string, { js: number[]; ws: number[] }>();
    let base = 0;
    zh.forEach((z, j) => {
      // Name words follow the glossed words.
      [...z.words, ...z.names].forEach((g, w) => {
        for (const st of new Set(g)) {
          let l = lists.get(st);
          if (!l) lists.set(st, (l = { js: [], ws: [] }));
          l.js.push(j);
          l.ws.push(base + w);
        }
      });
      base += zhPos[j]!.length;
    });
    for (const [st, l] of lists) this.postings.set(st, { js: Int32Array.from(l.js), ws: Int32Array.from(l.ws) });
    this.enLen = Float64Array.from(this.enDistinct, (d) => d.reduce((a, x) => a + x.weight, 0));
    this.zhLen = Float64Array.from(zh, (z, j) => {
      let t = 0;
      for (let k = 0; k < z.forms.length; k++) t += zhPos[j]![k]!;
      for (const f of z.unknownForms) t += UNKNOWN_WEIGHT * weights.zh(f);
      return t;
    });
    this.seen = new Uint32Array(Math.max(1, base));
  }

  /** The values row that `ensure` last returned an offset into. */
  private cur: Float64Array = new Float64Array(0);

  /**
   * Offset in `this.cur` of pair (i, j): the English hit weight there, the Chinese hit weight
   * after it (the search's hot path: no allocation).
   */
  private ensure(i: number, j: number): number {
    let row = this.rows[i];
    if (!row || j < row.lo || j >= row.lo + (row.vals.length >> 1)) row = this.grow(i, j);
    this.cur = row.vals;
    return 2 * (j - row.lo);
  }

  /**
   * Hit weights of sentence i against Chinese sentences [lo, hi), written into `vals` (whose
   * window starts at `rowLo`): walking the postings of i's stems costs what they hit, not
   * what the window holds.
   */
  private fill(i: number, lo: number, hi: number, vals: Float64Array, rowLo: number): void {
    if (hi <= lo) return;
    const gen = ++this.generation;
    const seen = this.seen;
    const pos = this.zhPosFlat;
    const distinct = this.enDistinct[i]!;
    const names = this.enNames[i]!;
    for (let k = 0, n = distinct.length + names.length; k < n; k++) {
      const post = this.postings.get(k < distinct.length ? distinct[k]!.stem : names[k - distinct.length]!.key);
      if (!post) continue;
      const weight = k < distinct.length ? distinct[k]!.weight : names[k - distinct.length]!.weight;
      const { js, ws } = post;
      let p = lowerBound(js, lo);
      let last = -1;
      for (; p < js.length && js[p]! < hi; p++) {
        const at = 2 * (js[p]! - rowLo);
        if (js[p] !== last) {
          vals[at]! += weight;
          last = js[p]!;
        }
        const w = ws[p]!;
        if (seen[w] !== gen) {
          seen[w] = gen;
          vals[at + 1]! += pos[w]!;
        }
      }
    }
  }

  /** Widens row i's window to hold j, by at least its own size (the search asks for a band around the diagonal). */
  private grow(i: number, j: number): { lo: number; vals: Float64Array } {
    const old = this.rows[i];
    let lo = j - 64;
    let hi = j + 65;
    if (old) {
      const oldHi = old.lo + (old.vals.length >> 1);
      const slack = Math.max(64, oldHi - old.lo);
      lo = Math.min(old.lo, j < old.lo ? j - slack : old.lo);
      hi = Math.max(oldHi, j >= oldHi ? j + slack : oldHi);
    }
    lo = Math.max(0, lo);
    hi = Math.min(this.zh.length, hi);
    const vals = new Float64Array(2 * (hi - lo));
    if (old) {
      const oldHi = old.lo + (old.vals.length >> 1);
      vals.set(old.vals, 2 * (old.lo - lo));
      this.fill(i, lo, old.lo, vals, lo);
      this.fill(i, oldHi, hi, vals, lo);
    } else this.fill(i, lo, hi, vals, lo);
    const row = { lo, vals };
    this.rows[i] = row;
    return row;
  }

  private pairEn(i: number, j: number): number {
    const at = this.ensure(i, j);
    return this.cur[at]!;
  }

  private pairZh(i: number, j: number): number {
    const at = this.ensure(i, j);
    return this.cur[at + 1]!;
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
        const at = this.ensure(i, j);
        h += this.cur[at]!;
        zhSum[j - j0]! += this.cur[at + 1]!;
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
