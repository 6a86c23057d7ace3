import type { Mention } from "../../model/index.js";
import type { ZhToken } from "./jieba.js";
import { MAX_TOKENS, TAG_CLASSES, ZH_SHAPES, type TagClass } from "./data/patterns.js";
import { FUNCTION_WORDS, MEASURE_CHARS, NUMERAL_CHARS, PREDICATE_VERBS, STOP_ALONE, STOP_ANYWHERE, STOP_ATTRIBUTES } from "./data/stop.js";

/** A token placed in the sentence: `fold` is its width-folded text, used for keys and matching. */
interface Unit {
  word: string;
  fold: string;
  tag: string;
  start: number;
  end: number;
  /** Role letter's code (see `ROLE_CODES`), 0 for a boundary. */
  role: number;
  label: string;
  /** Punctuation or a separating space: a neighbour that reads as `""`. */
  punct: boolean;
}

const SPACE = /^\s+$/u;
const PUNCT = /^[\p{P}\p{S}\p{Z}\p{C}]+$/u;
const HAN_WORD = /^\p{Script=Han}{2,}$/u;
const LETTER = /[A-Za-z]/;
const NUMBER_CHARS = new Set(NUMERAL_CHARS + MEASURE_CHARS);
const NEVER_IN_TERM = new Set([...FUNCTION_WORDS, ...STOP_ANYWHERE]);

/** Roles as small numbers, so that a token sequence's shape is one integer (base 8, no zero digit). */
const ROLE_CODES: Readonly<Record<TagClass["role"], number>> = { _: 0, H: 1, G: 2, A: 3, V: 4, M: 5, U: 6 };
const ROLE_LETTERS = "_HGAVMU";
const H = ROLE_CODES.H;
const G = ROLE_CODES.G;
const V = ROLE_CODES.V;

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
export function zhMentions(sentence: string, tokens: readonly ZhToken[], lex?: ZhLexicon): Mention[] {
  const units = toUnits(mergeLatin(place(sentence, tokens)), lex);
  const out: Mention[] = [];
  // Spans are emitted longest first from each start, which is already the output order
  // (two spans never share start and end, so the key tie-break never arises); a span is
  // nested exactly when an earlier one reaches at least as far.
  let reach = -1;
  for (let i = 0; i < units.length; i++) {
    if (units[i]!.role === 0) continue;
    let stop = i + 1;
    const limit = Math.min(units.length, i + MAX_TOKENS);
    while (stop < limit && units[stop]!.role !== 0) stop++;
    let code = 0;
    for (let k = i; k < stop; k++) code = code * 8 + units[k]!.role;
    for (let j = stop; j > i; j--) {
      if (fits(units, i, j, code)) {
        const m = mention(sentence, units, i, j);
        m.maximal = m.end > reach;
        if (m.end > reach) reach = m.end;
        out.push(m);
      }
      code = Math.floor(code / 8);
    }
  }
  return out;
}

/** Shape verdicts by role code: 0 unknown, 1 no, 2 yes. Codes of up to six roles stay below 8^7. */
const shapeVerdicts = new Uint8Array(8 ** (MAX_TOKENS + 1));

/** Whether units [i, j) form a candidate: one-token rule, or a multi-token shape. */
function fits(units: readonly Unit[], i: number, j: number, code: number): boolean {
  if (j - i === 1) {
    const u = units[i]!;
    // One character is too ambiguous alone (国, 法); generic nouns are never terms alone.
    // A verb alone (咳嗽 "to cough", 爆发 "to break out") is the translation of many an English
    // noun; the linker asks dictionary support of such pairs.
    return (u.role === H || u.role === G || u.role === V) && isLonger1(u.fold) && !STOP_ALONE.has(u.fold);
  }
  let v = shapeVerdicts[code]!;
  if (v === 0) {
    let roles = "";
    for (let k = i; k < j; k++) roles += ROLE_LETTERS[units[k]!.role];
    v = ZH_SHAPES.some((s) => s.shape.test(roles)) ? 2 : 1;
    shapeVerdicts[code] = v;
  }
  return v === 2;
}

