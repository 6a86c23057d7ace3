import type { Mention } from "../../model/index.js";
import type { EnToken } from "./compromise.js";
import { accept, headIndex, headKey } from "./accept.js";
import { END_CLASSES, MAX_WORDS, NAMED_TAGS, PATTERNS, START_CLASSES, type TermPattern } from "./data/patterns.js";
import { buildUnits, isHeadline, type Unit } from "./units.js";

const NAME_PATTERN = PATTERNS.find((p) => p.name)!;

interface Span {
  i: number;
  j: number;
  mention: Mention;
}

/**
 * English term-candidate mentions of one sentence.
 *
 * Every span of word units that fits a pattern of `data/patterns.ts` and passes the boundary
 * rules of `data/stopwords.ts` becomes a mention, nested ones included (C-value needs them);
 * `maximal` marks those no other mention contains. An acronym in brackets right after a
 * mention whose initials it spells is linked to it both ways through `expands`.
 *
 * @param sentence the sentence text the tokens were tagged from
 * @param tokens `EnTagger.tag(sentence)`
 * @returns mentions sorted by start, then longer first, then key
 */
export function enMentions(sentence: string, tokens: EnToken[]): Mention[] {
  // In a title-case headline every word has a capital: runs of capitals say nothing there.
  const headline = isHeadline(tokens);
  const units = buildUnits(sentence, tokens, headline);
  const cls = units.map((u) => u.cls).join("");
  const spans: Span[] = [];
  for (let i = 0; i < units.length; i++) {
    if (!START_CLASSES.has(cls[i]!)) continue;
    const stop = Math.min(units.length, i + MAX_WORDS);
    for (let j = i; j < stop; j++) {
      const u = units[j]!;
      const c = u.cls;
      if (c === "." || (j > i && u.pre !== "")) break;
      if (END_CLASSES.has(c)) {
        const sub = cls.slice(i, j + 1);
        const p = PATTERNS.find((q) => sub.length <= q.maxWords && q.re.test(sub));
        if (p !== undefined && accept(p, units, sub, i, j, headline)) spans.push({ i, j, mention: makeMention(sentence, units, p, i, j) });
      }
      // Punctuation ends a term ("systems, COVID-19"), and so does a possessive unless it sits inside a name.
      if (u.post.trim() !== "" || (u.tags.has("Possessive") && /['’]s?$/.test(u.text) && c !== "S")) break;
    }
  }
  // "The" written with a capital inside a sentence belongs to the name it opens (The English Patient, The Hague).
  for (const s of [...spans]) {
    if (spans.some((o) => o.i === s.i && o.j > s.j && o.mention.pattern === "NAME")) continue;
    const the = units[s.i - 1];
    if (s.mention.pattern === "NAME" && s.i >= 2 && the?.text === "The" && the.pre.trim() === "" && the.post.trim() === "" && units[s.i - 2]!.post.trim() === "") {
      spans.push({ i: s.i - 1, j: s.j, mention: makeMention(sentence, units, NAME_PATTERN, s.i - 1, s.j) });
    }
  }
  linkAcronyms(units, spans);
  const out = spans.map((s) => s.mention);
  out.sort((a, b) => a.start - b.start || b.end - a.end || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  // Sorted by start then longer first, a mention is nested exactly when an earlier one reaches as far.
  let reach = -1;
  for (const m of out) {
    m.maximal = m.end > reach;
    if (m.end > reach) reach = m.end;
  }
  return out;
}

function neighbour(units: readonly Unit[], k: number, step: 1 | -1): string {
  for (let n = k + step; n >= 0 && n < units.length; n += step) {
    const u = units[n]!;
    if (u.end > u.start) return u.bare;
  }
  return "";
}

function makeMention(sentence: string, units: readonly Unit[], p: TermPattern, i: number, j: number): Mention {
  const h = p.name ? -1 : headIndex(p, cls(units, i, j), i, j);
  const parts: string[] = [];
  for (let k = i; k <= j; k++) {
    const u = units[k]!;
    // Possessive only leaves the key at the end; inside a name it is part of it ("People's Republic").
    parts.push(k === h ? headKey(u) : k === j ? u.bare : u.base);
  }
  const start = units[i]!.start;
  const end = units[j]!.end;
  // "Cooperation" of "Shanghai Cooperation Organization" carries the organisation's tag: it takes a place or a person to make a name.
  let named = false;
  for (let k = i; k <= j; k++) if (NAMED_TAGS.some((g) => units[k]!.tags.has(g)) || (j > i && units[k]!.tags.has("Organization"))) named = true;
  // Every field written in the literal, the optional one last: a mention made of a spread first
  // takes its fields one by one into a second array (some 60 bytes each, and a large memory has a
  // million mentions).
  return {
    lang: "en",
    key: parts.join(" "),
    surface: sentence.slice(start, end),
    words: j - i + 1,
    pattern: p.label,
    start,
    end,
    left: neighbour(units, i, -1),
    right: neighbour(units, j, 1),
    maximal: false,
    ...(named ? { named } : {}),
  };
}

function cls(units: readonly Unit[], i: number, j: number): string {
  let s = "";
  for (let k = i; k <= j; k++) s += units[k]!.cls;
  return s;
}

/**
 * Schwartz & Hearst (2003): every letter or digit of the acronym appears in the long form in
 * order, the first one at the start of the long form.
 */
function spells(acronym: string, longForm: string): boolean {
  const a = acronym.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
  const l = longForm.toLowerCase();
  if (a.length === 0 || l.charAt(0) !== a.charAt(0)) return false;
  let li = l.length - 1;
  for (let ai = a.length - 1; ai >= 0; ai--) {
    const c = a.charAt(ai);
    while (li >= 0 && (l.charAt(li) !== c || (ai === 0 && li > 0 && /[\p{L}\p{N}]/u.test(l.charAt(li - 1))))) li--;
    if (li < 0) return false;
    li--;
  }
  return true;
}

/** "Shanghai Cooperation Organization (SCO)": links the bracketed acronym and the mention before it. */
function linkAcronyms(units: readonly Unit[], spans: Span[]): void {
  const acronyms = spans.filter((s) => s.i === s.j && s.mention.pattern === "ACR");
  for (const a of acronyms) {
    const u = units[a.i]!;
    if (!u.pre.includes("(") || !u.post.startsWith(")") || a.i === 0) continue;
    const before = units[a.i - 1]!;
    if (before.post.trim() !== "") continue;
    let best: Span | undefined;
    for (const s of spans) {
      if (s.j !== a.i - 1 || s.i === s.j) continue;
      if (best !== undefined && s.j - s.i <= best.j - best.i) continue;
      if (spells(a.mention.key, s.mention.surface)) best = s;
    }
    if (best === undefined) continue;
    a.mention.expands = best.mention.key;
    best.mention.expands = a.mention.key;
  }
}
