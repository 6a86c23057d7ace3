import type { ZhToken } from "../../src/terms/zh/jieba.js";

/**
 * Hand-made jieba tokens, so that a case does not depend on jieba's dictionary: "word/tag"
 * separated by spaces; the tag follows the last slash (·/x).
 */
export const toks = (spec: string): ZhToken[] =>
  spec.split(" ").map((p) => {
    const k = p.lastIndexOf("/");
    return { word: p.slice(0, k), tag: p.slice(k + 1) };
  });
