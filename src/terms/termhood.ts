import type { DocMentions, Lang, Mention, TermCandidate } from "../model/index.js";
import { EN_TITLES } from "../lexicon/data/titles.js";
import { EN_EDGE_WORDS } from "./data/spot.js";
import { FUNCTION_WORDS as EN_FUNCTION } from "./en/data/stopwords.js";
import { FUNCTION_WORDS as ZH_FUNCTION, PREDICATE_VERBS, STOP_ANYWHERE as ZH_STOP } from "./zh/data/stop.js";

/**
 * Longer candidates remembered per key. C-value averages over them; beyond a few hundred (a common
 * word inside every compound) the average no longer moves the ranking, and memory would.
 */
const MAX_NESTED = 256;

/** Spellings and neighbours remembered per key. */
const MAX_FORMS = 16;

/** Longer candidates kept per candidate for the linker's extent check; a common word sits in hundreds. */
export const MAX_CONTAINERS = 40;

/**
 * Surface counts as shown to a reviewer: an English possessive ending is not part of the
 * term ("China's" shows as "China") unless the key keeps it.
 */
function displayForms(lang: Lang, key: string, surfaces: ReadonlyMap<string, number>): Map<string, number> {
  if (lang !== "en" || /'s?$/.test(key)) return new Map(surfaces);
  const out = new Map<string, number>();
  for (const [s, n] of surfaces) {
    const bare = s.replace(/['’]s?$/, "");
    out.set(bare, (out.get(bare) ?? 0) + n);
  }
  return out;
}

/**
 * The capital a sentence gives its first word is not part of a common-noun term:
 * "Emergency water supply plans" at the start of a sentence shows as "emergency water
 * supply plans" (names, acronyms and words capitalised inside the key keep theirs).
 */
function sentenceCase(m: Mention): string {
  const first = m.surface.split(/[\s-]/)[0]!;
  // A title alone opening a sentence or a speaker's label ("Spokesperson:") is a common word there;
  // before a name it keeps its capital ("Spokesperson Lin Hua").
  const title = EN_TITLES.has(m.surface.toLowerCase());
  if (m.left !== "" || ((m.pattern === "NAME" || m.named) && !title) || m.pattern === "ACR") return m.surface;
  if (!/^\p{Lu}\p{Ll}+$/u.test(first) || !m.key.startsWith(first.toLowerCase())) return m.surface;
  return first.toLowerCase() + m.surface.slice(first.length);
}

interface Tally {
  key: string;
  words: number;
  pattern: string;
  /** Place of the first mention (see `place`): its words and pattern are the key's. */
  first: number;
  count: number;
  /** Occurrences no longer mention of the sentence contains. */
  alone: number;
  /** Every spelling: count and place of first use. The first `MAX_FORMS` by place are shown. */
  surfaces: Map<string, { n: number; at: number }>;
  /** The first `MAX_FORMS` neighbours by place (only their variety and a lone one are used). */
  left: Map<string, number>;
  right: Map<string, number>;
  /** Keys of the first `MAX_NESTED` longer mentions this one was found inside, by place. */
  nestedIn: Map<string, number>;
  expands?: string;
  expandsAt: number;
  namedCount: number;
}

/**
 * A mention's place in the corpus: the document's place, then the order of events in it. Every
 * "first seen" choice is the lowest place, so counts taken in any order and merged agree.
 */
const DOC_PLACES = 2 ** 32;
const place = (ord: number, seq: number): number => ord * DOC_PLACES + seq;

/** Records `k` at place `at` in a map kept to the `max` lowest places. */
function keepFirst(m: Map<string, number>, k: string, at: number, max: number): void {
  const had = m.get(k);
  if (had !== undefined) {
    if (at < had) m.set(k, at);
  } else m.set(k, at);
  if (m.size > max) {
    // Rare (a common word): drop the latest ones.
    const kept = [...m].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1)).slice(0, max);
    m.clear();
    for (const [x, y] of kept) m.set(x, y);
  }
}

/** Counter rows as plain JSON data (see `TermCounter.encode`). */
export type CounterWire = Array<[key: string, words: number, pattern: string, first: number, count: number, alone: number, namedCount: number, expands: string | null, expandsAt: number, surfaces: Array<[string, number, number]>, left: Array<[string, number]>, right: Array<[string, number]>, nestedIn: Array<[string, number]>]>;

/**
 * Counts mentions over a corpus and keeps the counts only: feed it one document at a time,
 * then call `candidates()`. Memory grows with the number of distinct keys, not with the text.
 * Counters of parts of a corpus merge (`merge`) into the counter of the whole.
 */
export class TermCounter {
  private readonly tallies = new Map<string, Tally>();
  /** Documents added without a place: they take the next ones. */
  private nextOrd = 0;

  constructor(private readonly lang: Lang) {}

  /** Adds one document's mentions (indexed like its sentences); `ord` is its place in the corpus. */
  add(doc: string, perSentence: readonly (readonly Mention[])[], ord = this.nextOrd): void {
    this.nextOrd = Math.max(this.nextOrd, ord + 1);
    let seq = 0;
    for (const mentions of perSentence) {
      for (const m of mentions) {
        const at = place(ord, seq);
        seq += 1 + mentions.length;
        const t = this.tally(m, at);
        t.count++;
        if (m.maximal) t.alone++;
        const shown = this.lang === "en" ? sentenceCase(m) : m.surface;
        const s = t.surfaces.get(shown);
        if (s) s.n++;
        else t.surfaces.set(shown, { n: 1, at });
        // Bounded per key: a frequent word meets thousands of neighbours, and only the first few
        // and whether they vary at all are ever used.
        if (t.left.size < MAX_FORMS && !t.left.has(m.left)) t.left.set(m.left, at);
        if (t.right.size < MAX_FORMS && !t.right.has(m.right)) t.right.set(m.right, at);
        if (m.expands && !t.expands) {
          t.expands = m.expands;
          t.expandsAt = at;
        }
        if (m.named) t.namedCount++;
        // Nesting by span inside the same sentence: the longer mention contains this one.
        mentions.forEach((o, k) => {
          if (o !== m && o.key !== m.key && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start && t.nestedIn.size < MAX_NESTED && !t.nestedIn.has(o.key)) t.nestedIn.set(o.key, at + 1 + k);
        });
      }
    }
  }

  /** Adds the mentions of every document of a corpus for this counter's language. */
  addAll(docs: readonly DocMentions[]): this {
    for (const d of docs) this.add(d.doc, d[this.lang]);
    return this;
  }

  /**
   * Adds another counter's counts, as if its documents had been added here. Associative and
   * commutative: every first-seen choice goes to the lowest place. Each document must have been
   * added to one of the two only. With `take` the other counter is used up: its tallies move here.
   */
  merge(other: TermCounter, take = false): this {
    this.nextOrd = Math.max(this.nextOrd, other.nextOrd);
    for (const [key, o] of other.tallies) {
      const t = this.tallies.get(key);
      if (!t) {
        // Taken (the other counter is used up): the tally moves as it is.
        this.tallies.set(key, take ? o : { ...o, surfaces: new Map([...o.surfaces].map(([k, v]) => [k, { ...v }])), left: new Map(o.left), right: new Map(o.right), nestedIn: new Map(o.nestedIn) });
        continue;
      }
      if (o.first < t.first) {
        t.first = o.first;
        t.words = o.words;
        t.pattern = o.pattern;
      }
      t.count += o.count;
      t.alone += o.alone;
      t.namedCount += o.namedCount;
      for (const [k, v] of o.surfaces) {
        const s = t.surfaces.get(k);
        if (s) {
          s.n += v.n;
          s.at = Math.min(s.at, v.at);
        } else t.surfaces.set(k, { ...v });
      }
      for (const [k, at] of o.left) keepFirst(t.left, k, at, MAX_FORMS);
      for (const [k, at] of o.right) keepFirst(t.right, k, at, MAX_FORMS);
      for (const [k, at] of o.nestedIn) keepFirst(t.nestedIn, k, at, MAX_NESTED);
      if (o.expands && (!t.expands || o.expandsAt < t.expandsAt)) {
        t.expands = o.expands;
        t.expandsAt = o.expandsAt;
      }
    }
    return this;
  }

  /** The counts as plain JSON data. */
  encode(): CounterWire {
    return [...this.tallies.values()].map((t) => [t.key, t.words, t.pattern, t.first, t.count, t.alone, t.namedCount, t.expands ?? null, t.expandsAt, [...t.surfaces].map(([k, v]) => [k, v.n, v.at]), [...t.left], [...t.right], [...t.nestedIn]]);
  }

  /** A counter from {@link encode}'s data. */
  static decode(lang: Lang, rows: CounterWire): TermCounter {
    const c = new TermCounter(lang);
    for (const [key, words, pattern, first, count, alone, namedCount, expands, expandsAt, surfaces, left, right, nestedIn] of rows) {
      c.tallies.set(key, { key, words, pattern, first, count, alone, namedCount, ...(expands !== null ? { expands } : {}), expandsAt, surfaces: new Map(surfaces.map(([k, n, at]) => [k, { n, at }])), left: new Map(left), right: new Map(right), nestedIn: new Map(nestedIn) });
      c.nextOrd = Math.max(c.nextOrd, Math.floor(first / DOC_PLACES) + 1);
    }
    return c;
  }

  /** Candidates with C-value, sorted by C-value, then count, then key. */
  candidates(): TermCandidate[] {
    const out: TermCandidate[] = [];
    for (const t of this.tallies.values()) {
      // The spellings shown are the first `MAX_FORMS` met, with all their uses.
      const firstForms = new Map([...t.surfaces].sort((a, b) => a[1].at - b[1].at).slice(0, MAX_FORMS).map(([k, v]) => [k, v.n]));
      const surfaces = [...displayForms(this.lang, t.key, firstForms)].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([s]) => s);
      out.push({
        lang: this.lang,
        key: t.key,
        surface: surfaces[0]!,
        variants: surfaces.slice(1),
        words: t.words,
        pattern: t.pattern,
        count: t.count,
        alone: t.alone,
        cvalue: cValue(t, this.tallies),
        leftVariety: t.left.size,
        rightVariety: t.right.size,
        ...fixed("fixedLeft", t.left, t.count, (n) => !this.stop(n) || this.contains(t, this.lang === "zh" ? n + t.key : `${n} ${t.key}`)),
        ...fixed("fixedRight", t.right, t.count, (n) => !this.stop(n) || (this.lang === "zh" ? this.contains(t, t.key + n) : [n, n.replace(/ies$/, "y"), n.replace(/e?s$/, "")].some((w) => this.contains(t, `${t.key} ${w}`)))),
        ...(t.expands ? { expands: t.expands } : {}),
        // A name when most mentions were names: "Central" of "Central Asia" does not make "central" one.
        ...(t.namedCount * 2 > t.count ? { named: true } : {}),
        ...(t.nestedIn.size ? { containers: [...t.nestedIn.keys()].sort().slice(0, MAX_CONTAINERS) } : {}),
      });
    }
    return out.sort((a, b) => b.cvalue - a.cvalue || b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  /** A function word or a predicate verb, which ends a term rather than extending it. */
  private stop(word: string): boolean {
    return this.lang === "zh" ? ZH_FUNCTION.has(word) || ZH_STOP.has(word) || PREDICATE_VERBS.has(word) : EN_EDGE_WORDS.has(word.toLowerCase()) || EN_FUNCTION.has(word.toLowerCase());
  }

  /** Whether `key` (as a neighbour joins it, any case) is one of the longer candidates `t` was found inside. */
  private contains(t: Tally, key: string): boolean {
    if (t.nestedIn.has(key)) return true;
    const lower = key.toLowerCase();
    for (const k of t.nestedIn.keys()) if (k.toLowerCase() === lower) return true;
    return false;
  }

  private tally(m: Mention, at: number): Tally {
    let t = this.tallies.get(m.key);
    if (!t) {
      t = { key: m.key, words: m.words, pattern: m.pattern, first: at, count: 0, alone: 0, surfaces: new Map(), left: new Map(), right: new Map(), nestedIn: new Map(), expandsAt: 0, namedCount: 0 };
      this.tallies.set(m.key, t);
    }
    return t;
  }
}

/** Least occurrences before an unvarying neighbour says "fragment". */
const FIXED_MIN = 3;

/**
 * The one neighbour a frequent candidate always has (合作组织 always after 上海): likely a piece of a
 * longer term, unless the neighbour is a function word or a predicate verb that makes no longer
 * candidate with it (构建 人类命运共同体, "a community with a shared future"), which says nothing of
 * its extent.
 */
function fixed(name: "fixedLeft" | "fixedRight", seen: ReadonlyMap<string, number>, count: number, joinsLonger: (neighbour: string) => boolean): Partial<TermCandidate> {
  if (count < FIXED_MIN || seen.size !== 1) return {};
  const only = [...seen.keys()][0]!;
  return only === "" || !joinsLonger(only) ? {} : { [name]: only };
}

/**
 * C-value (Frantzi, Ananiadou & Mima 2000) with log2(words + 1) so that one-word terms
 * (多边主义, multilateralism) are not zeroed: a string nested in longer candidates keeps only
 * the frequency it has beyond the average of those candidates.
 */
export function cValue(t: { words: number; count: number; nestedIn: ReadonlySet<string> | ReadonlyMap<string, unknown> }, all: ReadonlyMap<string, { count: number }>): number {
  const weight = Math.log2(t.words + 1);
  if (t.nestedIn.size === 0) return weight * t.count;
  let sum = 0;
  for (const k of t.nestedIn.keys()) sum += all.get(k)?.count ?? 0;
  return weight * Math.max(0, t.count - sum / t.nestedIn.size);
}
