import type { Mention } from "../../model/index.js";
import type { ZhToken } from "./jieba.js";
import { MAX_TOKENS, TAG_CLASSES, ZH_SHAPES, type TagClass } from "./data/patterns.js";
import { MEASURE_CHARS, NUMERAL_CHARS, MANNER_ADVERBS, PREDICATE_VERBS, STOP_ALONE, STOP_ATTRIBUTES } from "./data/stop.js";
import { CONGRESS_NUMERAL, COUNT_NUMERAL } from "../../lexicon/numerals.js";
import { joinNames, repairNames } from "./names.js";
import { withAcronyms, withoutGluedTitles, withTitles } from "./titles.js";
import { fold, HAN_WORD, NEVER_IN_TERM, type Unit } from "./unit.js";

const SPACE = /^\s+$/u;
const PUNCT = /^[\p{P}\p{S}\p{Z}\p{C}]+$/u;
const LETTER = /[A-Za-z]/;
const NUMBER_CHARS = new Set(NUMERAL_CHARS + MEASURE_CHARS);

/** Roles as small numbers, so that a token sequence's shape is one integer (base 8, no zero digit). */
const ROLE_CODES: Readonly<Record<TagClass["role"], number>> = { _: 0, H: 1, G: 2, A: 3, V: 4, M: 5, U: 6, P: 7 };
const ROLE_LETTERS = "_HGAVMUP";
const H = ROLE_CODES.H;
/** Roles a noun-forming suffix may close: nouns, verbal nouns, names and unknown words. */
const NOUNISH_ROLES: ReadonlySet<number> = new Set([ROLE_CODES.H, ROLE_CODES.G, ROLE_CODES.P, ROLE_CODES.U]);
const G = ROLE_CODES.G;
const V = ROLE_CODES.V;
const P = ROLE_CODES.P;

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
  const units = toUnits(joinHeadwords(joinOrdinals(joinNames(mergeLatin(repairNames(place(sentence, tokens), lex && ((w) => lex.nounish(w)))))), lex), lex);
  const out: Mention[] = [];
  // Spans are emitted longest first from each start, which is already the output order
  // (two spans never share start and end, so the key tie-break never arises); a span is
  // nested exactly when an earlier one reaches at least as far.
  let reach = -1;
  for (let i = 0; i < units.length; i++) {
    if (units[i]!.role === 0) continue;
    let stop = i + 1;
    // A predicate verb read as a verbal noun (需要/v "need") may end a term (技术支持) but opens none (需要治疗).
    const limit = PREDICATE_VERBS.has(units[i]!.fold) ? stop : Math.min(units.length, i + MAX_TOKENS);
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
  return withAcronyms(sentence, withTitles(sentence, units, withoutGluedTitles(units, out)));
}

/** A Chinese token as translation spotting sees it: jieba's word with Latin runs and foreign names rebuilt. */
export interface ZhSpotToken {
  fold: string;
  tag: string;
  start: number;
  end: number;
}

