import type { Paragraph, Sentence } from "../model/index.js";
import { AMBIGUOUS, BEFORE_NUMBER, EN_BULLETS, EN_CLOSERS, EN_OPENERS, NEVER_FINAL, SENTENCE_STARTERS } from "./data/abbreviations.js";
import { cut } from "./split.js";

/*
 * English sentence ends, in linear time: every decision looks only at the token that may end
 * a sentence, its neighbours, and figures computed once per paragraph. Steps:
 *   1. tokens at white space                                   (tokenize)
 *   2. inline list items: bullets and numbered runs            (listItems)
 *   3. runs of spaced ellipsis dots (". . . .")                (dotRuns)
 *   4. per token: does a sentence end after it?                 (endsAfter → markEnds → periodEnds)
 */

/** A white-space-delimited token: `[start, end)` in the paragraph text. */
interface Token {
  start: number;
  end: number;
  text: string;
}

const esc = (s: string): string => s.replace(/[\]\\^-]/g, "\\$&");
const TRAILING_CLOSERS = new RegExp(`[${esc(EN_CLOSERS)}]+$`, "u");
const LEADING_OPENERS = new RegExp(`^[${esc(EN_OPENERS)}]+`, "u");
const END_RUN = /[.?!…]+$/u;
/** A bracketed omission, "[...]", "[…]" or "[. . .]": an ellipsis, never an end. */
const BRACKET_ELLIPSIS = /\[(?:\.{3}|…)\][^\p{L}\p{N}]*$/u;
/** Numbered or lettered list markers: "1.)", "2)", "3.", "a.", with an optional bullet glued in front ("⁃9."). */
const MARKER = new RegExp(`^([${esc(EN_BULLETS)}]?)(?:(\\d{1,3})|([a-z]))(\\.\\)|\\)|\\.)$`, "u");
const BULLET = new RegExp(`^[${esc(EN_BULLETS)}]$`, "u");
const INITIALISM = /^(?:\p{L}{1,2}\.)+\p{L}{1,2}$/u;
/** Inline list items are short: consecutive markers further apart than this are no list. */
const MAX_ITEM_TOKENS = 60;

/** Step 1. */
function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/\S+/g)) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return out;
}

/**
 * Step 2: inline list items. `starts` holds the tokens that open an item: a bullet always
 * does; a number or letter marker does when it belongs to a run of the same kind counting
 * up by one (1.) 2.) 3.), a. b. c.), each at most {@link MAX_ITEM_TOKENS} tokens after the
 * last, whose first marker opens the paragraph or follows a colon or an end mark and counts
 * 1 or "a" (or opens the paragraph). "We built 2. We sold 3." and "…in Figure 1. This…
 * in Figure 2. To…" are no lists. `markers` holds
 * every token that is a marker (a starting one, a number after a bullet, a number opening
 * the paragraph): its period never ends a sentence.
 */
function listItems(tokens: readonly Token[]): { starts: Set<number>; markers: Set<number> } {
  const starts = new Set<number>();
  const markers = new Set<number>();
  /** Per marker kind and value: the token index of the latest marker and the head of its run. */
  const last = new Map<string, { at: number; head: number }>();
  const heads = new Map<number, number>();
  const firstValue = new Map<number, number>();
  const linked: number[] = [];
  for (let i = 0; i < tokens.length - 1; i++) {
    const t = tokens[i]!.text;
    if (BULLET.test(t)) {
      starts.add(i);
      markers.add(i);
      continue;
    }
    const m = MARKER.exec(t);
    if (!m) continue;
    if (m[1] || i === 0 || BULLET.test(tokens[i - 1]!.text)) markers.add(i);
    if (m[1]) starts.add(i);
    const value = m[2] !== undefined ? Number(m[2]) : m[3]!.charCodeAt(0) - 96;
    const kind = `${m[2] !== undefined ? "n" : "a"}${m[4]}`;
    const before = prev0(tokens, i);
    const candidate = last.get(`${kind}${value - 1}`);
    const prev = candidate && i - candidate.at <= MAX_ITEM_TOKENS ? candidate : undefined;
    const head = prev ? prev.head : i;
    if (prev) linked.push(prev.at, i);
    // A run may open the paragraph, or follow "…steps:" or a finished sentence.
    else if (before === undefined || /[:.?!;][^\p{L}\p{N}]*$/u.test(before)) firstValue.set(i, value);
    heads.set(i, head);
    last.set(`${kind}${value}`, { at: i, head });
  }
  for (const i of linked) {
    const head = heads.get(i)!;
    const v = firstValue.get(head);
    if (v === undefined || (v !== 1 && head !== 0)) continue;
    markers.add(i);
    // A number right after a bullet belongs to the bullet's item.
    if (!(i > 0 && BULLET.test(tokens[i - 1]!.text))) starts.add(i);
  }
  return { starts, markers };
}

/** The text of the token before `i`, if any. */
const prev0 = (tokens: readonly Token[], i: number): string | undefined => tokens[i - 1]?.text;

