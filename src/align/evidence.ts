import type { Bead, Sentence } from "../model/index.js";
import type { BilingualDictionary } from "../lexicon/dictionary.js";
import { bandedAlign, guideFromPath, stepPosteriors, type BandOptions, type Move, type Path } from "./dp.js";
import { contentLength, estimateRatio, lengthMatchProbability, type LengthModel } from "./length.js";
import { documentIdf, enFeatures, PairwiseLexicon, zhFeatures, type EnFeatures, type ZhFeatures } from "./lexical.js";

export { learnModel1, DEFAULT_MODEL1, type Model1Params } from "./model1.js";
import { DEFAULT_MODEL1, learnModel1, type Model1Params } from "./model1.js";
import { markMismatch, MarkIndex, type Mark } from "./marks.js";

/** What the evidence aligner needs: the Chinese word cutter and a bilingual dictionary. */
export interface AlignResources {
  cut(text: string): string[];
  dict: BilingualDictionary;
  /** Optional sentence embeddings (unit vectors, one per sentence of each side): one more evidence term. */
  vectors?: SentenceVectors;
}

/** Unit sentence vectors of a document, one per sentence, from `createSentenceEncoder`. */
export interface SentenceVectors {
  en: readonly Float32Array[];
  zh: readonly Float32Array[];
}

/** Weights of the scoring function; every default in one place. */
export interface EvidenceParams {
  /** Cost of a bead shape, `"en-zh"`; shapes not listed are not searched. */
  shapes: Record<string, number>;
  /** Cost per sentence left unaligned (1-0, 0-1). */
  skip: number;
  /** Weight of −log P(length match). */
  length: number;
  /** Gale & Church's variance per character of the length difference. */
  variance: number;
  /** Weight of (1 − lexical similarity), per sentence of the bead. */
  lexical: number;
  /** Weight of (1 − number overlap), when either side states a number. */
  numbers: number;
  /**
   * Share of the lexical cost paid sentence by sentence (each its uncovered share) rather than
   * by the bead's pooled similarity (which lets a long well-matched sentence carry a short stray one).
   */
  perSentence: number;
  /** Similarity assumed when neither side has a word the dictionary knows. */
  neutral: number;
  /** Cost when one side of a bead carries a mark (a question, quoted speech, a speaker label) and the other does not. */
  marks: Record<Mark, number>;
  /** Words a sentence at the edge of a merged bead needs before zero coverage splits it off (Infinity: never). */
  peel: number;
  /** Similarity the rest of the bead needs on its own before a sentence is split off it. */
  peelRest: number;
  /**
   * Temperature turning path costs into probabilities: a bead's score is its posterior
   * probability over the alignments near the chosen one (0: the older evidence mix, `beadScore`).
   */
  temperature: number;
  /** Weights of the logistic confidence model (see `confidence`). */
  confidence: ConfidenceWeights;
  /** Power of the in-document IDF weight of a word (0: every word counts 1); see `documentIdf`. */
  idf: number;
  /** The translation-probability model the second pass learns from the first pass's confident beads. */
  model1: Model1Params;
  /**
   * Weight of (1 − cosine of the bead's summed sentence embeddings), per sentence of the bead,
   * when embeddings are given (`--embeddings`). Not tuned: no model is at hand on the development
   * machine; set equal to `lexical`, the evidence it stands beside.
   */
  embedding: number;
}

export const DEFAULT_EVIDENCE: EvidenceParams = {
  shapes: { "1-1": 0, "2-1": 0.6, "1-2": 0.6, "2-2": 1.6, "3-1": 1.4, "1-3": 1.4, "4-1": 2.2, "1-4": 2.2, "5-1": 3, "1-5": 3, "3-2": 2.4, "2-3": 2.4 },
  skip: 3,
  length: 0.25,
  variance: 12,
  lexical: 1.5,
  numbers: 0.3,
  neutral: 0.3,
  perSentence: 0,
  marks: { asks: 0.4, quotes: 0.2, label: 0.5 },
  peel: 6,
  peelRest: 0.6,
  temperature: 0.5,
  confidence: { bias: 4.85, posterior: 1.82, coverage: 1.43, enCoverage: 0.12, zhCoverage: 0.51, length: 0.19, neighbour: 1.14, merged: -0.71, leak: -1.39 },
  idf: 0,
  model1: DEFAULT_MODEL1,
  embedding: 1.5,
};