/** The tokens of one sentence after Latin runs and transcribed names are joined (as the candidates see them). */
export function zhSpotTokens(sentence: string, tokens: readonly ZhToken[]): ZhSpotToken[] {
  return joinNames(mergeLatin(repairNames(place(sentence, tokens)))).map((u) => ({ fold: u.fold, tag: u.tag, start: u.start, end: u.end }));
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
    return (u.role === H || u.role === G || u.role === V || u.role === P) && isLonger1(u.fold) && !STOP_ALONE.has(u.fold);
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
  let named = first.role === P;
  for (let k = i + 1; k < j; k++) {
    key += units[k]!.fold;
    pattern += " " + units[k]!.label;
    if (units[k]!.role === P) named = true;
  }
  // Every field written in the literal, the optional one last: a mention made of a spread first
  // takes its fields one by one into a second array (some 60 bytes each, and a large memory has a
  // million mentions).
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
    ...(named ? { named } : {}),
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

/** The numeral of a session's count (十四, 二十, 第十一): digits and numeral characters, 第 first. */
const ORDINAL_NUMERAL = new RegExp(`^第?${COUNT_NUMERAL}$`, "u");

/**
 * A numeral jieba cut from its counter of sessions (二十/m 届/d, "the 20th") or from the 大 of a
 * numbered congress (十八/m 大/a, "the 18th Congress") is joined to it: 二十届 counts what follows
 * (二十届三中全会), 十八大 is the congress's name. A count of sessions is tagged `mo`: 届 always
 * counts terms of office, 次 only before a meeting (第二次会议, not 第一次见面 "the first meeting");
 * so is the count of a numbered set before what it counts (see `SET_COUNT`).
 */
function joinOrdinals(units: Unit[]): Unit[] {
  let out: Unit[] | undefined;
  for (let i = 0; i < units.length; i++) {
    const p = units[i]!;
    const q = units[i + 1];
    const cut = q !== undefined && q.start === p.end && p.tag === "m";
    // A set's count before a number of its own (两个 一百年 奋斗目标, "the two centenary goals") counts the two together.
    const setNumber = cut && SET_COUNT.test(p.fold) && q.tag === "m" && !SET_COUNT.test(q.fold);
    const joins = setNumber || (cut && ORDINAL_NUMERAL.test(p.fold) && (q.fold === "届" || (q.fold === "大" && q.tag === "a" && NUMBERED_CONGRESS.test(p.fold + q.fold))));
    const u = joins ? { ...p, word: p.word + q!.word, fold: p.fold + q!.fold, tag: q!.fold === "大" ? "j" : "m", end: q!.end } : p;
    if (joins) i++;
    const next = units[i + 1];
    const touching = next !== undefined && next.start === u.end;
    const session = ORDINAL_COUNT.test(u.fold) && (u.fold.endsWith("届") || (touching && /会议?$/u.test(next.fold)));
    const set = (setNumber || SET_COUNT.test(u.fold)) && touching && SET_HEAD_TAGS.has(next.tag);
    const ordinal = u.tag === "m" && (session || set);
    if (!joins && !ordinal) {
      out?.push(p);
      continue;
    }
    out ??= units.slice(0, joins ? i - 1 : i);
    out.push(ordinal ? { ...u, tag: "mo" } : u);
    // A set phrase counted as a set (两个一百年 奋斗目标/l) is what the set holds: a noun.
    if (ordinal && set && next.tag === "l") {
      out.push({ ...next, tag: "n" });
      i++;
    }
  }
  return out ?? units;
}

/**
 * The count of a numbered set (四个全面, 两个一百年奋斗目标, 四个意识: "the Four-Pronged…", "the Two
 * Centenary Goals"): an attribute of the word after it, as political texts name their programmes.
 * Whether such a span is a term is the termhood tests' and the linker's to say, as for any other.
 */
const SET_COUNT = /^[两三四五六七八九十]个$/u;
const SET_HEAD_TAGS: ReadonlySet<string> = new Set(["n", "vn", "nz", "l"]);

/** A count of sessions (十四届, 第二次): the ordinal of a meeting's name, an attribute of what follows it. */
const ORDINAL_COUNT = new RegExp(`^第?${COUNT_NUMERAL}[届次]$`, "u");

/** A numbered congress written as one word (二十大, jieba's guess a person's name), 11th to 99th (十大 is "the top ten"). */
const NUMBERED_CONGRESS = new RegExp(`^${CONGRESS_NUMERAL}大$`, "u");

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

/**
 * jieba tags of tokens that may be part of a dictionary word cut apart: content words, not numerals,
 * places (历史/上), adverbials (可/持续) or idioms (到/目前为止).
 */
const JOINABLE_TAG = /^(?:n[rstzg]?|vn?|vg|an?|ag|b|j|l)$/;

/**
 * Step 2b: a noun of the bilingual dictionary that jieba's lacks comes cut into pieces (褪/v 黑/a 激素/n
 * for 褪黑激素 "melatonin", 抗抑郁/药): touching content tokens, one of them a single character, that
 * together make such a word of three characters or more are joined into one noun.
 */
function joinHeadwords(units: Unit[], lex: ZhLexicon | undefined): Unit[] {
  if (!lex) return units;
  let out: Unit[] | undefined;
  for (let i = 0; i < units.length; i++) {
    const p = units[i]!;
    let best = i + 1;
    if (joinable(p)) {
      let text = p.fold;
      for (let j = i + 1; j < units.length && j < i + 4; j++) {
        const q = units[j]!;
        if (q.start !== units[j - 1]!.end || !joinable(q)) break;
        text += q.fold;
        if (text.length > 8) break;
        // Two words of their own (埃博拉/病毒) already make the compound and its parts: only a word cut apart is joined.
        // A verb's one-character complement (截止/到 "up to") ends no noun.
        if (q.fold.length === 1 && q.tag === "v") continue;
        if (text.length >= 3 && units.slice(i, j + 1).some((u) => u.fold.length === 1) && lex.nounish(text)) best = j + 1;
      }
    }
    if (best === i + 1) {
      out?.push(p);
      continue;
    }
    out ??= units.slice(0, i);
    const parts = units.slice(i, best);
    out.push({ ...p, word: parts.map((x) => x.word).join(""), fold: parts.map((x) => x.fold).join(""), tag: "n", end: parts[parts.length - 1]!.end });
    i = best - 1;
  }
  return out ?? units;
}

const joinable = (u: Unit): boolean => JOINABLE_TAG.test(u.tag) && /^\p{Script=Han}+$/u.test(u.fold) && !NEVER_IN_TERM.has(u.fold);

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
    // An adverb or pronoun jieba reads into a word that also modifies nouns (特别/d 工作组 "special
    // task force", 多边/r 主义 "multilateralism") is an attribute before a noun; adverbs of manner
    // (亲自/d 谋划) never are.
    if (prev !== undefined && !gap && (prev.tag === "d" || (prev.tag === "r" && !DEICTIC.test(prev.fold))) && prev.role === 0 && u.role === ROLE_CODES.H && isLonger1(prev.fold) && !NEVER_IN_TERM.has(prev.fold) && !STOP_ATTRIBUTES.has(prev.fold) && !MANNER_ADVERBS.has(prev.fold) && lex?.nounish(prev.fold)) {
      prev.role = ROLE_CODES.A;
      prev.label = "A";
    }
    // A direction before a place (中/f 佛罗里达 "Central Florida", 南/f 加州) is part of its name.
    if (prev !== undefined && !gap && u.tag === "ns" && prev.tag === "f" && DIRECTIONS.has(prev.fold)) {
      prev.role = ROLE_CODES.A;
      prev.label = "A";
    }
    // A noun-forming suffix jieba tagged otherwise (疼痛/n 症/zg, 新浪潮/n 派/v, 美国/ns 号/m) closes the noun before it.
    if (prev !== undefined && !gap && u.role !== ROLE_CODES.H && NOUN_SUFFIXES.has(u.fold) && NOUNISH_ROLES.has(prev.role)) {
      u.role = ROLE_CODES.H;
      u.label = "N";
    }
    // …率, …者, …额 make a noun of a verb too (售出/v 率/v "sell-through rate"): the pair is one noun.
    if (prev !== undefined && !gap && VERB_NOMINALIZERS.has(u.fold) && prev.role === ROLE_CODES.V && [...prev.fold].length >= 2) {
      prev.role = ROLE_CODES.G;
      prev.label = "VN";
      u.role = ROLE_CODES.H;
      u.label = "N";
    }
    out.push(u);
    prev = u;
  }
  return out;
}

