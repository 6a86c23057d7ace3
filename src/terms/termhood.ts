import type { DocMentions, Lang, Mention, TermCandidate } from "../model/index.js";

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
  if (m.left !== "" || m.pattern === "NAME" || m.pattern === "ACR" || m.named) return m.surface;
  const first = m.surface.split(/[\s-]/)[0]!;
  if (!/^\p{Lu}\p{Ll}+$/u.test(first) || !m.key.startsWith(first.toLowerCase())) return m.surface;
  return first.toLowerCase() + m.surface.slice(first.length);
}

interface Tally {
  key: string;
  words: number;
  pattern: string;
  count: number;
  surfaces: Map<string, number>;
  left: Set<string>;
  right: Set<string>;
  /** Keys of longer mentions this one was found inside. */
  nestedIn: Set<string>;
  expands?: string;
  namedCount: number;
}

/**
 * Counts mentions over a corpus and keeps the counts only: feed it one document at a time,
 * then call `candidates()`. Memory grows with the number of distinct keys, not with the text.
 */
export class TermCounter {
  private readonly tallies = new Map<string, Tally>();

  constructor(private readonly lang: Lang) {}

  /** Adds one document's mentions (indexed like its sentences). */
  add(doc: string, perSentence: readonly (readonly Mention[])[]): void {
    perSentence.forEach((mentions, sentence) => {
      for (const m of mentions) {
        const t = this.tally(m);
        t.count++;
        const shown = this.lang === "en" ? sentenceCase(m) : m.surface;
        // Bounded per key: a frequent word meets thousands of neighbours and spellings, and only
        // the first few forms and whether the neighbours vary at all are ever used.
        if (t.surfaces.has(shown) || t.surfaces.size < MAX_FORMS) t.surfaces.set(shown, (t.surfaces.get(shown) ?? 0) + 1);
        if (t.left.size < MAX_FORMS) t.left.add(m.left);
        if (t.right.size < MAX_FORMS) t.right.add(m.right);
        if (m.expands && !t.expands) t.expands = m.expands;
        if (m.named) t.namedCount++;
        // Nesting by span inside the same sentence: the longer mention contains this one.
        for (const o of mentions) {
          if (o !== m && o.key !== m.key && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start && t.nestedIn.size < MAX_NESTED) t.nestedIn.add(o.key);
        }
      }
    });
  }

  /** Adds the mentions of every document of a corpus for this counter's language. */
  addAll(docs: readonly DocMentions[]): this {
    for (const d of docs) this.add(d.doc, d[this.lang]);
    return this;
  }

  /** Candidates with C-value, sorted by C-value, then count, then key. */
  candidates(): TermCandidate[] {
    const out: TermCandidate[] = [];
    for (const t of this.tallies.values()) {
      const surfaces = [...displayForms(this.lang, t.key, t.surfaces)].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([s]) => s);
      out.push({
        lang: this.lang,
        key: t.key,
        surface: surfaces[0]!,
        variants: surfaces.slice(1),
        words: t.words,
        pattern: t.pattern,
        count: t.count,
        cvalue: cValue(t, this.tallies),
        leftVariety: t.left.size,
        rightVariety: t.right.size,
        ...fixed("fixedLeft", t.left, t.count),
        ...fixed("fixedRight", t.right, t.count),
        ...(t.expands ? { expands: t.expands } : {}),
        // A name when most mentions were names: "Central" of "Central Asia" does not make "central" one.
        ...(t.namedCount * 2 > t.count ? { named: true } : {}),
        ...(t.nestedIn.size ? { containers: [...t.nestedIn].sort().slice(0, MAX_CONTAINERS) } : {}),
      });
    }
    return out.sort((a, b) => b.cvalue - a.cvalue || b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  private tally(m: Mention): Tally {
    let t = this.tallies.get(m.key);
    if (!t) {
      t = { key: m.key, words: m.words, pattern: m.pattern, count: 0, surfaces: new Map(), left: new Set(), right: new Set(), nestedIn: new Set(), namedCount: 0 };
      this.tallies.set(m.key, t);
    }
    return t;
  }
}

/** Least occurrences before an unvarying neighbour says "fragment". */
const FIXED_MIN = 3;

function fixed(name: "fixedLeft" | "fixedRight", seen: ReadonlySet<string>, count: number): Partial<TermCandidate> {
  if (count < FIXED_MIN || seen.size !== 1) return {};
  const only = [...seen][0]!;
  return only === "" ? {} : { [name]: only };
}

/**
 * C-value (Frantzi, Ananiadou & Mima 2000) with log2(words + 1) so that one-word terms
 * (多边主义, multilateralism) are not zeroed: a string nested in longer candidates keeps only
 * the frequency it has beyond the average of those candidates.
 */
export function cValue(t: { words: number; count: number; nestedIn: ReadonlySet<string> }, all: ReadonlyMap<string, { count: number }>): number {
  const weight = Math.log2(t.words + 1);
  if (t.nestedIn.size === 0) return weight * t.count;
  let sum = 0;
  for (const k of t.nestedIn) sum += all.get(k)?.count ?? 0;
  return weight * Math.max(0, t.count - sum / t.nestedIn.size);
}
