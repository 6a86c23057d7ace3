import type { Lang } from "../model/index.js";
import { EN_COMPLETE, EN_CONTINUING_WORDS, EN_LABEL, ZH_COMPLETE, ZH_LABEL } from "./data/stitch.js";
import { concat, inserted, slice, trim, type Mapped } from "./mapped.js";
import { isCjk } from "./script.js";
import type { WordList } from "./words.js";

/** A cleaned block of one language, before stitching. */
export interface Piece {
  m: Mapped;
  lang: Lang;
  line: number;
  heading: boolean;
  allBold: boolean;
  label: boolean;
}

/** What a document's own words say about hyphenation; built once per document. */
export interface Vocabulary {
  words: WordList;
  /** Lower-case word forms of the document, hyphenated compounds included. */
  seen: ReadonlySet<string>;
}

export function documentVocabulary(text: string, words: WordList): Vocabulary {
  const seen = new Set<string>();
  for (const x of text.matchAll(/[A-Za-z]+(?:-[A-Za-z]+)*/g)) seen.add(x[0].toLowerCase());
  return { words, seen };
}

/**
 * Whether a word cut as `left-` | `right` across a break keeps its hyphen: the document's
 * own usage decides first (`well-known` written whole elsewhere, or `important`), then
 * the word list (`important` is a word; `well` and `known` are words but `wellknown` is not).
 */
export function keepsHyphen(left: string, right: string, v: Vocabulary): boolean {
  const l = left.toLowerCase();
  const r = right.toLowerCase();
  if (v.seen.has(`${l}-${r}`)) return true;
  if (v.seen.has(l + r)) return false;
  if (v.words.has(l + r)) return false;
  return v.words.has(l) && v.words.has(r);
}

/**
 * Joins two pieces of one sentence cut by a line or page break: a hyphenated English
 * word is repaired, English parts get a space, Chinese parts nothing (a space only
 * next to Latin text). The joining character maps to the break it replaces.
 */
export function joinPair(a: Mapped, b: Mapped, lang: Lang, v: Vocabulary, breakAt: number): Mapped {
  const left = /([A-Za-z]+)-$/.exec(a.text);
  const right = /^([a-z]+)/.exec(b.text);
  if (left && right) {
    if (keepsHyphen(left[1]!, right[1]!, v)) return concat([a, b]);
    return concat([slice(a, 0, a.text.length - 1), b]);
  }
  const last = a.text[a.text.length - 1];
  const first = b.text[0];
  const glue = lang === "zh" && (isCjk(last) || isCjk(first)) ? "" : " ";
  return concat([a, inserted(glue, breakAt), b]);
}

/** Joins the lines of one block (single line breaks inside a paragraph). */
export function joinLines(m: Mapped, lang: Lang, v: Vocabulary): Mapped {
  const lines: Mapped[] = [];
  const breaks: number[] = [];
  let start = 0;
  for (let k = 0; k <= m.text.length; k++) {
    if (k === m.text.length || m.text[k] === "\n" || m.text[k] === "\r") {
      const line = trim(slice(m, start, k));
      if (line.text) {
        lines.push(line);
        breaks.push(m.map[k] ?? m.map[k - 1] ?? 0);
      }
      start = k + 1;
    }
  }
  if (lines.length === 0) return { text: "", map: [] };
  let out = lines[0]!;
  for (let k = 1; k < lines.length; k++) out = joinPair(out, lines[k]!, lang, v, breaks[k - 1]!);
  return out;
}

/** The piece ends a sentence (or is a heading/bold block that stands on its own). */
export function isComplete(p: Piece): boolean {
  if (p.heading || p.allBold) return true;
  return (p.lang === "en" ? EN_COMPLETE : ZH_COMPLETE).test(p.m.text);
}

/** The piece starts a new paragraph of its own, so nothing is stitched onto it. */
function startsAnew(p: Piece): boolean {
  if (p.heading || p.allBold || p.label) return true;
  return p.lang === "en" ? EN_LABEL.test(p.m.text) : ZH_LABEL.test(p.m.text) && p.m.text.search(/[：:]/) <= 12;
}

/** English continuation: the next page starts mid-sentence, or this one stops on a word that cannot end one. */
function continues(prev: Piece, next: Piece): boolean {
  if (isComplete(prev) || startsAnew(next)) return false;
  if (prev.lang === "zh") return true;
  if (/^[a-z,;:)\]”’]/.test(next.m.text)) return true;
  const lastWord = /([A-Za-z]+)\W*$/.exec(prev.m.text)?.[1]?.toLowerCase();
  return /[,\-–—]$/.test(prev.m.text) || (lastWord !== undefined && EN_CONTINUING_WORDS.has(lastWord));
}

/**
 * Stitches the pieces of one language back into paragraphs: a piece cut by a page break
 * continues at the next piece of the same language, whatever the other language put in
 * between (DESIGN.md, "Page breaks of PDF extractions cut sentences").
 */
export function stitch(pieces: readonly Piece[], v: Vocabulary): Piece[] {
  const out: Piece[] = [];
  for (const p of pieces) {
    const prev = out[out.length - 1];
    if (prev && continues(prev, p)) {
      const breakAt = prev.m.map[prev.m.map.length - 1]! + 1;
      out[out.length - 1] = { ...prev, m: joinPair(prev.m, p.m, p.lang, v, breakAt) };
    } else out.push(p);
  }
  return out;
}
