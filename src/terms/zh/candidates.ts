import type { Mention } from "../../model/index.js";
import type { ZhToken } from "./jieba.js";
import { MAX_TOKENS, TAG_CLASSES, ZH_SHAPES, type TagClass } from "./data/patterns.js";
import { FUNCTION_WORDS, MEASURE_CHARS, NUMERAL_CHARS, PREDICATE_VERBS, STOP_ALONE, STOP_ANYWHERE, STOP_ATTRIBUTES } from "./data/stop.js";

/** A token placed in the sentence: `fold` is its width-folded text, used for keys and matching. */
interface Unit {
  fold: string;
  tag: string;
  start: number;
  end: number;
  role: TagClass["role"];
  label: string;
  /** Punctuation or a separating space: a neighbour that reads as `""`. */
  punct: boolean;
}

interface Placed {
  word: string;
  fold: string;
  tag: string;
  start: number;
  end: number;
}

const WIDE = /[\uFF01-\uFF5E\u3000]/;
const SPACE = /^\s+$/u;
const PUNCT = /^[\p{P}\p{S}\p{Z}\p{C}]+$/u;
const HAN_WORD = /^\p{Script=Han}{2,}$/u;
const ALNUM = /^[A-Za-z0-9]+$/;
const LETTER = /[A-Za-z]/;
const NUMBER_CHARS = new Set(NUMERAL_CHARS + MEASURE_CHARS);

/**
 * Term-candidate mentions of one Chinese sentence.
 *
 * `tokens` is jieba's tagging of `sentence` (`seg.tag(sentence)`), or of a copy converted
 * character for character (Traditional → Simplified): tokens that do not match the text are
 * placed by length, so the keys come from the tokens and the surfaces from the original.
 * Whitespace that jieba kept or dropped is tolerated.
 *
 * Every contiguous token sequence of up to six tokens that fits a shape of `ZH_SHAPES` is a
 * mention, nested ones included (人类命运共同体 also yields 命运共同体 and 共同体), so that
 * C-value can see the nesting; `maximal` marks those not inside a longer mention.
 * Output is sorted by start, then end descending, then key.
 */
