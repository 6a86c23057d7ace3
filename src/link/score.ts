import type { IdfTable } from "../lexicon/idf.js";
import type { TermCandidate } from "../model/index.js";

/** Weights of the link score; every default in one place. */
export interface LinkParams {
  /** How much full dictionary support alone counts (0–1). */
  dict: number;
  /** IDF at or below which a Chinese word is general language, and at or above which it is specific. */
  idfGeneral: number;
  idfSpecific: number;
  /** IDF assumed for a Chinese key jieba's table lacks (a compound, a new word). */
  idfUnknown: number;
  /** Pairs whose link score is below this are not reported. */
  minLink: number;
  /** A second translation joins an entry as a variant when its link score reaches this share of the entry's. */
  variantShare: number;
  /** Weight of termhood in the final score: score = link × (1 − termhood + termhood × specificity). */
  termhood: number;
  /** Specificity below which a pair is `general` (common words on both sides). */
  generalBelow: number;
  /** Factor on the score of a pair met once without dictionary support: it ranks below the recurring pairs. */
  onceFactor: number;
}

export const DEFAULT_LINK: LinkParams = { dict: 0.9, idfGeneral: 5, idfSpecific: 11, idfUnknown: 11, minLink: 0.25, variantShare: 0.8, termhood: 0.7, generalBelow: 0.45, onceFactor: 0.6 };

/**
 * Association of a pair from its bead counts: Dice, discounted for few meetings (one
 * meeting proves little, ten prove much) and, for terms met once, by how many rivals the
 * bead offered.
 */
export function association(cooc: number, fEn: number, fZh: number, rivals: number): number {
  const dice = (2 * cooc) / (fEn + fZh);
  const reliability = cooc / (cooc + 2);
  return dice * reliability * (cooc > 1 ? 1 : 1 / Math.sqrt(Math.max(1, rivals)));
}

/**
 * Link confidence in [0, 1]: dictionary support and association as independent evidence
 * (noisy-or). Dictionary support counts in proportion to √Dice: a frequent term whose
 * dictionary match shows up in few of its beads (Wuhan ↔ 湖北省, "Hubei Province, capital
 * Wuhan") is not its translation there; a pair met once keeps it whole.
 */
export function linkScore(dict: number, assoc: number, dice: number, params: LinkParams): number {
  return 1 - (1 - params.dict * dict * Math.sqrt(dice)) * (1 - assoc);
}

/**
 * Termhood of a pair in [0, 1]: how specific the Chinese is in general language (jieba's IDF
 * of the whole key; compounds it lacks count as specific), raised for English multiword terms,
 * names and acronyms, which are terms whatever their Chinese; halved for a likely fragment.
 */
export function specificity(en: TermCandidate, zh: TermCandidate, idf: IdfTable, params: LinkParams): number {
  const zhKey = zh.key;
  const v = idf.get(zhKey) ?? params.idfUnknown;
  const zhSpec = Math.min(1, Math.max(0, (v - params.idfGeneral) / (params.idfSpecific - params.idfGeneral)));
  // A single general word on both sides is a translation, seldom a term: it ranks below the names and compounds.
  const enShape = en.words >= 2 || en.named || en.pattern === "ACR" || en.pattern === "HYPH" ? 1 : 0;
  // A term that always sits beside the same word is likely part of a longer one.
  const fragment = en.fixedLeft || en.fixedRight || zh.fixedLeft || zh.fixedRight ? 0.5 : 1;
  return Math.max(0.7 * zhSpec, enShape) * fragment;
}

/** Patterns that mark a set phrase or a verb standing alone (Chinese). */
const PHRASE_PATTERNS = new Set(["V", "I"]);

/**
 * What a pair is, for the reviewer's filter (`TermKind`): an acronym or a Chinese abbreviation
 * (jieba's `j`) against a spelled-out English; a name (a capitalised English name, or a Chinese
 * person's name alone); a set phrase (a Chinese verb or idiom alone against several English
 * words, or an English coordination found by spotting); a general pair by specificity; else a term.
 */
export function termKind(en: TermCandidate, zh: TermCandidate, spec: number, params: LinkParams): "term" | "name" | "abbreviation" | "phrase" | "general" {
  if (en.pattern === "ACR" || (zh.pattern === "J" && en.words >= 2)) return "abbreviation";
  if (en.pattern === "NAME" || zh.pattern === "NR") return "name";
  if (PHRASE_PATTERNS.has(zh.pattern) && en.words >= 2) return "phrase";
  if (en.pattern === "SPOT" && / (?:and|or) /.test(en.key)) return "phrase";
  return spec < params.generalBelow ? "general" : "term";
}
