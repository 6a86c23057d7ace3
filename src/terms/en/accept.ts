// Which spans of English word units that fit a term pattern are terms: the boundary rules of names
// (persons, particles, "and", "with") and of common-noun terms (generic heads, quantities, roles).
import { EN_ROLES, EN_TITLES } from "../../lexicon/data/titles.js";
import { ADJECTIVE_CLASSES, COORDINATION_GUARD_TAGS, NAMED_TAGS, PERSON_TAGS, type TermPattern } from "./data/patterns.js";
import { isPinyinGivenName, isPinyinSurname } from "./data/pinyin.js";
import { FUNCTION_WORDS, GENERIC_HEADS, HONORIFICS, QUANTITY_HEADS, STOP_MODIFIERS, WEAK_MODIFIERS } from "./data/stopwords.js";
import { NAME_PARTICLES, type Unit } from "./units.js";

/** A form of address (mr, dr., comrade), lower case. */
const isAddress = (w: string): boolean => HONORIFICS.has(w.replace(/\.$/, ""));

const RECURRENCE: ReadonlySet<string> = new Set(["annual", "biennial", "inaugural", "yearly"]);
const ORDINALS: ReadonlySet<string> = new Set(["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th"]);

/** The unit that heads a span: before its first preposition for `N of N`, else its last. */
export function headIndex(p: TermPattern, sub: string, i: number, j: number): number {
  return p.ofHead ? i + sub.search(/[ofi]/) - 1 : j;
}

/** A head's key: its singular when it is a plural. */
export function headKey(u: Unit): string {
  return u.singular ?? u.bare;
}

/** Whether the span [i, j] of `units`, whose classes `sub` fit pattern `p`, is a term candidate. */
export function accept(p: TermPattern, units: readonly Unit[], sub: string, i: number, j: number, headline = false): boolean {
  if (p.name) {
    if (sub.length === 1) {
      // A lone capitalised "New" or "Other" is a word at a capital, not a name.
      const w = units[i]!.bare.toLowerCase();
      if (GENERIC_HEADS.has(w) || WEAK_MODIFIERS.has(w) || STOP_MODIFIERS.has(w) || FUNCTION_WORDS.has(w) || isAddress(w)) return false;
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
      if (!after || !"AN".includes(after.cls) || isPerson(after) || EN_TITLES.has(after.bare.toLowerCase()) || isAddress(after.bare.toLowerCase())) return false;
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
