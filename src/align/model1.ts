import type { Bead } from "../model/index.js";
import type { BilingualDictionary } from "../lexicon/dictionary.js";
import type { EnFeatures, ZhFeatures } from "./lexical.js";

/** Settings of the translation-probability model; chosen on the development sets (see README, alignment). */
export interface Model1Params {
  /** EM iterations in each direction. */
  iterations: number;
  /** Pseudo-count a CC-CEDICT pair gets at every M-step: the dictionary as a Dirichlet prior. */
  prior: number;
  /** Geometric mean of t(en|zh) and t(zh|en) a pair needs to be used. */
  minProb: number;
  /** Confident beads a pair must co-occur in. */
  minCount: number;
  /** Score (of the first pass's evidence mix) a bead needs to teach. */
  minBeadScore: number;
  /** Largest bead (sentences on both sides together) that teaches. */
  maxBead: number;
  /** English stems a Chinese word keeps at most, the likeliest first: each one learned widens the second pass's search. */
  maxPerWord: number;
}

export const DEFAULT_MODEL1: Model1Params = { iterations: 5, prior: 1, minProb: 0.1, minCount: 2, minBeadScore: 0.5, maxBead: 5, maxPerWord: 2 };

/** A word list per side for each teaching bead, as numbers. */
interface Corpus {
  zhWords: string[];
  enStems: string[];
  beads: Array<{ zh: Int32Array; en: Int32Array }>;
}

function corpus(en: readonly EnFeatures[], zh: readonly ZhFeatures[], beads: readonly Bead[], p: Model1Params): Corpus {
  const zhIds = new Map<string, number>();
  const enIds = new Map<string, number>();
  const number = (ids: Map<string, number>, w: string): number => {
    let v = ids.get(w);
    if (v === undefined) ids.set(w, (v = ids.size));
    return v;
  };
  const out: Corpus["beads"] = [];
  for (const b of beads) {
    if (!b.en.length || !b.zh.length || b.en.length + b.zh.length > p.maxBead || b.score < p.minBeadScore) continue;
    const zw = new Set<number>();
    // Content words (stop words are already out), with or without a gloss; two Han characters at least.
    for (const k of b.zh) for (const w of [...zh[k]!.forms, ...zh[k]!.unknownForms]) if (/\p{Script=Han}{2,}/u.test(w)) zw.add(number(zhIds, w));
    const es = new Set<number>();
    for (const k of b.en) for (const s of en[k]!.stems) es.add(number(enIds, s));
    if (zw.size && es.size) out.push({ zh: Int32Array.from(zw), en: Int32Array.from(es) });
  }
  return { zhWords: [...zhIds.keys()], enStems: [...enIds.keys()], beads: out };
}

/**
 * IBM model 1 in one direction, t(target | source) with a NULL source word, over the
 * words that co-occur in the teaching beads. `inDict(s, t)` marks the pairs the prior favours.
 * Returns t per pair key `s * stride + t` (only co-occurring pairs ever get mass).
 */
