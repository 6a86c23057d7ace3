/**
 * Tag classes and candidate shapes for Chinese term candidates.
 *
 * jieba splits many terms into dictionary words (人类 / 命运 / 共同体, 金砖 / 国家), so
 * candidates are assembled from adjacent tokens. Each token gets a one-letter role from its
 * ICTCLAS tag; a token sequence is a candidate when its role string matches one of the shapes
 * below. Roles:
 *
 * - `H` noun-like head: n, nz, nt, ns, j, an, ng, eng
 * - `P` a person's name: nr (and jieba's nrfg, nrt; a transcribed name rebuilt from its pieces):
 *   a noun in noun runs (英国首相 托尼·布莱尔), never beside a verb (a name, a verb and a noun
 *   make a clause: 贝索斯 喜欢 活动)
 * - `G` verbal noun (vn): joins noun runs and may start one (发展 目标, 经济 发展)
 * - `A` attribute: a, b, s; only before the nouns (慢性 疾病, 国内 生产总值)
 * - `V` verb: only between nouns (临床 诊断 标准), never first or last
 * - `M` a numeral-made word that is not a number (一路 in 一带 一路): only after a noun
 * - `U` an unknown CJK word (jieba's `x`, e.g. a new coinage): a modifier, never last
 * - `_` anything else: a boundary
 */

/** The role letter and the reviewer-facing label of one jieba tag. */
export interface TagClass {
  role: "H" | "P" | "G" | "A" | "V" | "M" | "U" | "_";
  label: string;
}

/** Tag → class. Tags not listed (r, p, c, d, u*, t, f, q, l, y, …) are boundaries. */
export const TAG_CLASSES: Readonly<Record<string, TagClass>> = {
  n: { role: "H", label: "N" },
  ng: { role: "H", label: "N" },
  nl: { role: "H", label: "N" },
  nz: { role: "H", label: "NZ" },
  nt: { role: "H", label: "NT" },
  ns: { role: "H", label: "NS" },
  nr: { role: "P", label: "NR" },
  nrfg: { role: "P", label: "NR" },
  nrt: { role: "P", label: "NR" },
  j: { role: "H", label: "J" },
  an: { role: "H", label: "AN" },
  eng: { role: "H", label: "ENG" },
  vn: { role: "G", label: "VN" },
  a: { role: "A", label: "A" },
  b: { role: "A", label: "A" },
  s: { role: "A", label: "S" },
  v: { role: "V", label: "V" },
  // `m` and `x` are reclassified token by token (see candidates.ts): most are numbers or punctuation.
};

/** A candidate shape over the role string of a token sequence (one letter per token). */
export interface ZhShape {
  name: string;
  shape: RegExp;
  example: string;
}

/**
 * The shapes a multi-token candidate may take. A sequence is a candidate when any matches.
 * Single tokens follow their own rule (a noun or verbal noun of at least two characters).
 */
export const ZH_SHAPES: readonly ZhShape[] = [
  { name: "noun run", shape: /^[HPGU]*[HPG]$/, example: "人类 命运 共同体; 经济 发展; 训练 数据" },
  { name: "attribute + noun run", shape: /^A{1,2}[HPGU]*[HPG]$/, example: "慢性 疾病; 国内 生产总值" },
  { name: "noun run + attribute + noun run", shape: /^A{0,2}[HPGU]*[HPG]A[HPGU]*[HPG]$/, example: "国际 肥胖症 特别 工作组" },
  { name: "noun + verb + noun", shape: /^A{0,2}[HGU]*[HG]V[HGU]*[HG]$/, example: "临床 诊断 标准; 全球 治理 体系 改革" },
  { name: "noun + numeral word", shape: /^A{0,2}[HGU]*[HG]M(?:[HGU]*[HG])?$/, example: "一带 一路; 一带 一路 倡议" },
];

/** Longest candidate, in tokens. */
export const MAX_TOKENS = 6;
