import type { Lang } from "../model/index.js";
import {
  EN_COMPLETE, EN_CONTINUATION_START, EN_CONTINUING_WORDS, EN_LABEL, EN_LIST_NUMBER,
  SUSPENDED_HYPHEN_NEXT, ZH_COMPLETE, ZH_LABEL, ZH_PUNCTUATION, ZH_QUOTING_VERB, ZH_SECTION_NUMBER, ZH_TITLE_MAX,
} from "./data/stitch.js";
import { concat, inserted, slice, trim, type Mapped } from "./mapped.js";
import { isCjk } from "./script.js";
import type { WordList } from "./words.js";

/** A cleaned block of one language (one line of text), before stitching. */
export interface Piece {
  m: Mapped;
  lang: Lang;
  /** 1-based source line of the first character. */
  line: number;
  /** Source offset just past the block: the line break or form feed that a join replaces. */
  end: number;
  heading: boolean;
  allBold: boolean;
  label: boolean;
}

/** What a document's own words say about hyphenation; built once per document. */
export interface Vocabulary {
  words: WordList;
  /** Lower-case word forms of the document, hyphenated compounds included (`well-known`). */
  seen: ReadonlySet<string>;
}

/** Collects the document's own word forms, for {@link keepsHyphen}. */
export function documentVocabulary(text: string, words: WordList): Vocabulary {
  const seen = new Set<string>();
  for (const x of text.matchAll(/[A-Za-z]+(?:-[A-Za-z]+)*/g)) seen.add(x[0].toLowerCase());
  return { words, seen };
}

/**
 * Whether a word cut as `left-` | `right` at a line or page break keeps its hyphen.
 * The hyphen goes only when the joined form is a word: written whole elsewhere in the
 * document, or in the word list (`im-` + `portant`). It stays when the document writes
 * the compound with a hyphen, and when the joined form is no word (`well-` + `known`,
 * `self-` + `reliant`, names): keeping a hyphen the source had is the safe error.
 */
export function keepsHyphen(left: string, right: string, v: Vocabulary): boolean {
  const l = left.toLowerCase();
  const r = right.toLowerCase();
  if (v.seen.has(`${l}-${r}`)) return true;
  if (v.seen.has(l + r) || v.words.has(l + r)) return false;
  return true;
}

/** Last and first code point of a text (a supplementary ideograph is two UTF-16 units). */
const lastChar = (s: string): string | undefined => (s ? String.fromCodePoint(s.codePointAt(s.length - (/[\udc00-\udfff]$/.test(s) ? 2 : 1))!) : undefined);
const firstChar = (s: string): string | undefined => (s ? String.fromCodePoint(s.codePointAt(0)!) : undefined);

/** How two parts of one paragraph meet at a line or page break. */
type Junction = "drop-hyphen" | "glue" | "space";

/**
 * A word hyphenated across the break is repaired ({@link keepsHyphen}); next to a CJK
 * character nothing is inserted (Chinese has no spaces), after a dash glued to a word
 * neither, and otherwise a space.
 */
export function junction(a: string, b: string, v: Vocabulary): Junction {
  const left = /([A-Za-z]+)-$/.exec(a);
  const right = /^([A-Za-z]+)/.exec(b);
  if (left && right && !SUSPENDED_HYPHEN_NEXT.has(right[1]!)) return keepsHyphen(left[1]!, right[1]!, v) ? "glue" : "drop-hyphen";
  return isCjk(lastChar(a)) || isCjk(firstChar(b)) || /\S[—–]$/.test(a) ? "glue" : "space";
}

/**
 * Joins the parts of one paragraph in one pass (a long file without blank lines must not
 * be copied once per line). `breaks[k]` is the source offset of the break between
 * `parts[k]` and `parts[k + 1]`: an inserted space maps to it.
 */
export function joinParts(parts: readonly Mapped[], breaks: readonly number[], v: Vocabulary): Mapped {
  const out: Mapped[] = [];
  parts.forEach((p, k) => {
    const prev = out[out.length - 1];
    if (prev) {
      const j = junction(prev.text, p.text, v);
      if (j === "drop-hyphen") out[out.length - 1] = slice(prev, 0, prev.text.length - 1);
      if (j === "space") out.push(inserted(" ", breaks[k - 1]!));
    }
    out.push(p);
  });
  return parts.length === 1 ? parts[0]! : concat(out);
}