/**
 * Bound morphemes that make a noun of the word before them (…症 a condition, …派 a school, …号
 * a ship's name, …率 a rate, …组 a group): jieba cuts them off and tags them by their other uses.
 */
const NOUN_SUFFIXES: ReadonlySet<string> = new Set(["症", "派", "号", "率", "组", "式", "型", "者", "员", "家", "界", "业", "队", "赛", "杯", "节", "会", "局", "所", "站", "网", "费", "额", "量", "度", "制", "论", "学", "馆", "厂", "场", "室", "处", "署", "团", "社"]);

/** Characters of pronouns and deictic words (我国 "our country", 本国, 各国, 彼此): no attribute of a term. */
const DEICTIC = /[我你您他她它咱其本该此这那各每某自彼]/u;

/** One-character localizers jieba may tag as nouns (电影圈 内/n "inside film circles"): a place relative to the term, never part of it. */
const POSTPOSITIONS: ReadonlySet<string> = new Set(["内", "里", "间", "旁"]);

/** Single-character directions that open a place name. */
const DIRECTIONS: ReadonlySet<string> = new Set(["东", "南", "西", "北", "中"]);

/** Suffixes that make a noun of a verb (售出率, 管理者, 销售额). */
const VERB_NOMINALIZERS: ReadonlySet<string> = new Set(["率", "者", "额", "量"]);

