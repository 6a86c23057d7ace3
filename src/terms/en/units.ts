// English word units: compromise's tokens joined at hyphens and classified by the letter the term
// patterns of `data/patterns.ts` read (noun, capitalised adjective, acronym, connector…).
import type { EnToken } from "./compromise.js";
import { CONNECTORS, EXCLUDED_TAGS, GERUND_LICENSING_TAGS, NAME_FINAL_POSSESSIVE_TAGS, NAMED_TAGS, PERSON_TAGS } from "./data/patterns.js";
import { FUNCTION_WORDS, INVARIANT_PLURALS, OFFICE_STATUS, STOP_MODIFIERS, WEAK_MODIFIERS } from "./data/stopwords.js";

/**
 * A word unit: one compromise token, or several joined by hyphens ("COVID-19",
 * "high-quality"), which act as one word in every pattern.
 */
export interface Unit {
  /** The unit as written. */
  text: string;
  start: number;
  end: number;
  pre: string;
  post: string;
  /** Class letter (see `data/patterns.ts`). */
  cls: string;
  /** Key form: lower case (acronym parts keep their case), apostrophes folded, possessive kept. */
  base: string;
  /** Key form with a final possessive removed. */
  bare: string;
  /** Singular of `bare` when the unit is a plural noun. */
  singular?: string;
  tags: ReadonlySet<string>;
}

const APOSTROPHES = /[\u2018\u2019\u02BC\u0060\u00B4]/g;
const HYPHENS = new Set(["-", "\u2010", "\u2011"]);
const LETTER = /\p{L}/u;
const UPPER_START = /^\p{Lu}/u;
const FUNCTION_TAGS = ["Determiner", "Preposition", "Conjunction", "Pronoun", "Verb"];
const EXCLUDED = new Set(EXCLUDED_TAGS);

function fold(s: string): string {
  return s.replace(APOSTROPHES, "'");
}

function stripPossessive(s: string): string {
  return s.replace(/'s$|'$/i, "");
}

/** Acronym shapes by spelling: "SCO", "U.S.", "G20", "NGOs" (compromise's tag misses some, over-tags none we need). */
function acronymForm(text: string): string | undefined {
  const t = stripPossessive(fold(text));
  if (/^(?:\p{Lu}\.){2,}$/u.test(t)) return t.replace(/\./g, "");
  if (/^\p{Lu}[\p{Lu}\d&]*[\p{Lu}\d]$/u.test(t) && /\p{Lu}.*\p{Lu}|\d/u.test(t)) return t;
  // Plural acronyms fold to the singular so that "NGOs" and "NGO" count together.
  if (/^\p{Lu}{2,}s$/u.test(t)) return t.slice(0, -1);
  return undefined;
}

function isAllCaps(text: string): boolean {
  return LETTER.test(text) && text === text.toUpperCase() && text !== text.toLowerCase();
}

/**
 * A headline in title case ("Ministry Holds Press Briefing on Flood Season Preparations"): when
 * every longer content word (five at least) is capitalised, a capital says no more than at a sentence's
 * start (compromise's proper nouns still count).
 */
export function isHeadline(tokens: readonly EnToken[]): boolean {
  let words = 0;
  let capitals = 0;
  for (const t of tokens) {
    // Verbs count: a headline capitalises them too ("Holds"), a sentence does not ("attended").
    if (!/^\p{L}{4,}/u.test(t.text) || t.tags.some((g) => g !== "Verb" && FUNCTION_TAGS.includes(g))) continue;
    words++;
    if (UPPER_START.test(t.text) && !isAllCaps(t.text)) capitals++;
  }
  return words >= 5 && capitals === words;
}

/**
 * A heading in capitals ("CHAPTER I OF SENSE") would make every word an acronym: when
 * function words are capitalised too, capitals carry no signal in this sentence.
 */
function isShouting(tokens: readonly EnToken[]): boolean {
  let caps = 0;
  let capsFunction = 0;
  for (const t of tokens) {
    if (!isAllCaps(t.text)) continue;
    caps++;
    if (t.text.length >= 2 && t.tags.some((g) => FUNCTION_TAGS.includes(g))) capsFunction++;
  }
  return caps >= 3 && capsFunction >= 1;
}

function tokenBase(t: EnToken, acronym: string | undefined): string {
  if (acronym !== undefined) return acronym;
  const n = t.normal || t.text.toLowerCase();
  return fold(n).toLowerCase();
}

