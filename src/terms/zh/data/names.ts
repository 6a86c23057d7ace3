/**
 * Chinese data for foreign names written by sound (贝索斯, 斯皮尔伯格, 杰夫·贝索斯).
 *
 * jieba knows common transliterations (纽约, 布莱尔) but cuts a new one into single
 * characters with stray tags (贝/zg 索/nr 斯/nr) or leaves it as an unknown `x` word, so the
 * candidate assembler rebuilds it from the characters the standard transcription tables use
 * (the syllable table of the Xinhua transcription of foreign names, with the feminine
 * characters common in given names). General data: no word of any document is listed.
 */

export { TRANSLIT_CHARS } from "../../../lexicon/data/translit.js";

/** Dots that join the parts of a transcribed name (given name · surname). */
export const NAME_DOTS: ReadonlySet<string> = new Set(["·", "•", "‧", "・", "．"]);

/**
 * jieba tags that a piece of a transcribed name gets when jieba does not know the name: person
 * and place names, unknown words, and the single-character morpheme tags it gives leftovers.
 */
export const NAME_PIECE_TAGS: ReadonlySet<string> = new Set(["nr", "nrt", "nrfg", "ns", "nz", "x", "zg", "ng", "n", "rg", "tg", "vg", "ag", "dg", "j"]);

/** Shortest transcribed name assembled from pieces, in characters (one character is too ambiguous). */
export const MIN_NAME_CHARS = 2;
