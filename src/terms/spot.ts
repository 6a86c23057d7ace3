import type { AlignedDoc, DocMentions, Mention } from "../model/index.js";
import { EN_EDGE_WORDS, ZH_EDGE_TAGS, ZH_INSIDE_TAGS_NO } from "./data/spot.js";
import { FUNCTION_WORDS as EN_FUNCTION, INVARIANT_PLURALS } from "./en/data/stopwords.js";
import { zhSpotTokens, type ZhSpotToken } from "./zh/candidates.js";
import { FUNCTION_WORDS as ZH_FUNCTION, STOP_ANYWHERE as ZH_STOP } from "./zh/data/stop.js";
import type { ZhToken } from "./zh/jieba.js";
import { intersectSorted } from "../util/sorted.js";

/** Weights of translation spotting; every default in one place. */
export interface SpotParams {
  /** A term is spotted for when it occurs in at least this many beads of the document. */
  minBeads: number;
  /** A span is considered when at least this share of the term's beads hold it. */
  minShare: number;
  /** The spotted span's Dice with the term must reach this. */
  minDice: number;
  /** Spans whose Dice is within this of the best compete on their boundaries. */
  tie: number;
  /** Longest spans tried: Chinese tokens and characters, English words. */
  maxZhTokens: number;
  maxZhChars: number;
  maxEnWords: number;
  /** Beads of a frequent term whose spans are enumerated (the first ones); counts use all beads. */
  sampleBeads: number;
  /**
   * Beads searched for a span's frequency; past it an even sample is searched and scaled, so a
   * document of many thousand beads costs spans × this, not spans × beads.
   */
  maxSearch: number;
}

export const DEFAULT_SPOT: SpotParams = { minBeads: 2, minShare: 0.5, minDice: 0.5, tie: 0.02, maxZhTokens: 6, maxZhChars: 12, maxEnWords: 6, sampleBeads: 12, maxSearch: 2000 };

/** Pattern label of a mention found by spotting, for the reviewer. */
export const SPOT_PATTERN = "SPOT";

interface Side {
  /** Per both-sided bead: its sentence indices and its text as spans are matched against it. */
  sentences: number[][];
  text: string[];
  /** Keys → beads holding them, from the extractors' mentions. */
  keyBeads: Map<string, number[]>;
  /** Keys that stand somewhere as the longest candidate at their place (not only inside longer ones). */
  maximal: Set<string>;
  /** A character or word → beads holding it, to count a span's beads quickly. */
  index: Map<string, number[]>;
}

/** A candidate span of the other side: its key, its length in tokens and a boundary penalty. */
interface Span {
  key: string;
  tokens: number;
  penalty: number;
}

/**
 * Translation spotting over the aligned beads of one document. For each term that recurs
 * (English or Chinese, in `minBeads` beads or more), the contiguous spans of the other side of
 * its beads are scored by Dice against it; the best span, its boundaries chosen by that
 * bilingual evidence (a span that can be shrunk or extended without losing beads competes on
 * its edges: no verb or adverb at the edge, then the longer), becomes a candidate of its own in
 * every sentence of the document that holds it, pattern `SPOT`. It then competes with the
 * extractors' candidates in the linker. Spans the extractors already found add nothing.
 */
