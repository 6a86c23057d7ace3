import type { Mention } from "../../model/index.js";
import type { EnToken } from "./compromise.js";
import {
  ADJECTIVE_CLASSES,
  CONNECTORS,
  COORDINATION_GUARD_TAGS,
  END_CLASSES,
  EXCLUDED_TAGS,
  GERUND_LICENSING_TAGS,
  MAX_WORDS,
  NAME_FINAL_POSSESSIVE_TAGS,
  PATTERNS,
  NAMED_TAGS,
  PERSON_TAGS,
  START_CLASSES,
  type TermPattern,
} from "./data/patterns.js";
import { EN_ROLES, EN_TITLES } from "../../lexicon/data/titles.js";
import { isPinyinGivenName, isPinyinSurname } from "./data/pinyin.js";
import { FUNCTION_WORDS, GENERIC_HEADS, HONORIFICS, INVARIANT_PLURALS, QUANTITY_HEADS, OFFICE_STATUS, STOP_MODIFIERS, WEAK_MODIFIERS } from "./data/stopwords.js";

/**
 * A word unit: one compromise token, or several joined by hyphens ("COVID-19",
 * "high-quality"), which act as one word in every pattern.
 */
interface Unit {
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
function isHeadline(tokens: readonly EnToken[]): boolean {
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

function buildUnits(sentence: string, tokens: readonly EnToken[], headline: boolean): Unit[] {
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

const NAME_PATTERN = PATTERNS.find((p) => p.name)!;

const RECURRENCE: ReadonlySet<string> = new Set(["annual", "biennial", "inaugural", "yearly"]);
const ORDINALS: ReadonlySet<string> = new Set(["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th"]);

/** Lower-case particles inside personal names (von, van, de, da, bin…). */
const NAME_PARTICLES: ReadonlySet<string> = new Set(["von", "van", "der", "den", "de", "da", "di", "del", "della", "du", "le", "la", "bin", "ibn", "al", "ten", "ter"]);

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

function headIndex(p: TermPattern, sub: string, i: number, j: number): number {
  return p.ofHead ? i + sub.search(/[ofi]/) - 1 : j;
}

function headKey(u: Unit): string {
  return u.singular ?? u.bare;
}

function accept(p: TermPattern, units: readonly Unit[], sub: string, i: number, j: number, headline = false): boolean {
  if (p.name) {
    if (sub.length === 1) {
      // A lone capitalised "New" or "Other" is a word at a capital, not a name.
      const w = units[i]!.bare.toLowerCase();
      if (GENERIC_HEADS.has(w) || WEAK_MODIFIERS.has(w) || STOP_MODIFIERS.has(w) || FUNCTION_WORDS.has(w) || HONORIFICS.has(w.replace(/\.$/, ""))) return false;
    }
    // "(First) Annual …": how often an event is held describes it, it is not part of its name.
    if (RECURRENCE.has(units[i]!.bare.toLowerCase()) || (ORDINALS.has(units[i]!.bare.toLowerCase()) && RECURRENCE.has(units[i + 1]?.bare.toLowerCase() ?? ""))) return false;
    // A particle is inside a name, never at its edge ("von" of "Lars von Trier").
    if (NAME_PARTICLES.has(units[i]!.text) || NAME_PARTICLES.has(units[j]!.text)) return false;
    // "People's" in "National People's Congress" is inside a name, not the end of one.
    if (units[j]!.cls === "S" && "NAXMSKE".includes(units[j + 1]?.cls ?? ".")) return false;
    for (let k = i + 1; k < j; k++) {
      if (units[k]!.cls === "c" && !bindsAnd(units, k)) return false;
    }
    // "with" joins a name's parts ("Socialism with Chinese Characteristics"), never a person or a title
    // after it ("Central Committee with Comrade Xi Jinping").
    for (let k = sub.indexOf("i"); k >= 0; k = sub.indexOf("i", k + 1)) {
      const after = units[i + k + 1];
      if (!after || !"AN".includes(after.cls) || isPerson(after) || EN_TITLES.has(after.bare.toLowerCase()) || HONORIFICS.has(after.bare.toLowerCase().replace(/\.$/, ""))) return false;
    }
    // "Dennis Conner of the San Diego Yacht Club", "Mr. Ortega of the U.N.": a person and where they
    // belong, not one name (a title before "of" makes one: "Duke of Edinburgh").
    const of = sub.indexOf("o");
    if (of > 0) {
      let person = true;
      for (let k = i; k < i + of; k++) if (!isPerson(units[k])) person = false;
      if (person) return false;
    }
    return !splitsName(units, i, j);
  }
  // "Central Committee with Comrade" of "… with Comrade Xi Jinping": a term does not end inside a run of capitals.
  if (!headline && "NAXKSE".includes(units[j]!.cls) && units[j]!.post.trim() === "" && "NAXKSE".includes(units[j + 1]?.cls ?? ".")) return false;
  // "neighbor Bill Gates", "analyst Henry Smith": a common noun before a person's name is an
  // apposition, not a term (a title is written with a capital and makes a name: "President Putin").
  if (/[a-z]/.test(sub)) for (let k = i; k <= j; k++) if (isPerson(units[k])) return false;
  // "investment firm Midtown Research Group": common words before a name of several words describe
  // it (the span may stop inside the name: "firm Midtown").
  if (/^[awmnx]+N[NXK]*$/.test(sub)) {
    let run = sub.length - sub.search(/N[NXK]*$/);
    // The name goes on past a connector between capitals ("high-quality Belt" of "Belt and Road").
    for (let k = j + 1; k < units.length && units[k - 1]!.post.trim() === ""; k++) {
      const joins = "cofp".includes(units[k]!.cls) && "NXK".includes(units[k + 1]?.cls ?? ".");
      if (!joins && !"NXK".includes(units[k]!.cls)) break;
      run++;
    }
    if (run >= 2) return false;
    // "rival auto-maker Toyota", "southern Texas": likewise before a one-word name the tagger knows.
    const last = units[j]!;
    if (run === 1 && (NAMED_TAGS.some((g) => last.tags.has(g)) || last.tags.has("Organization"))) return false;
  }
  const h = headIndex(p, sub, i, j);
  const head = headKey(units[h]!);
  if (p.ofHead) {
    if (QUANTITY_HEADS.has(head)) return false;
    // "a meeting with Vladimir Putin", "… with Comrade Xi Jinping": a person after the preposition is no part of a term.
    if (isPerson(units[j]) || (j > i && isPinyinSurname(units[j - 1]!.text) && isPinyinGivenName(units[j]!.text))) return false;
    // "chairman of the International Obesity Task Force": a person's role in a name is context; the
    // name is the term ("upper reaches of the Great River" stays).
    if (/^[awmnx]+$/.test(sub.slice(0, h - i + 1)) && "NXK".includes(sub[sub.length - 1]!) && EN_ROLES.has(head)) return false;
  } else if (GENERIC_HEADS.has(head)) {
    if (i === j) return false;
    let onlyAdjectives = true;
    for (let k = i; k < h; k++) if (!ADJECTIVE_CLASSES.has(units[k]!.cls)) onlyAdjectives = false;
    if (onlyAdjectives) return false;
  }
  if (sub[0] === "w") {
    // "new energy vehicle" but not "new stage": a weak modifier needs a noun compound after it.
    let nouns = 0;
    for (let k = i + 1; k <= h; k++) if ("nNxXK".includes(units[k]!.cls)) nouns++;
    if (nouns < 2) return false;
  }
  return true;
}

const isPerson = (u: Unit | undefined): boolean => u !== undefined && PERSON_TAGS.some((g) => u.tags.has(g));
const isCapital = (u: Unit | undefined): boolean => u !== undefined && "NAXMSK".includes(u.cls);

/**
 * Whether a name span cuts a larger name where it cannot be cut: inside a personal name
 * ("Jinping" of "Xi Jinping"), or at an "and" that binds two capitalised words into one name
 * ("Belt" of "Belt and Road").
 */
function splitsName(units: readonly Unit[], i: number, j: number): boolean {
  const adjacent = (a: Unit, b: Unit): boolean => a.post.trim() === "" && b.pre.trim() === "";
  // One personal name: both tagged as persons, or a pinyin surname and given name ("Xi Jinping").
  const oneName = (a: Unit | undefined, b: Unit | undefined): boolean =>
    a !== undefined && b !== undefined && adjacent(a, b) && !EN_TITLES.has(a.bare.toLowerCase()) && !RECURRENCE.has(a.bare.toLowerCase()) && !/['’]s?$/.test(a.text) && ((isPerson(a) && isPerson(b)) || (isPinyinSurname(a.text) && isPinyinGivenName(b.text)));
  if (oneName(units[i - 1], units[i]) || oneName(units[j], units[j + 1])) return true;
  return (units[j + 1]?.cls === "c" && bindsAnd(units, j + 1)) || (units[i - 1]?.cls === "c" && bindsAnd(units, i - 1));
}

/**
 * Whether the "and" at k binds its neighbours into one name: single capitalised words on both
 * sides ("Belt and Road Forum", "Research and Development Centre"), neither a country or a person
 * ("China and Russia"), the right one not an adjective that opens another name ("Central
 * Committee and Foreign Minister" is two names).
 */
function bindsAnd(units: readonly Unit[], k: number): boolean {
  const before = units[k - 1];
  const after = units[k + 1];
  if (!isCapital(before) || !isCapital(after)) return false;
  if ([before, after].some((u) => COORDINATION_GUARD_TAGS.some((g) => u!.tags.has(g)))) return false;
  // "Deutsche Bank and Nokia": a company alone after the "and" is a second name ("Research and
  // Development Centre" goes on after it).
  if (after!.tags.has("Organization") && !isCapital(units[k + 2])) return false;
  return after!.cls !== "A";
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
  return {
    ...(named ? { named } : {}),
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
