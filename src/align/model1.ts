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

export const DEFAULT_MODEL1: Model1Params = { iterations: 3, prior: 1, minProb: 0.1, minCount: 2, minBeadScore: 0.5, maxBead: 5, maxPerWord: 2 };

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

/** The word pairs the teaching beads hold, numbered once for both directions. */
interface Pairs {
  /** Per Chinese word, English word → pair number. */
  ids: Array<Map<number, number>>;
  zhOf: Int32Array;
  enOf: Int32Array;
  /** Teaching beads each pair meets in. */
  cooc: Int32Array;
  /** Per bead, its pairs Chinese-major: pair (zi, ei) at zi · |en| + ei. */
  ofBead: Int32Array[];
}

function pairs(c: Corpus): Pairs {
  const ids = Array.from({ length: c.zhWords.length }, () => new Map<number, number>());
  const zhOf: number[] = [];
  const enOf: number[] = [];
  const cooc: number[] = [];
  const ofBead = c.beads.map((b) => {
    const out = new Int32Array(b.zh.length * b.en.length);
    let k = 0;
    for (const z of b.zh) {
      const m = ids[z]!;
      for (const e of b.en) {
        let v = m.get(e);
        if (v === undefined) {
          m.set(e, (v = zhOf.length));
          zhOf.push(z);
          enOf.push(e);
          cooc.push(0);
        }
        cooc[v]!++;
        out[k++] = v;
      }
    }
    return out;
  });
  return { ids, zhOf: Int32Array.from(zhOf), enOf: Int32Array.from(enOf), cooc: Int32Array.from(cooc), ofBead };
}

/**
 * IBM model 1 in one direction (`zhToEn`: t(en | zh), else t(zh | en)) with a NULL source
 * word, over the pairs that co-occur in the teaching beads (only they ever get mass); the
 * prior favours the pairs `inDict` marks. Returns t per pair number (NULL's pairs left out).
 */
function em(c: Corpus, pr: Pairs, zhToEn: boolean, inDict: (pair: number) => boolean, p: Model1Params): Float64Array {
  const nPairs = pr.zhOf.length;
  const nSrc = zhToEn ? c.zhWords.length : c.enStems.length;
  const nTgt = zhToEn ? c.enStems.length : c.zhWords.length;
  // Slots: the pairs, then one per target word for the NULL source.
  const n = nPairs + nTgt;
  const srcOf = new Int32Array(n);
  srcOf.set(zhToEn ? pr.zhOf : pr.enOf);
  srcOf.fill(nSrc, nPairs);
  const dict = new Float64Array(n);
  const dictPerSrc = new Float64Array(nSrc + 1);
  const pairsPerSrc = new Float64Array(nSrc + 1);
  for (let v = 0; v < nPairs; v++) {
    pairsPerSrc[srcOf[v]!]!++;
    if (inDict(v)) {
      dict[v] = p.prior;
      dictPerSrc[srcOf[v]!]! += p.prior;
    }
  }
  pairsPerSrc[nSrc] = nTgt; // every target word occurs in some bead, so has a NULL slot
  // Start from the prior: uniform over what co-occurs, dictionary pairs boosted.
  const t = new Float64Array(n);
  for (let v = 0; v < n; v++) t[v] = (1 + dict[v]!) / (pairsPerSrc[srcOf[v]!]! + dictPerSrc[srcOf[v]!]!);
  const count = new Float64Array(n);
  const total = new Float64Array(nSrc + 1);
  for (let it = 0; it < p.iterations; it++) {
    count.fill(0);
    total.fill(0);
    c.beads.forEach((b, bi) => {
      const ids = pr.ofBead[bi]!;
      const nEn = b.en.length;
      const tgt = zhToEn ? b.en : b.zh;
      const nSrcHere = zhToEn ? b.zh.length : b.en.length;
      for (let ti = 0; ti < tgt.length; ti++) {
        // The pair of source word si and target word ti in this bead's Chinese-major list.
        const at = (si: number): number => ids[zhToEn ? si * nEn + ti : ti * nEn + si]!;
        const nullSlot = nPairs + tgt[ti]!;
        let z = t[nullSlot]!;
        for (let si = 0; si < nSrcHere; si++) z += t[at(si)]!;
        for (let si = 0; si <= nSrcHere; si++) {
          const v = si === nSrcHere ? nullSlot : at(si);
          const share = t[v]! / z;
          count[v]! += share;
          total[srcOf[v]!]! += share;
        }
      }
    });
    for (let v = 0; v < n; v++) t[v] = (count[v]! + dict[v]!) / (total[srcOf[v]!]! + dictPerSrc[srcOf[v]!]!);
  }
  return t;
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
  const pr = pairs(c);
  const inDict = (v: number): boolean => inDictZE(pr.zhOf[v]!, pr.enOf[v]!);
  const zhToEn = em(c, pr, true, inDict, p);
  const enToZh = em(c, pr, false, inDict, p);
  const found = new Map<number, Array<{ e: number; prob: number }>>();
  for (let v = 0; v < pr.zhOf.length; v++) {
    if (pr.cooc[v]! < p.minCount) continue;
    const prob = Math.sqrt(zhToEn[v]! * enToZh[v]!);
    if (prob < p.minProb) continue;
    const z = pr.zhOf[v]!;
    const list = found.get(z) ?? [];
    list.push({ e: pr.enOf[v]!, prob });
    found.set(z, list);
  }
  for (const [z, list] of found) {
    // Likeliest first; equal ones in first-seen order (ids are first-seen numbers).
    list.sort((a, b) => b.prob - a.prob || a.e - b.e);
    out.set(c.zhWords[z]!, list.slice(0, p.maxPerWord).map((x) => c.enStems[x.e]!));
  }
  return out;
}