function mention(sentence: string, units: readonly Unit[], i: number, j: number): Mention {
  const first = units[i]!;
  const last = units[j - 1]!;
  let key = first.fold;
  let pattern = first.label;
  for (let k = i + 1; k < j; k++) {
    key += units[k]!.fold;
    pattern += " " + units[k]!.label;
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
function place(sentence: string, tokens: readonly ZhToken[]): Unit[] {
  const out: Unit[] = [];
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
    out.push({ word: w, fold: fold(w), tag: t.tag, start: at, end: at + w.length, role: 0, label: "", punct: false });
    pos = at + w.length;
  }
  return out;
}

/**
 * Step 2: jieba cuts full-width Latin letter by letter (Ｇ Ｐ Ｕ) and splits mixed tokens
 * (5 G, COVID - 19); join touching letters, digits and inner hyphens into one token, `eng`
 * when the run holds a letter.
 */
function mergeLatin(units: Unit[]): Unit[] {
  let out: Unit[] | undefined;
  for (let i = 0; i < units.length; i++) {
    const p = units[i]!;
    let j = i + 1;
    if (isAlnum(p.fold)) {
      let end = p.end;
      while (j < units.length) {
        const q = units[j]!;
        const r = units[j + 1];
        if (q.start !== end) break;
        if (isAlnum(q.fold)) {
          end = q.end;
          j++;
        } else if (q.fold === "-" && r !== undefined && r.start === q.end && isAlnum(r.fold)) {
          end = r.end;
          j += 2;
        } else break;
      }
    }
    if (j === i + 1) {
      out?.push(p);
      continue;
    }
    // Rare: copy lazily so that the common sentence allocates nothing here.
    out ??= units.slice(0, i);
    const parts = units.slice(i, j);
    const folded = parts.map((x) => x.fold).join("");
    out.push({ ...p, word: parts.map((x) => x.word).join(""), fold: folded, tag: LETTER.test(folded) ? "eng" : "m", end: parts[parts.length - 1]!.end });
    i = j - 1;
  }
  return out ?? units;
}

/** Optional word knowledge beyond jieba's tags. */
export interface ZhLexicon {
  /** Whether a word has a noun sense (a bilingual dictionary gloss that is not "to …"). */
  nounish(word: string): boolean;
}

/**
 * Step 3: give each token its role. Whitespace is dropped where it only separates Latin from
 * other text (GPU 加速), and is a boundary elsewhere (between table cells, headings).
 */
function toUnits(units: readonly Unit[], lex: ZhLexicon | undefined): Unit[] {
  const out: Unit[] = [];
  let prev: Unit | undefined;
  let spaceFrom = -1;
  for (const u of units) {
    if (isSpaceWord(u.word)) {
      if (spaceFrom < 0) spaceFrom = u.start;
      continue;
    }
    const gap = spaceFrom >= 0 || (prev !== undefined && prev.end < u.start);
    if (gap && prev !== undefined && prev.tag !== "eng" && u.tag !== "eng") {
      const from = spaceFrom >= 0 ? spaceFrom : prev.end;
      out.push({ word: "", fold: "", tag: "x", start: from, end: u.start, role: 0, label: "", punct: true });
    }
    spaceFrom = -1;
    classify(u, lex);
    out.push(u);
    prev = u;
  }
  return out;
}

const BOUNDARY: TagClass = { role: "_", label: "" };
const VERBAL_NOUN: TagClass = { role: "G", label: "VN" };
const NOUN: TagClass = { role: "H", label: "N" };
const NUMERAL_WORD: TagClass = { role: "M", label: "M" };
const UNKNOWN_WORD: TagClass = { role: "U", label: "X" };

function classify(u: Unit, lex: ZhLexicon | undefined): void {
  const w = u.fold;
  let cls: TagClass = (Object.hasOwn(TAG_CLASSES, u.tag) ? TAG_CLASSES[u.tag] : undefined) ?? BOUNDARY;
  // jieba tags 组织 and 建设 as verbs wherever they stand; a dictionary noun sense lets them head a term (上海合作组织).
  if (cls.role === "V" && lex?.nounish(w)) cls = VERBAL_NOUN;
  // jieba files domain words under "l" (冠状病毒/l) and places under "f" (南方/f, 中间/f): with a
  // noun sense of two characters or more they are nouns (全球南方, 中间宿主).
  else if ((u.tag === "l" || u.tag === "f") && isLonger1(w) && lex?.nounish(w)) cls = NOUN;
  if (u.tag === "m") cls = isNumber(w) ? BOUNDARY : NUMERAL_WORD;
  else if (u.tag === "x") {
    u.punct = PUNCT.test(w);
    // Unknown CJK words are often new coinages (新冠); Traditional text also lands here, so
    // they may only modify a known noun, never stand alone or last.
    cls = !u.punct && HAN_WORD.test(w) ? UNKNOWN_WORD : BOUNDARY;
  }
  // Word lists only matter for tokens the tag lets in (most tokens are particles and punctuation).
  if (cls !== BOUNDARY) {
    if (NEVER_IN_TERM.has(w)) cls = BOUNDARY;
    else if (cls.role === "A" && STOP_ATTRIBUTES.has(w)) cls = BOUNDARY;
    else if (cls.role === "V" && PREDICATE_VERBS.has(w)) cls = BOUNDARY;
  }
  u.role = ROLE_CODES[cls.role];
  u.label = cls.label;
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
  let i = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3000 || (c >= 0xff01 && c <= 0xff5e)) break;
  }
  if (i === s.length) return s;
  let out = s.slice(0, i);
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c === 0x3000 ? " " : c >= 0xff01 && c <= 0xff5e ? String.fromCharCode(c - 0xfee0) : s[i];
  }
  return out;
}

function isAlnum(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return false;
  }
  return s.length > 0;
}

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0x3000 || c === 0xa0;
}

function isSpaceWord(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isSpaceCode(s.charCodeAt(i))) return false;
  return s.length > 0;
}

/** More than one character (a lone astral character is two code units but one character). */
function isLonger1(s: string): boolean {
  return s.length > 2 || (s.length === 2 && !(s.charCodeAt(0) >= 0xd800 && s.charCodeAt(0) <= 0xdbff));
}