/** Words that make an adjective of a name before a hyphen ("London-based", "Saudi-led"): the name stays a name. */
const NAME_SUFFIXES: ReadonlySet<string> = new Set(["based", "led", "owned", "born", "made", "funded", "backed", "run", "style", "era", "bound", "sponsored", "controlled", "speaking", "registered", "listed", "headquartered"]);

/** A capitalised word and a hyphen suffix of `NAME_SUFFIXES`. */
const namePlusSuffix = (t: EnToken, next: EnToken): boolean => UPPER_START.test(t.text) && NAME_SUFFIXES.has(next.text.toLowerCase());

/** Two people's names joined by a hyphen ("a Bruce Willis-Michelle Pfeiffer film"): a first name starts the second. */
const twoPeople = (t: EnToken, next: EnToken): boolean => UPPER_START.test(t.text) && t.tags.includes("LastName") && next.tags.includes("FirstName");

/** Groups hyphen-joined tokens into units (no spaces around the hyphen). */
function groupUnits(sentence: string, tokens: readonly EnToken[]): number[][] {
  const groups: number[][] = [];
  let cur: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    cur.push(i);
    const next = tokens[i + 1];
    const joined = next !== undefined && t.text !== "" && next.text !== "" && HYPHENS.has(sentence.charAt(t.end)) && next.start === t.end + 1 && !namePlusSuffix(t, next) && !twoPeople(t, next);
    if (!joined) {
      groups.push(cur);
      cur = [];
    }
  }
  return groups;
}