function em(beads: ReadonlyArray<{ src: Int32Array; tgt: Int32Array }>, nSrc: number, stride: number, inDict: (s: number, t: number) => boolean, p: Model1Params): Map<number, number> {
  const NULL = nSrc;
  // Every (source, target) pair a bead holds gets a slot; a bead keeps its slots in target-major order.
  const slot = new Map<number, number>();
  const slotsOf = beads.map((b) => {
    const idx = new Int32Array(b.tgt.length * (b.src.length + 1));
    let k = 0;
    for (const t of b.tgt) {
      for (const s of b.src) {
        const key = s * stride + t;
        let v = slot.get(key);
        if (v === undefined) slot.set(key, (v = slot.size));
        idx[k++] = v;
      }
      const key = NULL * stride + t;
      let v = slot.get(key);
      if (v === undefined) slot.set(key, (v = slot.size));
      idx[k++] = v;
    }
    return idx;
  });
  const n = slot.size;
  const srcOf = new Int32Array(n);
  const dict = new Float64Array(n);
  const dictPerSrc = new Float64Array(nSrc + 1);
  const pairsPerSrc = new Float64Array(nSrc + 1);
  for (const [key, v] of slot) {
    const s = Math.floor(key / stride);
    srcOf[v] = s;
    pairsPerSrc[s]!++;
    if (s !== NULL && inDict(s, key % stride)) {
      dict[v] = p.prior;
      dictPerSrc[s]! += p.prior;
    }
  }
  // Start from the prior: uniform over what co-occurs, dictionary pairs boosted.
  const t = new Float64Array(n);
  for (let v = 0; v < n; v++) t[v] = (1 + dict[v]!) / (pairsPerSrc[srcOf[v]!]! + dictPerSrc[srcOf[v]!]!);
  const count = new Float64Array(n);
  const total = new Float64Array(nSrc + 1);
  for (let it = 0; it < p.iterations; it++) {
    count.fill(0);
    total.fill(0);
    beads.forEach((b, bi) => {
      const idx = slotsOf[bi]!;
      const row = b.src.length + 1;
      for (let k = 0; k < idx.length; k += row) {
        let z = 0;
        for (let r = 0; r < row; r++) z += t[idx[k + r]!]!;
        for (let r = 0; r < row; r++) {
          const v = idx[k + r]!;
          const c = t[v]! / z;
          count[v]! += c;
          total[srcOf[v]!]! += c;
        }
      }
    });
    for (let v = 0; v < n; v++) t[v] = (count[v]! + dict[v]!) / (total[srcOf[v]!]! + dictPerSrc[srcOf[v]!]!);
  }
  const out = new Map<number, number>();
  for (const [key, v] of slot) if (Math.floor(key / stride) !== NULL) out.set(key, t[v]!);
  return out;
}

/**
 * Translation pairs of the document by IBM model 1 (Brown et al. 1993), trained by EM on
 * the confident beads of a first pass in both directions with CC-CEDICT as a prior, and
 * pruned to pairs that both directions find likely and that meet often enough: what the
 * translator of this document chose, beyond the dictionary's glosses. Takes the sentences'
 * features of the first pass (no word is cut or stemmed twice). Chinese word →
 * English stems, in first-seen order (deterministic for the same input).
 */
export function learnModel1(en: readonly EnFeatures[], zh: readonly ZhFeatures[], beads: readonly Bead[], dict: BilingualDictionary, p: Model1Params = DEFAULT_MODEL1): Map<string, string[]> {
  const c = corpus(en, zh, beads, p);
  const out = new Map<string, string[]>();
  if (c.beads.length === 0) return out;
  const glossSets = new Map<number, Set<string>>();
  const inDictZE = (z: number, e: number): boolean => {
    let g = glossSets.get(z);
    if (!g) glossSets.set(z, (g = new Set(dict.glosses(c.zhWords[z]!) ?? [])));
    return g.has(c.enStems[e]!);
  };
  const stride = 2 ** 24;
  const zhToEn = em(c.beads.map((b) => ({ src: b.zh, tgt: b.en })), c.zhWords.length, stride, inDictZE, p);
  const enToZh = em(c.beads.map((b) => ({ src: b.en, tgt: b.zh })), c.enStems.length, stride, (e, z) => inDictZE(z, e), p);
  const cooc = new Map<number, number>();
  for (const b of c.beads) for (const z of b.zh) for (const e of b.en) cooc.set(z * stride + e, (cooc.get(z * stride + e) ?? 0) + 1);
  const found = new Map<number, Array<{ e: number; prob: number }>>();
  for (const [key, n] of cooc) {
    if (n < p.minCount) continue;
    const z = Math.floor(key / stride);
    const e = key % stride;
    const prob = Math.sqrt(zhToEn.get(key)! * enToZh.get(e * stride + z)!);
    if (prob < p.minProb) continue;
    const list = found.get(z) ?? [];
    list.push({ e, prob });
    found.set(z, list);
  }
  for (const [z, list] of found) {
    // Likeliest first; equal ones in first-seen order (ids are first-seen numbers).
    list.sort((a, b) => b.prob - a.prob || a.e - b.e);
    out.set(c.zhWords[z]!, list.slice(0, p.maxPerWord).map((x) => c.enStems[x.e]!));
  }
  return out;
}