export function spotTerms(doc: AlignedDoc, mentions: DocMentions, zhTokens: readonly (readonly ZhToken[])[], params: SpotParams = DEFAULT_SPOT): DocMentions {
  const beads = doc.beads.filter((b) => b.en.length > 0 && b.zh.length > 0);
  if (beads.length < params.minBeads) return mentions;
  const zhToks = doc.zh.map((s, j) => zhSpotTokens(s.text, zhTokens[j] ?? []));
  const enWords = doc.en.map((s) => englishWords(s.text));
  const zh = side(beads.map((b) => b.zh), (j) => doc.zh[j]!.text, mentions.zh, bigrams);
  const en = side(beads.map((b) => b.en), (i) => normalEnglish(enWords[i]!), mentions.en, wordsAndPairs);

  const zhHolding = beadsHolding(zh, zhFreq, params.maxSearch);
  const enHolding = beadsHolding(en, enFreq, params.maxSearch);
  // jieba cuts a word differently in different sentences (改革开放 here, 深化改革/开放 there): a Chinese
  // term is where its characters are, whether or not the extractor found it there.
  for (const [key, beads] of zh.keyBeads) {
    if (!zh.maximal.has(key)) continue;
    const held = zhHolding(key);
    if (held.scale === 1 && held.beads.length > beads.length) zh.keyBeads.set(key, held.beads);
  }
  const zhFound = spot(en, zh, params, (b) => zh.sentences[b]!.map((j) => zhToks[j]!), (t) => t.fold, zhSpans, zhHolding);
  const enFound = spot(zh, en, params, (b) => en.sentences[b]!.map((i) => enWords[i]!), (w) => w.lower, enSpans, enHolding);
  return {
    doc: mentions.doc,
    zh: addMentions("zh", mentions.zh, zhFound, (key) => sentencesOf(zh, zhFreq(zh, key).beads), (j, key) => occurrencesZh(doc.zh[j]!.text, key)),
    en: addMentions("en", mentions.en, enFound, (key) => sentencesOf(en, enFreq(en, key).beads), (i, key) => occurrencesEn(doc.en[i]!.text, enWords[i]!, key)),
  };
}

/** The sentences of some beads. */
function sentencesOf(s: Side, beads: readonly number[]): number[] {
  return beads.flatMap((b) => s.sentences[b]!);
}

function side(sentences: number[][], text: (k: number) => string, mentions: readonly (readonly Mention[])[], units: (text: string) => Set<string>): Side {
  const s: Side = { sentences, text: [], keyBeads: new Map(), maximal: new Set(), index: new Map() };
  sentences.forEach((ks, b) => {
    const t = ks.map(text).join("\n");
    s.text.push(t);
    const keys = new Set<string>();
    for (const k of ks) {
      for (const m of mentions[k] ?? []) {
        keys.add(m.key);
        if (m.maximal) s.maximal.add(m.key);
      }
    }
    for (const key of keys) push(s.keyBeads, key, b);
    for (const u of units(t)) push(s.index, u, b);
  });
  return s;
}

function push<K, V>(map: Map<K, V[]>, key: K, b: V): void {
  const list = map.get(key);
  if (list) list.push(b);
  else map.set(key, [b]);
}

/**
 * Beads whose text holds `key` (ascending), found through the index of its two rarest units. Past
 * `cap` beads to search (a common word in a memory of thousands of units), an evenly spaced
 * `cap` of them are searched, and `scale` tells how many beads each found one stands for.
 */
function holding(target: Side, key: string, units: readonly string[], cap = Infinity): Holders {
  const lists = units.map((u) => target.index.get(u) ?? []).sort((a, b) => a.length - b.length);
  // The key is its own unit (one English word or word pair, two Chinese characters): the index is the answer.
  if (units.length === 1 && (key === units[0] || key === ` ${units[0]} `)) return { beads: lists[0]!, scale: 1 };
  // Beads holding its two rarest units: far fewer to search than those holding one.
  let pool = lists.length > 1 ? intersectSorted(lists[0]!, lists[1]!) : (lists[0] ?? []);
  let scale = 1;
  if (pool.length > cap) {
    const all = pool;
    scale = all.length / cap;
    pool = Array.from({ length: cap }, (_, i) => all[Math.floor(i * scale)]!);
  }
  return { beads: pool.filter((b) => target.text[b]!.includes(key)), scale };
}

/** Beads holding a span, or a sample of them standing for `scale` beads each. */
interface Holders {
  beads: number[];
  scale: number;
}

/** Character pairs of a text: a Chinese span's rarest pair finds the beads that may hold it. */
function bigrams(text: string): Set<string> {
  const chars = [...text];
  const out = new Set<string>();
  for (let k = 0; k + 1 < chars.length; k++) out.add(chars[k]! + chars[k + 1]!);
  return out;
}

/**
 * Words and adjacent word pairs of a normalised English text: a span of several words is found
 * through its rarest pair, far rarer than its rarest word.
 */