function classifyWord(t: EnToken, acronym: string | undefined, initial: boolean, shouting: boolean, prev: EnToken | undefined, next: EnToken | undefined, headline = false): string {
  const lower = fold(t.normal || t.text).toLowerCase();
  const conn = CONNECTORS.get(lower);
  // "Lars von Trier", "Leonardo da Vinci": a particle between the words of a personal name is part of it.
  if (NAME_PARTICLES.has(t.text) && prev && next && UPPER_START.test(prev.text) && UPPER_START.test(next.text) && prev.post.trim() === "" && t.post.trim() === "" && [prev, next].some((u) => PERSON_TAGS.some((g) => u.tags.includes(g)))) return "N";
  if (conn !== undefined && t.text === t.text.toLowerCase()) return conn;
  // "London" of "London-based" is the name; "based" makes no term.
  if (next && next.start === t.end + 1 && HYPHENS.has(t.post) && namePlusSuffix(t, next)) return "N";
  if (prev && t.start === prev.end + 1 && HYPHENS.has(prev.post) && namePlusSuffix(prev, t)) return ".";
  // Single letters are variables, initials or list labels ("vertex v", "Plan B"), not terms alone.
  if (!LETTER.test(t.text) || t.text.replace(/[^\p{L}]/gu, "").length < 2) return ".";
  if (conn !== undefined) return conn;
  // An ordinal before a capitalised word belongs to the name ("the 14th National People's Congress",
  // "the Third Plenary Session of …"); written as a word it must be capitalised itself (not "the first Chinese").
  if (t.tags.includes("Ordinal") && next && UPPER_START.test(next.text) && t.post.trim() === "" && !shouting && (/^\d/.test(t.text) || (UPPER_START.test(t.text) && !initial))) return "A";
  // "moderately prosperous society", "highly pathogenic avian influenza": an -ly adverb before an adjective
  // of the term grades it and is part of it.
  if (t.tags.includes("Adverb") && /^\p{Ll}+ly$/u.test(t.text) && next?.tags.includes("Adjective") && !next.tags.includes("Noun")) return "a";
  if (t.tags.some((g) => EXCLUDED.has(g))) return ".";
  // Before the function-word test: "U.S." normalises to "us".
  if (acronym !== undefined && !shouting) return "K";
  if (FUNCTION_WORDS.has(stripPossessive(lower))) return ".";
  const has = (g: string) => t.tags.includes(g);
  // A capital at the start of a sentence says nothing unless compromise knows a proper noun.
  // In a headline compromise calls every capitalised word a proper noun: only a name it knows counts.
  const capital = !shouting && UPPER_START.test(t.text) && (!initial || (headline ? NAMED_TAGS.some(has) || has("Organization") : has("ProperNoun")));
  if (has("Noun")) {
    // compromise marks every word of a possessive name ("British Medical Research Council's"); only the word with 's is one.
    if (has("Possessive") && /['’]s?$/.test(t.text)) {
      if (!capital) return "s";
      return t.tags.some((g) => NAME_FINAL_POSSESSIVE_TAGS.includes(g)) ? "E" : "S";
    }
    // "Foreign" in "Foreign Affairs": a capitalised adjective, so it cannot be a name alone; but the
    // last word of a run of capitals is the name's head whatever the lexicon says ("Global South").
    if (capital) return t.adjectival && !(prev && UPPER_START.test(prev.text) && !(next && UPPER_START.test(next.text) && t.post.trim() === "")) ? "A" : "N";
    return "n";
  }
  if (has("Adjective")) {
    if (capital) return "A";
    if (STOP_MODIFIERS.has(lower) || (OFFICE_STATUS.has(lower) && next !== undefined && UPPER_START.test(next.text))) return ".";
    return WEAK_MODIFIERS.has(lower) ? "w" : "a";
  }
  // "the developing countries": a gerund between a determiner/adjective and a noun modifies it.
  if (has("Gerund") && prev && next && prev.tags.some((g) => GERUND_LICENSING_TAGS.includes(g)) && next.tags.includes("Noun") && !next.tags.includes("Pronoun")) {
    return "a";
  }
  return ".";
}

export function buildUnits(sentence: string, tokens: readonly EnToken[], headline: boolean): Unit[] {
  const shouting = isShouting(tokens);
  const units: Unit[] = [];
  let seenWord = false;
  const label = speakerLabel(tokens);
  for (const g of groupUnits(sentence, tokens)) {
    const first = tokens[g[0]!]!;
    const last = tokens[g[g.length - 1]!]!;
    // A speaker's label ("People's Daily:") names someone: its capitals count as a name's, and the
    // words after it open the utterance as a sentence's first words do.
    const initial = headline || (g[0]! >= label && (!seenWord || g[0]! === label));
    if (first.text !== "") seenWord = true;
    const tags = new Set<string>();
    for (const i of g) for (const tag of tokens[i]!.tags) tags.add(tag);
    const acrs = g.map((i) => (shouting ? undefined : acronymForm(tokens[i]!.text)));
    const bases = g.map((i, k) => tokenBase(tokens[i]!, acrs[k]));
    const base = bases.join("-");
    const bare = stripPossessive(base);
    let cls: string;
    if (g.length === 1) {
      cls = classifyWord(first, acrs[0], initial, shouting, tokens[g[0]! - 1], tokens[g[0]! + 1], headline);
    } else {
      cls = classifyCompound(g.map((i) => tokens[i]!), acrs, initial, shouting);
    }
    const unit: Unit = { text: sentence.slice(first.start, last.end), start: first.start, end: last.end, pre: first.pre, post: last.post, cls, base, bare, tags };
    if (last.singular !== undefined && acrs[acrs.length - 1] === undefined && !INVARIANT_PLURALS.has(bases[bases.length - 1]!)) {
      unit.singular = [...bases.slice(0, -1), last.singular].join("-");
    }
    units.push(unit);
  }
  return units;
}

/**
 * Tokens of a speaker's label opening the sentence ("People's Daily: …", "Xinhua News Agency: …"):
 * up to five capitalised words, the last followed by a colon. 0 when there is none.
 */
function speakerLabel(tokens: readonly EnToken[]): number {
  for (let k = 0; k < Math.min(tokens.length, 5); k++) {
    const t = tokens[k]!;
    if (!UPPER_START.test(t.text)) return 0;
    if (t.post.trim().startsWith(":")) return k + 1;
    if (t.post.trim() !== "") return 0;
  }
  return 0;
}

function classifyCompound(parts: readonly EnToken[], acrs: readonly (string | undefined)[], initial: boolean, shouting: boolean): string {
  if (!parts.some((p) => LETTER.test(p.text))) return ".";
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  const capital = !shouting && UPPER_START.test(first.text) && (!initial || first.tags.includes("ProperNoun") || acrs[0] !== undefined);
  const lastIsNumber = !LETTER.test(last.text);
  const hasAcronym = acrs.some((a) => a !== undefined);
  const lastIsNoun = last.tags.includes("Noun") || last.tags.includes("Gerund");
  // "high-quality", "long-term": an adjective + noun compound describes, it does not name.
  const describes = first.tags.includes("Adjective") && !hasAcronym && !capital;
  if ((lastIsNumber && (hasAcronym || LETTER.test(first.text))) || (lastIsNoun && !describes) || (hasAcronym && acrs[acrs.length - 1] !== undefined)) {
    return capital || hasAcronym ? "X" : "x";
  }
  return capital ? "M" : "m";
}

/** Lower-case particles inside personal names (von, van, de, da, bin…). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(["von", "van", "der", "den", "de", "da", "di", "del", "della", "du", "le", "la", "bin", "ibn", "al", "ten", "ter"]);