const BOUNDARY: TagClass = { role: "_", label: "" };
const VERBAL_NOUN: TagClass = { role: "G", label: "VN" };
const NOUN: TagClass = { role: "H", label: "N" };
const NUMERAL_WORD: TagClass = { role: "M", label: "M" };
const ORDINAL: TagClass = { role: "A", label: "M" };
const UNKNOWN_WORD: TagClass = { role: "U", label: "X" };
const SET_PHRASE: TagClass = { role: "V", label: "I" };

function classify(u: Unit, lex: ZhLexicon | undefined): void {
  const w = u.fold;
  let cls: TagClass = (Object.hasOwn(TAG_CLASSES, u.tag) ? TAG_CLASSES[u.tag] : undefined) ?? BOUNDARY;
  // jieba tags 组织 and 建设 as verbs wherever they stand; a dictionary noun sense lets them head a term (上海合作组织).
  // One character is too ambiguous for that (说 "to say" has a noun sense, "theory"): it stays a verb.
  if (cls.role === "V" && isLonger1(w) && lex?.nounish(w)) cls = VERBAL_NOUN;
  // jieba files domain words under "l" (冠状病毒/l), places under "f" (南方/f, 中间/f) and units under
  // "q" (卡路里/q): with a noun sense of two characters or more they are nouns (全球南方, 中间宿主).
  else if ((u.tag === "l" || u.tag === "f" || u.tag === "t" || u.tag === "i" || u.tag === "q") && isLonger1(w) && lex?.nounish(w)) cls = NOUN;
  // Set phrases and idioms (实事求是/i, 改革开放/l) may be terms that are not noun phrases: they
  // stand alone like a verb, and the linker asks the same of them (dictionary support or steady meetings).
  else if ((u.tag === "l" || u.tag === "i") && [...w].length >= 4) cls = SET_PHRASE;
  if (NUMBERED_CONGRESS.test(w)) cls = TAG_CLASSES.j!;
  else if (u.tag === "mo") cls = ORDINAL;
  else if (u.tag === "m") cls = isNumber(w) ? BOUNDARY : NUMERAL_WORD;
  else if (u.tag === "x") {
    u.punct = PUNCT.test(w);
    // Unknown CJK words are often new coinages (新冠); Traditional text also lands here, so
    // they may only modify a known noun, never stand alone or last.
    cls = !u.punct && HAN_WORD.test(w) ? UNKNOWN_WORD : BOUNDARY;
  }
  // Word lists only matter for tokens the tag lets in (most tokens are particles and punctuation).
  if (cls !== BOUNDARY) {
    if (NEVER_IN_TERM.has(w) || POSTPOSITIONS.has(w)) cls = BOUNDARY;
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