function wordsAndPairs(text: string): Set<string> {
  const words = text.split(" ");
  const out = new Set<string>();
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    if (!w || w === "|") continue;
    out.add(w);
    const next = words[k + 1];
    if (next && next !== "|") out.add(`${w} ${next}`);
  }
  return out;
}

const zhFreq = (target: Side, key: string, cap?: number): Holders => holding(target, key, [...bigrams(key)], cap);
const enFreq = (target: Side, key: string, cap?: number): Holders => {
  const words = key.split(" ");
  return holding(target, ` ${key} `, words.length === 1 ? words : words.slice(1).map((w, k) => `${words[k]} ${w}`), cap);
};

/**
 * Beads of a side holding a span, each span searched once per document: a long document (a
 * memory of thousands of units) tries the same spans for many terms.
 */
function beadsHolding(target: Side, freq: (t: Side, key: string, cap?: number) => Holders, cap: number): (key: string) => Holders {
  const cache = new Map<string, Holders>();
  return (key) => {
    let h = cache.get(key);
    if (!h) cache.set(key, (h = freq(target, key, cap)));
    return h;
  };
}

/**
 * The best span of `target` for each recurring key of `source`: key → spotted span. A span
 * spotted for several terms keeps its first (terms are taken by key order, for determinism).
 * Only tokens found in enough of the term's beads can be part of its span, so each bead's
 * spans are enumerated over those runs only (most tokens of a bead occur in no other).
 */
function spot<U>(source: Side, target: Side, p: SpotParams, unitsOf: (bead: number) => ReadonlyArray<readonly U[]>, name: (u: U) => string, spansOf: (sentences: ReadonlyArray<readonly U[]>, ok: (u: U) => boolean, p: SpotParams) => Span[], holders: (key: string) => Holders): Map<string, Span> {
  const found = new Map<string, Span>();
  // A key only ever seen inside longer candidates is spotted through them.
  const keys = [...source.keyBeads.keys()].filter((k) => source.maximal.has(k) && source.keyBeads.get(k)!.length >= p.minBeads).sort();
  for (const key of keys) {
    const beads = source.keyBeads.get(key)!;
    const sample = beads.slice(0, p.sampleBeads);
    const least = Math.max(p.minBeads, Math.ceil(p.minShare * sample.length));
    const unitBeads = new Map<string, number>();
    for (const b of sample) {
      const seen = new Set<string>();
      for (const sent of unitsOf(b)) for (const u of sent) seen.add(name(u));
      for (const n of seen) unitBeads.set(n, (unitBeads.get(n) ?? 0) + 1);
    }
    let any = false;
    for (const n of unitBeads.values()) if (n >= least) any = true;
    if (!any) continue;
    const ok = (u: U): boolean => (unitBeads.get(name(u)) ?? 0) >= least;
    const tally = new Map<string, { span: Span; n: number }>();
    for (const b of sample) {
      const seen = new Set<string>();
      for (const s of spansOf(unitsOf(b), ok, p)) {
        if (seen.has(s.key)) continue;
        seen.add(s.key);
        const t = tally.get(s.key);
        if (t) {
          t.n++;
          if (s.penalty < t.span.penalty) t.span = s;
        } else tally.set(s.key, { span: s, n: 1 });
      }
    }
    const scored: Array<{ span: Span; dice: number }> = [];
    for (const { span, n } of tally.values()) {
      if (n < least || span.key === key) continue;
      const held = holders(span.key);
      scored.push({ span, dice: (2 * intersectSorted(held.beads, beads).length * held.scale) / (beads.length + held.beads.length * held.scale) });
    }
    if (scored.length === 0) continue;
    let top = 0;
    for (const x of scored) top = Math.max(top, x.dice);
    if (top < p.minDice) continue;
    const best = scored
      .filter((x) => x.dice >= top - p.tie)
      .sort((a, b) => a.span.penalty - b.span.penalty || b.span.key.length - a.span.key.length || (a.span.key < b.span.key ? -1 : a.span.key > b.span.key ? 1 : 0))[0]!;
    if (!found.has(best.span.key)) found.set(best.span.key, best.span);
  }
  return found;
}