/**
 * Step 2 (end): joins the lines of one block (single line breaks inside a paragraph):
 * a space between English words, nothing next to a CJK character.
 */
export function joinLines(m: Mapped, v: Vocabulary): Mapped {
  const lines: Mapped[] = [];
  const breaks: number[] = [];
  let start = 0;
  for (let k = 0; k <= m.text.length; k++) {
    if (k < m.text.length && m.text[k] !== "\n" && m.text[k] !== "\r") continue;
    const line = trim(slice(m, start, k));
    if (line.text) {
      lines.push(line);
      breaks.push(m.map[k] ?? m.map[k - 1]!);
    }
    start = k + 1;
  }
  return lines.length ? joinParts(lines, breaks, v) : { text: "", map: [] };
}

/** The piece ends a sentence, or is a heading or a bold block that stands on its own. */
export function isComplete(p: Piece): boolean {
  if (p.heading || p.allBold) return true;
  return (p.lang === "en" ? EN_COMPLETE : ZH_COMPLETE).test(p.m.text);
}

/** An unbolded Chinese speaker label (`王毅：`), not a quoting verb (`…在会上` + `强调：`). */
function zhLabel(text: string): boolean {
  const x = ZH_LABEL.exec(text);
  return x !== null && !ZH_QUOTING_VERB.test(x[0].slice(0, -1));
}

/** The piece opens a paragraph of its own (heading, bold block, speaker label, list number): nothing is stitched onto it. */
export function startsAnew(p: Piece): boolean {
  if (p.heading || p.allBold || p.label) return true;
  return p.lang === "en" ? EN_LABEL.test(p.m.text) || EN_LIST_NUMBER.test(p.m.text) : zhLabel(p.m.text);
}

/** A short numbered Chinese line without punctuation (`第三章 城市水资源管理`): a heading, not a sentence cut by a page break. */
const zhTitleLine = (text: string): boolean => text.length <= ZH_TITLE_MAX && ZH_SECTION_NUMBER.test(text) && !ZH_PUNCTUATION.test(text.replace(ZH_SECTION_NUMBER, ""));

/**
 * Whether `next` continues the sentence `prev` left open. English: `next` starts in
 * lower case, with a number or with punctuation that cannot open a sentence, or `prev`
 * stops on a hyphen, comma, dash or a word that cannot end a sentence ("talks with").
 * Chinese: always, unless `next` opens a paragraph of its own or `prev` is a heading line.
 */
export function continues(prev: Piece, next: Piece): boolean {
  if (isComplete(prev) || startsAnew(next)) return false;
  if (prev.lang === "zh") return !zhTitleLine(prev.m.text);
  const t = next.m.text;
  if (EN_CONTINUATION_START.test(t)) return true;
  if (/[,\-–—]$/.test(prev.m.text)) return true;
  const lastWord = /([A-Za-z]+)\W*$/.exec(prev.m.text)?.[1]?.toLowerCase();
  return lastWord !== undefined && EN_CONTINUING_WORDS.has(lastWord);
}

/**
 * Step 4: stitches the pieces of one language back into paragraphs. A piece cut by a
 * page break continues at the next piece of the same language, whatever the other
 * language put in between (DESIGN.md, "Page breaks of PDF extractions cut sentences").
 * The join keeps the map, so offsets still point into the source.
 */
export function stitch(pieces: readonly Piece[], v: Vocabulary): Piece[] {
  const groups: Piece[][] = [];
  for (const p of pieces) {
    const group = groups[groups.length - 1];
    if (group && continues(group[group.length - 1]!, p)) group.push(p);
    else groups.push([p]);
  }
  return groups.map((g) => {
    const m = joinParts(g.map((p) => p.m), g.map((p) => p.end), v);
    return { ...g[0]!, m, end: g[g.length - 1]!.end };
  });
}