interface Prepared {
  en: EnFeatures[];
  zh: ZhFeatures[];
  enLen: Float64Array;
  zhLen: Float64Array;
  model: LengthModel;
  lex: PairwiseLexicon;
  hasNumbers: boolean;
  /** Prefix counts of numbers per side. */
  enNums: Float64Array;
  zhNums: Float64Array;
  /** Every sentence's numbers as ids, sentence after sentence (sentence k's start at the prefix count). */
  enNumIds: Int32Array;
  zhNumIds: Int32Array;
  /** Scratch marks for matching numbers without allocating. */
  numUsed: Uint32Array;
  numGen: { n: number };
  enMarks: MarkIndex;
  zhMarks: MarkIndex;
  /** Prefix sums of the sentence vectors (row k: the sum of sentences before k), when given. */
  vectors?: { dim: number; en: Float64Array; zh: Float64Array };
}

function vectorPrefix(vs: readonly Float32Array[], dim: number): Float64Array {
  const out = new Float64Array((vs.length + 1) * dim);
  vs.forEach((v, k) => {
    for (let d = 0; d < dim; d++) out[(k + 1) * dim + d] = out[k * dim + d]! + v[d]!;
  });
  return out;
}

/** Cosine of the summed sentence vectors of en[i0, i1) and zh[j0, j1) (Vecalign's bead embedding, unnormalised). */
function beadCosine(v: NonNullable<Prepared["vectors"]>, i0: number, i1: number, j0: number, j1: number): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let d = 0; d < v.dim; d++) {
    const a = v.en[i1 * v.dim + d]! - v.en[i0 * v.dim + d]!;
    const b = v.zh[j1 * v.dim + d]! - v.zh[j0 * v.dim + d]!;
    dot += a * b;
    na += a * a;
    nb += b * b;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

function prefix(values: number[]): Float64Array {
  const p = new Float64Array(values.length + 1);
  values.forEach((v, k) => (p[k + 1] = p[k]! + v));
  return p;
}

function prepare(en: Sentence[], zh: Sentence[], res: AlignResources, params: EvidenceParams): Prepared {
  const ids = new Map<string, number>();
  const id = (key: string): number => {
    let v = ids.get(key);
    if (v === undefined) ids.set(key, (v = ids.size));
    return v;
  };
  const el = en.map((s) => contentLength(s.text));
  const zl = zh.map((s) => contentLength(s.text));
  const ef = en.map((s) => enFeatures(s.text));
  const zf = zh.map((s) => zhFeatures(s.text, res.cut, res.dict));
  return {
    en: ef,
    zh: zf,
    lex: new PairwiseLexicon(ef, zf, documentIdf(ef, zf, params.idf)),
    hasNumbers: ef.some((e) => e.numbers.length > 0) || zf.some((z) => z.numbers.length > 0),
    enNums: prefix(ef.map((e) => e.numbers.length)),
    zhNums: prefix(zf.map((z) => z.numbers.length)),
    enNumIds: Int32Array.from(ef.flatMap((e) => e.numbers), id),
    zhNumIds: Int32Array.from(zf.flatMap((z) => z.numbers), id),
    numUsed: new Uint32Array(zf.reduce((a, z) => a + z.numbers.length, 0)),
    numGen: { n: 0 },
    enMarks: new MarkIndex(en.map((s) => s.text), "en"),
    zhMarks: new MarkIndex(zh.map((s) => s.text), "zh"),
    enLen: prefix(el),
    zhLen: prefix(zl),
    ...(res.vectors ? { vectors: checkedVectors(res.vectors, en.length, zh.length) } : {}),
    model: { ratio: estimateRatio(el, zl), variance: params.variance },
  };
}

function checkedVectors(v: SentenceVectors, n: number, m: number): NonNullable<Prepared["vectors"]> {
  const dim = v.en[0]?.length ?? v.zh[0]?.length ?? 0;
  if (v.en.length !== n || v.zh.length !== m || [...v.en, ...v.zh].some((x) => x.length !== dim)) {
    throw new Error(`sentence vectors: ${v.en.length}×${v.zh.length} given for ${n}×${m} sentences, or of unequal sizes`);
  }
  return { dim, en: vectorPrefix(v.en, dim), zh: vectorPrefix(v.zh, dim) };
}

/** The same evidence with learned word pairs added to the dictionary's (only the lexicon changes). */
function relearn(p: Prepared, zh: Sentence[], res: AlignResources, params: EvidenceParams, learned: ReadonlyMap<string, readonly string[]>): Prepared {
  const zf = zh.map((s) => zhFeatures(s.text, res.cut, res.dict, learned));
  return { ...p, zh: zf, lex: new PairwiseLexicon(p.en, zf, documentIdf(p.en, zf, params.idf)) };
}

/** The three pieces of evidence for one bead; `sim` and `num` undefined where there is none. */
function evidence(p: Prepared, i0: number, i1: number, j0: number, j1: number, neutral: number): { len: number; sim: number | undefined; cov: number[]; num: number | undefined } {
  return {
    len: lengthMatchProbability(p.enLen[i1]! - p.enLen[i0]!, p.zhLen[j1]! - p.zhLen[j0]!, p.model),
    sim: p.lex.similarity(i0, i1, j0, j1),
    cov: p.lex.coverage(i0, i1, j0, j1, neutral),
    num: beadNumbers(p, i0, i1, j0, j1),
  };
}

function beadNumbers(p: Prepared, i0: number, i1: number, j0: number, j1: number): number | undefined {
  // Most sentences state no number: prefix counts answer that without allocating.
  const a0 = p.enNums[i0]!;
  const a1 = p.enNums[i1]!;
  const b0 = p.zhNums[j0]!;
  const b1 = p.zhNums[j1]!;
  if (a1 === a0 && b1 === b0) return undefined;
  // numberOverlap's Dice on the id slices, each Chinese number matched at most once.
  const gen = ++p.numGen.n;
  let common = 0;
  for (let a = a0; a < a1; a++) {
    const x = p.enNumIds[a]!;
    for (let b = b0; b < b1; b++) {
      if (p.numUsed[b] !== gen && p.zhNumIds[b] === x) {
        p.numUsed[b] = gen;
        common++;
        break;
      }
    }
  }
  return (2 * common) / (a1 - a0 + b1 - b0);
}

/**
 * A cheap route through the matrix: 1-1, 1-0 and 0-1 beads only, each 1-1 judged by
 * length, the pair's words and numbers. It tells the full search where to look.
 */
function route(p: Prepared, params: EvidenceParams): Path["steps"] {
  const moves: Move[] = [{ en: 1, zh: 1 }, { en: 1, zh: 0 }, { en: 0, zh: 1 }];
  const cost = (i0: number, i1: number, j0: number, j1: number): number => {
    if (i1 === i0 || j1 === j0) return params.skip * 0.5;
    const len = lengthMatchProbability(p.enLen[i1]! - p.enLen[i0]!, p.zhLen[j1]! - p.zhLen[j0]!, p.model);
    const c = params.length * -Math.log(Math.max(len, 1e-4)) + params.lexical * (1 - (p.lex.similarity(i0, i1, j0, j1) ?? params.neutral));
    return p.vectors ? c + params.embedding * (1 - beadCosine(p.vectors, i0, i1, j0, j1)) : c;
  };
  const width = Math.ceil(0.005 * Math.max(p.en.length, p.zh.length)) + ROUTE_WIDTH;
  return bandedAlign(p.en.length, p.zh.length, moves, cost, { width, guide: lengthGuide(p) }).steps;
}

/**
 * For each English row, the Chinese sentence boundary where as much text has been read on
 * both sides (by the length ratio): a translation stays close to it even where one side
 * merges many sentences, which the proportional diagonal does not follow.
 */
export function lengthGuide(p: Pick<Prepared, "enLen" | "zhLen" | "model">): Int32Array {
  const n = p.enLen.length - 1;
  const m = p.zhLen.length - 1;
  const guide = new Int32Array(n + 1);
  let j = 0;
  for (let i = 0; i <= n; i++) {
    const target = p.enLen[i]! / p.model.ratio;
    while (j < m && Math.abs(p.zhLen[j + 1]! - target) <= Math.abs(p.zhLen[j]! - target)) j++;
    guide[i] = j;
  }
  guide[n] = m;
  return guide;
}

/** A band of `margin` around an earlier path (plus what its 0-1 runs span). */
function around(steps: Path["steps"], n: number, margin: number): BandOptions {
  const { guide, spread } = guideFromPath(steps, n);
  return { guide, width: spread + margin };
}

function search(p: Prepared, params: EvidenceParams, guideSteps?: Path["steps"]): Found {
  const moves: Move[] = [{ en: 1, zh: 0 }, { en: 0, zh: 1 }];
  for (const k of Object.keys(params.shapes)) {
    const [a, b] = k.split("-").map(Number);
    moves.push({ en: a!, zh: b! });
  }
  const shapeCost = new Float64Array(64);
  for (const [k, v] of Object.entries(params.shapes)) {
    const [a, b] = k.split("-").map(Number);
    shapeCost[a! * 8 + b!] = v;
  }
  const cost = (i0: number, i1: number, j0: number, j1: number): number => {
    const n = i1 - i0;
    const m = j1 - j0;
    if (n === 0 || m === 0) return params.skip * (n + m);
    // The hot path: only what the cost needs (per-sentence coverage is for scores and peeling).
    const len = lengthMatchProbability(p.enLen[i1]! - p.enLen[i0]!, p.zhLen[j1]! - p.zhLen[j0]!, p.model);
    let c = shapeCost[n * 8 + m]! + params.length * -Math.log(Math.max(len, 1e-4));
    const sim = p.lex.similarity(i0, i1, j0, j1, params.neutral) ?? params.neutral;
    c += params.lexical * ((1 - params.perSentence) * (1 - sim) * ((n + m) / 2) + params.perSentence * p.lex.lastMissed / 2);
    c += markMismatch(p.enMarks, p.zhMarks, i0, i1, j0, j1, params.marks);
    if (p.vectors) c += params.embedding * (1 - beadCosine(p.vectors, i0, i1, j0, j1)) * ((n + m) / 2);
    if (p.hasNumbers) {
      const num = beadNumbers(p, i0, i1, j0, j1);
      if (num !== undefined) c += params.numbers * (1 - num);
    }
    return c;
  };
  const path = bandedAlign(p.en.length, p.zh.length, moves, cost, around(guideSteps ?? route(p, params), p.en.length, GUIDE_MARGIN));
  return { steps: peel(p, path.steps, params.peel, params.peelRest), moves, cost };
}

/** What a search found: the beads as path steps, and the lattice it searched (for posteriors). */
interface Found {
  steps: Step[];
  moves: Move[];
  cost: (i0: number, i1: number, j0: number, j1: number) => number;
}

/** Evidence behind one bead's score. */
export interface BeadEvidence {
  /** Posterior probability of the bead among the alignments near the chosen one (at `temperature`). */
  posterior: number;
  /** Coverage of the bead's least covered sentence; undefined for a 1-0 or 0-1 bead. */
  coverage: number | undefined;
  /** The least covered English and Chinese sentence apart (a bead may be well covered on one side only). */
  enCoverage?: number;
  zhCoverage?: number;
  /** Gale–Church length-match probability of the bead. */
  length?: number;
  /** The lower posterior of the two neighbouring beads (1 at an edge): an error rarely comes alone. */
  neighbour?: number;
  /** Sentences in the bead, both sides. */
  size?: number;
  /**
   * How well the bead's sentences translate a sentence just outside it (the largest coverage of
   * a neighbouring sentence by the bead's other side): a boundary may be misplaced.
   */
  leak?: number;
}

/** Beads with their scores: the older evidence mix for a first pass, the calibrated confidence for the last. */
function finish(p: Prepared, params: EvidenceParams, found: Found, calibrated: boolean): { beads: Bead[]; evidence: BeadEvidence[] } {
  const { steps } = found;
  if (!calibrated) {
    const beads = steps.map((s) => {
      const bead: Bead = { en: range(s.i0, s.i1), zh: range(s.j0, s.j1), score: 0 };
      if (bead.en.length && bead.zh.length) bead.score = beadScore(evidence(p, s.i0, s.i1, s.j0, s.j1, params.neutral));
      return bead;
    });
    return { beads, evidence: [] };
  }
  const post = stepPosteriors(p.en.length, p.zh.length, found.moves, found.cost, steps.map((s) => ({ ...s, cost: 0 })), params.temperature, POSTERIOR_MARGIN);
  const ev: BeadEvidence[] = steps.map((s, k) => {
    const neighbour = Math.min(post[k - 1] ?? 1, post[k + 1] ?? 1);
    if (s.i1 === s.i0 || s.j1 === s.j0) return { posterior: post[k]!, coverage: undefined, neighbour };
    const cov = p.lex.coverage(s.i0, s.i1, s.j0, s.j1, params.neutral);
    const nEn = s.i1 - s.i0;
    return {
      posterior: post[k]!,
      coverage: Math.min(...cov),
      enCoverage: Math.min(...cov.slice(0, nEn)),
      zhCoverage: Math.min(...cov.slice(nEn)),
      length: lengthMatchProbability(p.enLen[s.i1]! - p.enLen[s.i0]!, p.zhLen[s.j1]! - p.zhLen[s.j0]!, p.model),
      neighbour,
      size: nEn + s.j1 - s.j0,
      leak: leak(p, s),
    };
  });
  const beads = steps.map((s, k) => ({ en: range(s.i0, s.i1), zh: range(s.j0, s.j1), score: Math.round(confidence(ev[k]!, params.confidence) * 1000) / 1000 }));
  return { beads, evidence: ev };
}

/** The largest coverage of a sentence next to the bead (either side, before or after) by the bead's other side. */
function leak(p: Prepared, s: Step): number {
  let out = 0;
  const nEn = s.i1 - s.i0;
  // Coverage lists hold the English sentences first, then the Chinese ones.
  if (s.j0 > 0) out = Math.max(out, p.lex.coverage(s.i0, s.i1, s.j0 - 1, s.j0, 0)[nEn]!);
  if (s.j1 < p.zh.length) out = Math.max(out, p.lex.coverage(s.i0, s.i1, s.j1, s.j1 + 1, 0)[nEn]!);
  if (s.i0 > 0) out = Math.max(out, p.lex.coverage(s.i0 - 1, s.i0, s.j0, s.j1, 0)[0]!);
  if (s.i1 < p.en.length) out = Math.max(out, p.lex.coverage(s.i1, s.i1 + 1, s.j0, s.j1, 0)[0]!);
  return out;
}

/** Weights of the confidence model, by feature name (see `confidenceFeatures`), plus a bias. */
export type ConfidenceWeights = { bias: number } & Partial<Record<ConfidenceFeature, number>>;

export type ConfidenceFeature = "posterior" | "coverage" | "enCoverage" | "zhCoverage" | "length" | "neighbour" | "merged" | "leak";

/**
 * The features the confidence model weighs, for a two-sided bead: log-probabilities (floored at
 * 1e-4) for the posterior, the length match and the weaker neighbour's posterior; coverages as
 * shares; `merged` 1 for a bead of more than two sentences. Missing evidence counts as neutral.
 */
export function confidenceFeatures(e: BeadEvidence): Record<ConfidenceFeature, number> {
  const ln = (x: number | undefined): number => Math.log(Math.max(x ?? 1, 1e-4));
  const cov = e.coverage ?? 0;
  return {
    posterior: ln(e.posterior),
    coverage: cov,
    enCoverage: e.enCoverage ?? cov,
    zhCoverage: e.zhCoverage ?? cov,
    length: ln(e.length),
    neighbour: ln(e.neighbour),
    merged: (e.size ?? 2) > 2 ? 1 : 0,
    leak: e.leak ?? 0,
  };
}

/**
 * The probability that a bead is exactly right, by a logistic model of its evidence
 * (`confidenceFeatures`) fitted on the development sets (`node scripts/fit-confidence.mjs`).
 * A 1-0 or 0-1 bead (never exported as a unit) keeps its posterior.
 */
export function confidence(e: BeadEvidence, w: ConfidenceWeights): number {
  if (e.coverage === undefined) return e.posterior;
  const f = confidenceFeatures(e);
  let z = w.bias;
  for (const k of Object.keys(f) as ConfidenceFeature[]) z += (w[k] ?? 0) * f[k];
  return 1 / (1 + Math.exp(-z));
}

/**
 * Confidence in [0, 1]: mostly lexical (the bead's similarity or its weakest sentence's
 * coverage, whichever is lower; 0.5 is already a strong match), partly length and numbers.
 */
export function beadScore(e: { len: number; sim: number | undefined; cov: number[]; num: number | undefined }): number {
  const lex = Math.min(1, Math.min(e.sim ?? 0.3, ...e.cov) / 0.5);
  const num = e.num ?? lex;
  return Math.round((0.6 * lex + 0.25 * e.len + 0.15 * num) * 1000) / 1000;
}

type Step = { i0: number; i1: number; j0: number; j1: number };

/**
 * Half-width (plus 0.5 % of the longer side) of the band the cheap route starts in; it
 * doubles wherever the route reaches its edge, so a narrow start only saves time.
 */
const ROUTE_WIDTH = 30;

/** Half-width of the band around the final path in which rival alignments are summed for a bead's posterior. */
const POSTERIOR_MARGIN = 8;

/** Half-width of the band around a guiding path; it doubles where the best path reaches its edge. */
const GUIDE_MARGIN = 12;


/**
 * Splits off, as 0-1 or 1-0 beads, sentences at the edge of a merged bead that find no
 * translation at all in the other side although they have words to judge: the averaged
 * similarity of a bead otherwise lets it absorb an inserted note or an omission.
 */
function peel(p: Prepared, steps: readonly Step[], minWords: number, minRest: number): Step[] {
  const out: Step[] = [];
  const words = (lang: "en" | "zh", k: number): number => (lang === "en" ? p.en[k]!.stems.length : p.zh[k]!.words.length + p.zh[k]!.unknown);
  const bare = (lang: "en" | "zh", k: number, s: Step): boolean => {
    if (words(lang, k) < minWords) return false;
    const cov = lang === "en" ? p.lex.coverage(k, k + 1, s.j0, s.j1, 1)[0]! : p.lex.coverage(s.i0, s.i1, k, k + 1, 1)[1]!;
    if (cov !== 0) return false;
    // Only where the rest of the bead is a translation pair on its own.
    const rest = lang === "en" ? p.lex.similarity(k === s.i0 ? k + 1 : s.i0, k === s.i0 ? s.i1 : k, s.j0, s.j1) : p.lex.similarity(s.i0, s.i1, k === s.j0 ? k + 1 : s.j0, k === s.j0 ? s.j1 : k);
    return (rest ?? 0) >= minRest;
  };
  for (const step of steps) {
    let s = { ...step };
    const after: Step[] = [];
    if (s.i1 > s.i0 && s.j1 > s.j0) {
      while (s.j1 - s.j0 > 1 && bare("zh", s.j0, s)) out.push({ i0: s.i0, i1: s.i0, j0: s.j0, j1: ++s.j0 });
      while (s.j1 - s.j0 > 1 && bare("zh", s.j1 - 1, s)) after.unshift({ i0: s.i1, i1: s.i1, j0: s.j1 - 1, j1: s.j1-- });
      while (s.i1 - s.i0 > 1 && bare("en", s.i0, s)) out.push({ i0: s.i0, i1: ++s.i0, j0: s.j0, j1: s.j0 });
      while (s.i1 - s.i0 > 1 && bare("en", s.i1 - 1, s)) after.unshift({ i0: s.i1 - 1, i1: s.i1--, j0: s.j1, j1: s.j1 });
    }
    out.push(s, ...after);
  }
  return out;
}

/** Bead index lists back to path steps (sentence boundaries). */
function beadsToSteps(beads: readonly Bead[]): Path["steps"] {
  let i = 0;
  let j = 0;
  return beads.map((b) => {
    const s = { i0: i, i1: i + b.en.length, j0: j, j1: j + b.zh.length, cost: 0 };
    i = s.i1;
    j = s.j1;
    return s;
  });
}

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a }, (_, k) => a + k);
}