/** The token without the closing quotes/brackets after its end mark. */
const core = (t: string): string => t.replace(TRAILING_CLOSERS, "");

/** Step 3: for each token that is a lone period (". . ."), the number of dots of its spaced ellipsis so far. */
function dotRuns(tokens: readonly Token[]): Int32Array {
  const run = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    if (core(tokens[i]!.text) !== ".") continue;
    // "closer. . . ." counts the period glued to the word as the first dot.
    run[i] = i > 0 && run[i - 1]! > 0 ? run[i - 1]! + 1 : i > 0 && /\.$/.test(core(tokens[i - 1]!.text)) ? 2 : 1;
  }
  return run;
}

/** The first word of a token, openers stripped ("“The" → "The"). */
const firstWord = (t: string): string => /^[\p{L}\p{N}]+/u.exec(t.replace(LEADING_OPENERS, ""))?.[0] ?? "";

/** A token that can open a sentence: after any openers, a capital, a digit or a Han character. */
const opensSentence = (t: string): boolean => /^[\p{Lu}\p{N}\p{Script=Han}]/u.test(t.replace(LEADING_OPENERS, ""));

const isLowerWord = (t: string | undefined): boolean => t !== undefined && /^[\p{Ll}]/u.test(t.replace(LEADING_OPENERS, ""));

/**
 * Step 4b: whether a single period after `word` ends the sentence when `next` follows.
 * Abbreviations decide by their class (data/abbreviations.ts); an initialism or a single
 * initial ends one only before a typical sentence opener ("…the U.S. The next…"), except
 * the pronoun "I" after a lower-case word ("you and I. Did…").
 */
function periodEnds(word: string, next: string, before: string | undefined): boolean {
  if (!opensSentence(next)) return false;
  const w = word.replace(LEADING_OPENERS, "").replace(/^[^\p{L}\p{N}$]+/u, "");
  const lower = w.toLowerCase();
  const starter = SENTENCE_STARTERS.has(firstWord(next));
  if (NEVER_FINAL.has(lower)) return false;
  if (BEFORE_NUMBER.has(lower) && /^\d/.test(next)) return false;
  if (AMBIGUOUS.has(lower)) return starter;
  if (w === "I" && isLowerWord(before)) return true;
  // A lower-case single letter ("from v to u.") is a word; an upper-case one an initial.
  if (INITIALISM.test(w) || /^\p{Lu}$/u.test(w)) return starter;
  return true;
}

/** A token of quote marks only: a closing quote set off by a space (`…this. " The…`). */
const QUOTES_ONLY = /^["'“”‘’«»]+$/u;

/** Step 4: whether a sentence ends right after token `i`. */
function endsAfter(tokens: readonly Token[], i: number, lists: ReturnType<typeof listItems>, dots: Int32Array): boolean {
  const next = tokens[i + 1];
  if (!next) return false;
  if (lists.starts.has(i + 1)) return true;
  if (lists.markers.has(i)) return false;
  // A spaced closing quote belongs to the sentence before it: the end comes after the quote.
  if (QUOTES_ONLY.test(tokens[i]!.text) && i > 0) return markEnds(tokens, i - 1, next, dots);
  if (QUOTES_ONLY.test(next.text) && tokens[i + 2]) return false;
  return markEnds(tokens, i, next, dots);
}

/** Step 4a: whether the end mark of token `i`, if it has one, ends the sentence before `next`. */
function markEnds(tokens: readonly Token[], i: number, next: Token, dots: Int32Array): boolean {
  const t = tokens[i]!.text;
  if (BRACKET_ELLIPSIS.test(t)) return false;
  const c = core(t);
  const mark = END_RUN.exec(c)?.[0];
  if (!mark) return false;
  // Inside a spaced ellipsis ("closer. . . ."), only its last dot may end a sentence.
  if (core(next.text) === ".") return false;
  if (dots[i]! > 0) return dots[i]! >= 4 ? opensSentence(next.text) : dots[i] === 1 && periodEnds("", next.text, undefined);
  if (mark !== ".") return opensSentence(next.text);
  return periodEnds(c.slice(0, -1), next.text, tokens[i - 1]?.text);
}

/**
 * Splits an English paragraph into sentences. Periods of abbreviations (`U.N.`, `Mr.`,
 * `No. 5`, `Mt. Fuji`) do not end a sentence unless a typical sentence opener follows an
 * initialism (`…the U.S. The next…`); inline list items (`1.) … 2.) …`, `a. … b. …`,
 * `• 9. …`) each start one; a spaced ellipsis ends one only with a fourth dot; a speaker
 * label stays with its first sentence because a colon never ends one. Linear in the
 * paragraph's length.
 */
export function splitEnglish(p: Paragraph, paragraphIndex: number): Sentence[] {
  const tokens = tokenize(p.text);
  const lists = listItems(tokens);
  const dots = dotRuns(tokens);
  const ends: number[] = [];
  for (let i = 0; i < tokens.length; i++) if (endsAfter(tokens, i, lists, dots)) ends.push(tokens[i]!.end);
  return cut(p, paragraphIndex, ends);
}