const isNumberish = (t: ZhSpotToken): boolean => t.tag === "m" && !/\p{Script=Han}{2,}/u.test(t.fold);
const isPunct = (t: ZhSpotToken): boolean => /^[\p{P}\p{S}\p{Z}\p{C}\s]+$/u.test(t.fold);
/**
 * Edges that are context more often than term, for spans tied on Dice: a verb before the term
 * (介绍 中国外交) most of all; after it a one-character verb (思想 活) or an adjective (质量 一流).
 * A longer word jieba tags as a verb may end a term (配送 中心 starts with one, 水表 is mistagged).
 */
const zhLeftPenalty = (t: ZhSpotToken): number => (t.tag === "v" || t.tag === "vd" ? 2 : 0);
const zhRightPenalty = (t: ZhSpotToken, prev: ZhSpotToken | undefined): number =>
  (t.tag === "v" || t.tag === "vd") && [...t.fold].length === 1 ? 1 : (t.tag === "a" || t.tag === "ad") && !isAdjective(prev) ? 1 : 0;
/** After another adjective an adjective ends a noun phrase as its head (伟大/a 复兴/a "great rejuvenation"), not as a predicate (质量 一流). */
const isAdjective = (t: ZhSpotToken | undefined): boolean => t !== undefined && (t.tag === "a" || t.tag === "ad");
const zhBadEdge = (t: ZhSpotToken): boolean => ZH_EDGE_TAGS.has(t.tag) || ZH_FUNCTION.has(t.fold) || ZH_STOP.has(t.fold) || isNumberish(t) || isPunct(t);

/** Contiguous Chinese token spans of a bead's sentences that may be a term. */
function zhSpans(sentences: ReadonlyArray<readonly ZhSpotToken[]>, ok: (t: ZhSpotToken) => boolean, p: SpotParams): Span[] {
  const out: Span[] = [];
  for (const toks of sentences) {
    for (let i = 0; i < toks.length; i++) {
      if (!ok(toks[i]!) || zhBadEdge(toks[i]!)) continue;
      let key = "";
      for (let j = i; j < toks.length && j - i < p.maxZhTokens; j++) {
        const t = toks[j]!;
        if (!ok(t) || isPunct(t) || ZH_INSIDE_TAGS_NO.has(t.tag) || (j > i && t.start !== toks[j - 1]!.end)) break;
        key += t.fold;
        if ([...key].length > p.maxZhChars) break;
        if (zhBadEdge(t) || [...key].length < 2) continue;
        out.push({ key, tokens: j - i + 1, penalty: zhLeftPenalty(toks[i]!) + zhRightPenalty(t, j > i ? toks[j - 1] : undefined) });
      }
    }
  }
  return out;
}

/** An English word of a sentence, with its offsets and whether punctuation separates it from the previous word. */
interface EnWord {
  /** Lower case, plurals folded. */
  lower: string;
  start: number;
  end: number;
  breakBefore: boolean;
}