/**
 * Sentence alignment by length, a bilingual dictionary, numbers and a lexicon learned
 * from the input: a first pass aligns with the dictionary, confident beads teach word
 * pairs the dictionary lacks, and a second pass realigns with them.
 */
export function alignWithEvidence(en: Sentence[], zh: Sentence[], res: AlignResources, params: EvidenceParams = DEFAULT_EVIDENCE): Bead[] {
  return alignDetailed(en, zh, res, params).beads;
}

/** `alignWithEvidence` with the evidence behind each bead's score (for calibrating it). */
export function alignDetailed(en: Sentence[], zh: Sentence[], res: AlignResources, params: EvidenceParams = DEFAULT_EVIDENCE): { beads: Bead[]; evidence: BeadEvidence[] } {
  if (en.length === 0 || zh.length === 0) {
    const beads = [...en.map((_, i) => ({ en: [i], zh: [], score: 1 })), ...zh.map((_, j) => ({ en: [], zh: [j], score: 1 }))];
    return { beads, evidence: beads.map(() => ({ posterior: 1, coverage: undefined })) };
  }
  const p1 = prepare(en, zh, res, params);
  const f1 = search(p1, params);
  const first = finish(p1, params, f1, false).beads;
  const learned = learnModel1(p1.en, p1.zh, first, res.dict, params.model1);
  if (learned.size === 0) return finish(p1, params, f1, true);
  // The second pass looks around the first pass's path: learned words refine, they do not move it far.
  const p2 = relearn(p1, zh, res, params, learned);
  return finish(p2, params, search(p2, params, beadsToSteps(first)), true);
}

