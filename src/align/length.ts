/** Parameters of the Gale–Church length model, in English characters. */
export interface LengthModel {
  /** English characters per Chinese character, estimated from the input. */
  ratio: number;
  /** Variance of the length difference per character (Gale & Church's s²). */
  variance: number;
}

/** Sentence length for the model: characters that carry content (no white space). */
export function contentLength(text: string): number {
  let n = 0;
  for (const ch of text) if (!/\s/u.test(ch)) n++;
  return n;
}

/** Estimates English characters per Chinese character from the totals of both sides. */
export function estimateRatio(enLengths: number[], zhLengths: number[]): number {
  const en = enLengths.reduce((a, b) => a + b, 0);
  const zh = zhLengths.reduce((a, b) => a + b, 0);
  if (en === 0 || zh === 0) return 3;
  return en / zh;
}

/** Standard normal cumulative distribution (Abramowitz–Stegun 26.2.17, error < 7.5e-8). */
export function normalCdf(x: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(x));
  const d = 0.3989422804014327 * Math.exp((-x * x) / 2);
  const p = d * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return x >= 0 ? 1 - p : p;
}

/**
 * Probability that a bead of `en` English and `zh` Chinese characters is a translation
 * pair by length alone: the two-tailed tail of Gale & Church's δ, in [0, 1].
 */
export function lengthMatchProbability(en: number, zh: number, model: LengthModel): number {
  const zhAsEn = zh * model.ratio;
  const mean = Math.max((en + zhAsEn) / 2, 1);
  const delta = (zhAsEn - en) / Math.sqrt(model.variance * mean);
  return 2 * (1 - normalCdf(Math.abs(delta)));
}