export function zhMentions(sentence: string, tokens: readonly ZhToken[]): Mention[] {
  const units = toUnits(mergeLatin(place(sentence, tokens)));
  const roles = units.map((u) => u.role).join("");
  const out: Mention[] = [];
  for (let i = 0; i < units.length; i++) {
    if (roles.charCodeAt(i) === 95 /* _ */) continue;
    const limit = Math.min(units.length, i + MAX_TOKENS);
    for (let j = i + 1; j <= limit; j++) {
      if (roles.charCodeAt(j - 1) === 95) break;
      if (!fits(units, roles, i, j)) continue;
      out.push(mention(sentence, units, i, j));
    }
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  // In this order a span is nested exactly when an earlier one reaches at least as far.
  let reach = -1;
  for (const m of out) {
    m.maximal = m.end > reach;
    if (m.end > reach) reach = m.end;
  }
  return out;
}

const shapeCache = new Map<string, boolean>();

/** Whether units [i, j) form a candidate: one-token rule, or a multi-token shape. */
function fits(units: readonly Unit[], roles: string, i: number, j: number): boolean {
  if (j - i === 1) {
    const u = units[i]!;
    // One character is too ambiguous alone (国, 法); generic nouns are never terms alone.
    return (u.role === "H" || u.role === "G") && codePoints(u.fold) >= 2 && !STOP_ALONE.has(u.fold);
  }
  const r = roles.slice(i, j);
  let ok = shapeCache.get(r);
  if (ok === undefined) {
    ok = ZH_SHAPES.some((s) => s.shape.test(r));
    shapeCache.set(r, ok);
  }
  return ok;
}

function mention(sentence: string, units: readonly Unit[], i: number, j: number): Mention {
  const first = units[i]!;
  const last = units[j - 1]!;
  let key = "";
  let pattern = "";
  for (let k = i; k < j; k++) {
    key += units[k]!.fold;
    pattern += (k > i ? " " : "") + units[k]!.label;
  }
  return {
    lang: "zh",
    key,
    surface: sentence.slice(first.start, last.end),
    words: j - i,
    pattern,
    start: first.start,
    end: last.end,
    left: neighbour(units[i - 1]),
    right: neighbour(units[j]),
    maximal: false,
  };
}

function neighbour(u: Unit | undefined): string {
  return u === undefined || u.punct ? "" : u.fold;
}

/**
 * Step 1: place each token in the sentence. Exact match at the cursor first; then past
 * whitespace jieba dropped; whitespace tokens the text lacks are skipped; any other mismatch
 * is a converted copy, placed by length. Tokens past the end of the text are ignored.
 */
function place(sentence: string, tokens: readonly ZhToken[]): Placed[] {
  const out: Placed[] = [];
  let pos = 0;
  for (const t of tokens) {
    const w = t.word;
    if (w.length === 0) continue;
    let at = pos;
    if (!sentence.startsWith(w, at)) {
      while (at < sentence.length && isSpaceCode(sentence.charCodeAt(at))) at++;
      if (!sentence.startsWith(w, at)) {
        if (SPACE.test(w)) continue;
        if (at + w.length > sentence.length) break;
      }
    }
    out.push({ word: w, fold: fold(w), tag: t.tag, start: at, end: at + w.length });
    pos = at + w.length;
  }
  return out;
}

/**
 * Step 2: jieba cuts full-width Latin letter by letter (Ｇ Ｐ Ｕ) and splits mixed tokens
 * (5 G, COVID - 19); join touching letters, digits and inner hyphens into one `eng` token
 * when the run holds a letter.
 */
function mergeLatin(placed: Placed[]): Placed[] {
  const out: Placed[] = [];
  for (let i = 0; i < placed.length; i++) {
    const p = placed[i]!;
    if (!ALNUM.test(p.fold)) {
      out.push(p);
      continue;
    }
    let j = i + 1;
    let end = p.end;
    while (j < placed.length) {
      const q = placed[j]!;
      if (q.start !== end) break;
      if (ALNUM.test(q.fold)) {
        end = q.end;
        j++;
      } else if (q.fold === "-" && placed[j + 1]?.start === q.end && ALNUM.test(placed[j + 1]!.fold)) {
        end = placed[j + 1]!.end;
        j += 2;
      } else break;
    }
    if (j === i + 1) {
      out.push(p);
      continue;
    }
    const parts = placed.slice(i, j);
    const word = parts.map((x) => x.word).join("");
    const folded = parts.map((x) => x.fold).join("");
    out.push({ word, fold: folded, tag: LETTER.test(folded) ? "eng" : "m", start: p.start, end });
    i = j - 1;
  }
  return out;
}

/**
 * Step 3: give each token its role. Whitespace is dropped where it only separates Latin from
 * other text (GPU 加速), and is a boundary elsewhere (between table cells, headings).
 */
function toUnits(placed: readonly Placed[]): Unit[] {
  const out: Unit[] = [];
  let prev: Placed | undefined;
  let spaceFrom = -1;
  for (const p of placed) {
    if (SPACE.test(p.word)) {
      if (spaceFrom < 0) spaceFrom = p.start;
      continue;
    }
    const gap = spaceFrom >= 0 || (prev !== undefined && prev.end < p.start);
    if (gap && prev !== undefined && prev.tag !== "eng" && p.tag !== "eng") {
      const from = spaceFrom >= 0 ? spaceFrom : prev.end;
      out.push({ fold: "", tag: "x", start: from, end: p.start, role: "_", label: "", punct: true });
    }
    spaceFrom = -1;
    out.push(classify(p));
    prev = p;
  }
  return out;
}

const BOUNDARY: TagClass = { role: "_", label: "" };

function classify(p: Placed): Unit {
  const w = p.fold;
  let cls: TagClass = TAG_CLASSES[p.tag] ?? BOUNDARY;
  let punct = false;
  if (FUNCTION_WORDS.has(w) || STOP_ANYWHERE.has(w)) cls = BOUNDARY;
  else if (p.tag === "m") cls = isNumber(w) ? BOUNDARY : { role: "M", label: "M" };
  else if (p.tag === "x") {
    punct = PUNCT.test(w);
    // Unknown CJK words are often new coinages (新冠); Traditional text also lands here, so
    // they may only modify a known noun, never stand alone or last.
    cls = !punct && HAN_WORD.test(w) ? { role: "U", label: "X" } : BOUNDARY;
  } else if (cls.role === "A" && STOP_ATTRIBUTES.has(w)) cls = BOUNDARY;
  else if (cls.role === "V" && PREDICATE_VERBS.has(w)) cls = BOUNDARY;
  return { fold: w, tag: p.tag, start: p.start, end: p.end, role: cls.role, label: cls.label, punct };
}

/** Digits, numerals and measure words only (126, 万亿元, 三个, 一半): a quantity, not a word. */
function isNumber(w: string): boolean {
  for (const ch of w) {
    if (!(NUMBER_CHARS.has(ch) || (ch >= "0" && ch <= "9") || ch === "." || ch === "%")) return false;
  }
  return true;
}

/** Full-width ASCII and the ideographic space to their narrow forms; same length, so offsets hold. */
function fold(s: string): string {
  if (!WIDE.test(s)) return s;
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c === 0x3000 ? " " : c >= 0xff01 && c <= 0xff5e ? String.fromCharCode(c - 0xfee0) : s[i];
  }
  return out;
}

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0x3000 || c === 0xa0;
}

function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}
