import type { Lang } from "./text.js";

/** Where a sentence lives: its document and its index in that document's sentence list for one language. */
export interface SentenceRef {
  doc: string;
  /** Index into `AlignedDoc.en` or `AlignedDoc.zh`. */
  sentence: number;
}

/**
 * One occurrence of a term-like word sequence in one sentence, as the per-sentence
 * extractors find it. Extractors emit every nested sub-sequence that also fits a
 * term pattern, so that termhood (C-value) can see nesting.
 */
export interface Mention {
  lang: Lang;
  /** Normalised key that occurrences are counted by (en: lower case, singular; zh: the words joined). */
  key: string;
  /** The text as it stands in the sentence. */
  surface: string;
  /** Length in words (en) or jieba tokens (zh). */
  words: number;
  /** The tag pattern it matched, for the reviewer and the tests (for example `A N`, `N of N`, `ACR`). */
  pattern: string;
  /** UTF-16 offsets into the sentence text (end exclusive). */
  start: number;
  end: number;
  /** Normalised neighbouring tokens (`""` at a sentence edge), for context-variety checks. */
  left: string;
  right: string;
  /** True when this mention is the longest term-like sequence at its place (not nested in a longer mention). */
  maximal: boolean;
  /** A proper name by the tagger (a person, place or organisation), not a common word written with a capital. */
  named?: boolean;
  /** For an acronym defined in the text ("Shanghai Cooperation Organization (SCO)"): the key of its expansion. */
  expands?: string;
}

/** A term candidate of one language after counting over the corpus and scoring termhood. */
/** Pattern of a Chinese mention that is a title of a work in 《》 (brackets kept in key and surface). */
export const TITLE_PATTERN = "TITLE";

export interface TermCandidate {
  lang: Lang;
  key: string;
  /** Most frequent surface form, ties broken by code-unit order. */
  surface: string;
  /** Other surface forms seen, most frequent first. */
  variants: string[];
  words: number;
  pattern: string;
  /** Occurrences in the corpus (each sentence counts once per key). */
  count: number;
  /** Occurrences not inside a longer mention of their sentence: the term written on its own. */
  alone: number;
  /** C-value termhood (nested occurrences discounted). */
  cvalue: number;
  /** Distinct left and right neighbours seen. */
  leftVariety: number;
  rightVariety: number;
  /**
   * The one word every occurrence follows (or precedes), when a candidate seen three times or
   * more never varies there: it is then likely a fragment of a longer term (合作组织 after 上海).
   */
  fixedLeft?: string;
  fixedRight?: string;
  /** Acronym ↔ expansion keys seen in the text. */
  expands?: string;
  /** Some mention was a proper name by the tagger. */
  named?: boolean;
  /** Keys of the longer candidates this one was found inside (at most `MAX_CONTAINERS`, sorted). */
  containers?: string[];
}

/** Per-sentence mentions of one document, indexed like the document's sentences. */
export interface DocMentions {
  doc: string;
  en: Mention[][];
  zh: Mention[][];
}

/**
 * What a pair is, for a reviewer's filter: a domain `term`; a `name` (person, place, organisation,
 * title of a work); an `abbreviation` (an acronym or a Chinese short form against its full form);
 * a `phrase` (a set phrase, idiom or coordination that is not a noun phrase); a `general`
 * translation (common words on both sides: correct, seldom worth a glossary entry).
 */
export type TermKind = "term" | "name" | "abbreviation" | "phrase" | "general";

/** A bead where a pair met, with its text (both sides joined), for the reviewer. */
export interface BeadRef {
  doc: string;
  /** 0-based bead index in the document. */
  bead: number;
  score: number;
  en: string;
  zh: string;
}

/** A linked English–Chinese term pair with the evidence for it. */
export interface TermPair {
  /** Stable across runs: derived from the pair's keys only. */
  id: string;
  en: string;
  zh: string;
  enKey: string;
  zhKey: string;
  /** Other English and Chinese forms that joined this entry (variants, abbreviations). */
  enVariants: string[];
  zhVariants: string[];
  /** Final confidence in [0, 1]. */
  score: number;
  kind: TermKind;
  /** How each side was found: the extractor's pattern (`N N`, `NAME`, `ACR`, `NR`, …) or `SPOT` (translation spotting). */
  enPattern: string;
  zhPattern: string;
  enCount: number;
  zhCount: number;
  /** Beads holding both. */
  cooc: number;
  logDice: number;
  llr: number;
  /** Dictionary support in [0, 1]: share of the Chinese sub-words whose glosses meet the English words. */
  dict: number;
  exampleEn: string;
  exampleZh: string;
  /** Where the example comes from: document and bead index. */
  source: { doc: string; bead: number };
  /** Documents the pair occurs in, sorted: the first 10 met when there are more. */
  docs: string[];
  /** How many documents the pair occurs in. */
  docCount: number;
  /** The best-scoring beads where the pair met (at most `MAX_MEETINGS`), best first; `cooc` says how many there were. */
  meetings?: BeadRef[];
}

/**
 * Identity of an English–Chinese pair across stages (linker exclusions, glossary matching):
 * English case-folded with spaces collapsed, Chinese without spaces. The one function in
 * `model/`: both stages must agree on it byte for byte.
 */
export function pairKey(en: string, zh: string): string {
  return `${en.trim().toLowerCase().replace(/\s+/g, " ")}\t${zh.replace(/\s+/g, "")}`;
}

/** Pairs and terms the linker must not propose (from a reviewer's rejections), by `pairKey` and by lower-cased term. */
export interface LinkExclusions {
  pairs: ReadonlySet<string>;
  en: ReadonlySet<string>;
  zh: ReadonlySet<string>;
}