const EN_WORD = /[\p{L}\p{N}]+(?:['’.\-&][\p{L}\p{N}]+)*/gu;

function englishWords(text: string): EnWord[] {
  const out: EnWord[] = [];
  let last = 0;
  for (const m of text.matchAll(EN_WORD)) {
    const between = text.slice(last, m.index);
    out.push({ lower: singular(m[0].toLowerCase().replace(/’/g, "'")), start: m.index, end: m.index + m[0].length, breakBefore: out.length === 0 || /[^\s]/.test(between) });
    last = m.index + m[0].length;
  }
  return out;
}

/**
 * A plural's singular, as spotting counts words: "mobile phones" and "mobile phone" are one
 * term, or the head alone ("mobile") would meet its beads more often than either form.
 */
function singular(lower: string): string {
  if (lower.length < 4 || !lower.endsWith("s") || /(ss|us|is|'s)$/.test(lower) || INVARIANT_PLURALS.has(lower) || EN_FUNCTION.has(lower)) return lower;
  if (lower.endsWith("ies")) return lower.slice(0, -3) + "y";
  if (/(ches|shes|xes|sses|zes)$/.test(lower)) return lower.slice(0, -2);
  return lower.slice(0, -1);
}

/** A sentence as spotting matches English against it: lower-case words between spaces, `|` where punctuation was. */
function normalEnglish(words: readonly EnWord[]): string {
  let s = " ";
  for (const w of words) s += (w.breakBefore ? "| " : "") + w.lower + " ";
  return s + "| ";
}

const enBadEdge = (w: string): boolean => EN_EDGE_WORDS.has(w) || EN_FUNCTION.has(w) || !/\p{L}\p{L}/u.test(w);

/** Contiguous English word spans of a bead's sentences that may be a term. */
function enSpans(sentences: ReadonlyArray<readonly EnWord[]>, ok: (w: EnWord) => boolean, p: SpotParams): Span[] {
  const out: Span[] = [];
  for (const words of sentences) {
    for (let i = 0; i < words.length; i++) {
      if (!ok(words[i]!) || enBadEdge(words[i]!.lower)) continue;
      let key = "";
      for (let j = i; j < words.length && j - i < p.maxEnWords; j++) {
        if (!ok(words[j]!) || (j > i && words[j]!.breakBefore)) break;
        key += (j > i ? " " : "") + words[j]!.lower;
        if (!enBadEdge(words[j]!.lower)) out.push({ key, tokens: j - i + 1, penalty: 0 });
      }
    }
  }
  return out;
}

type Place = [start: number, end: number, surface: string];

/** Whether offset `at` falls between two words of mention `m` (at a space inside it). */
const cutsAt = (m: Mention, at: number): boolean => at > m.start && at < m.end && (/\s/.test(m.surface.charAt(at - m.start - 1)) || /\s/.test(m.surface.charAt(at - m.start)));

function occurrencesZh(text: string, key: string): Place[] {
  const out: Place[] = [];
  for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + key.length)) out.push([at, at + key.length, key]);
  return out;
}

function occurrencesEn(text: string, words: readonly EnWord[], key: string): Place[] {
  const parts = key.split(" ");
  const out: Place[] = [];
  for (let i = 0; i + parts.length <= words.length; i++) {
    let ok = true;
    for (let k = 0; k < parts.length && ok; k++) ok = words[i + k]!.lower === parts[k] && (k === 0 || !words[i + k]!.breakBefore);
    if (ok) out.push([words[i]!.start, words[i + parts.length - 1]!.end, text.slice(words[i]!.start, words[i + parts.length - 1]!.end)]);
  }
  return out;
}

/**
 * Adds a mention of each spotted key wherever a sentence of the beads holding it has it, no
 * mention of the extractors covers exactly that place and no name of theirs is cut by it; a
 * sentence whose own mentions already hold the key is left as it is.
 */
function addMentions(lang: "en" | "zh", perSentence: Mention[][], found: ReadonlyMap<string, Span>, where: (key: string) => number[], find: (sentence: number, key: string) => Place[]): Mention[][] {
  if (found.size === 0) return perSentence;
  const added = new Map<number, Mention[]>();
  for (const [key, span] of found) {
    for (const k of where(key)) {
      const ms = perSentence[k] ?? [];
      if (ms.some((m) => m.key === key)) continue;
      for (const [start, end, surface] of find(k, key)) {
        if (ms.some((m) => m.start === start && m.end === end)) continue;
        // A span reaching into a name the extractor found and ending between two of its words ("…
        // Foreign Minister Wang" of "Wang Yi") is no term; "EEA countries" after the name "EU/EEA" is,
        // and so is a surname inside a name.
        if (ms.some((m) => m.pattern === "NAME" && ((start < m.start && cutsAt(m, end)) || (end > m.end && cutsAt(m, start))))) continue;
        const maximal = !ms.some((m) => m.maximal && m.start <= start && m.end >= end);
        push(added, k, { lang, key, surface, words: span.tokens, pattern: SPOT_PATTERN, start, end, left: "", right: "", maximal });
      }
    }
  }
  return perSentence.map((ms, k) => {
    const more = added.get(k);
    if (!more) return ms;
    return [...ms, ...more].sort((a, b) => a.start - b.start || b.end - a.end || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  });
}
