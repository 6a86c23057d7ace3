/**
 * Term patterns for English, as regular expressions over a string of token classes (one
 * letter per word unit). The extractor classifies each unit, then tests every span against
 * this table in order; the first pattern that fits labels the span.
 *
 * Classes (assigned in `candidates.ts`):
 * - `a` adjective (also a participle licensed as a modifier), `w` weak modifier ("new",
 *   "important": may start a term only before a noun compound), `A` capitalised adjective
 * - `n` noun, `N` capitalised noun (proper noun or a capital inside the sentence)
 * - `s` possessive noun, `S` capitalised possessive that may sit inside a name ("People's"),
 *   `E` capitalised possessive of a place or person ("China's"), which may only end one
 * - `K` acronym ("SCO", "U.S.", "G20", "NGOs")
 * - `x`/`X` hyphenated compound ending in a noun, or holding an acronym or a number ("COVID-19")
 * - `m`/`M` hyphenated compound ending otherwise ("people-centred"), a modifier only
 * - connectors: `o` of, `t` the, `d` a, `c` and/&, `f` for, `i` with, `p` on/to
 * - `.` anything else: no pattern crosses it
 */
export interface TermPattern {
  /** Short label carried by the mention (`A N`, `N of N`, `NAME`…). */
  label: string;
  /** Whole-span test over the class string. */
  re: RegExp;
  /** Longest span in word units this pattern may cover. */
  maxWords: number;
  /** Capitalised name: no singular folding, coordination guard applies. */
  name?: boolean;
  /** Head sits before `of` rather than at the end. */
  ofHead?: boolean;
}

/** Longest span any pattern may take; bounds the per-start scan. */
export const MAX_WORDS = 14;

export const PATTERNS: readonly TermPattern[] = [
  { label: "ACR", re: /^K$/, maxWords: 1 },
  { label: "HYPH", re: /^[xX]$/, maxWords: 1 },
  // A name may hold of/and/for/on between capitalised words ("Belt and Road Forum for
  // International Cooperation"), "the" only after "of" ("Ministry of the Interior"): "A and
  // the B" joins two names.
  { label: "NAME", re: /^(?:E|(?=.*[NXKSE]$)[NAXMSK](?:(?:ot?|[cp]|[fi]d?)?[NAXMSK])*E?)$/, maxWords: 14, name: true },
  // "rule of law", "Forum for International Cooperation", "socialism with Chinese characteristics",
  // "community with a shared future for mankind": up to two prepositions, an article after each.
  { label: "N of N", re: /^[aAwmMxXnNK]*[nNxXK](?:(?:o|[fi])[td]?[aAwmMxXnNK]*[nNxXK]){1,2}$/, maxWords: 8, ofHead: true },
  { label: "A N", re: /^[aAwmM][aAwmMxXnNK]*[nNxXKsSE]$/, maxWords: 6 },
  { label: "N N", re: /^[nNxXK]+[nNxXKsSE]$/, maxWords: 6 },
  { label: "N", re: /^[ns]$/, maxWords: 1 },
];

/** Classes that may begin or end some pattern: spans are only tried between these. */
export const START_CLASSES = new Set("awANnsSEKxXmM");
export const END_CLASSES = new Set("nNsSEKxX");
/** Classes that only join words inside a span. */
export const CONNECTOR_CLASSES = new Set("otdcfip");
/** Modifier-only classes: a term whose modifiers are all of these and whose head is generic is rejected. */
export const ADJECTIVE_CLASSES = new Set("awAmM");

/** Function words that connect parts of a term, by lower-case form. */
export const CONNECTORS: ReadonlyMap<string, string> = new Map([
  ["of", "o"],
  ["the", "t"],
  ["and", "c"],
  ["&", "c"],
  ["for", "f"],
  ["on", "p"],
  ["with", "i"],
  ["a", "d"],
  // Only names use "p": "Central Conference on Work Relating to Foreign Affairs".
  ["to", "p"],
]);

/**
 * compromise tags that a word beside "and" in a name must not carry: "China and Russia" is two
 * names, "Belt and Road" is one ("Place" alone is too broad: compromise gives it to "Road", "Forum").
 */
export const COORDINATION_GUARD_TAGS: readonly string[] = ["Country", "City", "Region", "Person", "FirstName", "LastName"];

/** compromise tags of the words of a personal name: a name nested in a longer one never splits them ("Jinping" of "Xi Jinping"). */
export const PERSON_TAGS: readonly string[] = ["Person", "FirstName", "LastName"];

/** compromise tags that make a capitalised word a proper name rather than a common word at a capital ("Russia", not "Friends"). */
export const NAMED_TAGS: readonly string[] = ["Person", "FirstName", "LastName", "Place", "Country", "City", "Region"];

/** Capitalised possessives with these tags end a name rather than sit inside one ("China's Ministry…"). */
export const NAME_FINAL_POSSESSIVE_TAGS: readonly string[] = ["Place", "Country", "City", "Region", "Person", "FirstName", "LastName", "Organization"];

/** compromise tags that keep a word out of every term whatever else it carries. */
export const EXCLUDED_TAGS: readonly string[] = [
  "Pronoun",
  "Determiner",
  "Value",
  "Date",
  "Adverb",
  "Preposition",
  "Conjunction",
  "QuestionWord",
  "Superlative",
  "Expression",
];

/**
 * Tags of the word before a gerund that make it a modifier rather than a verb:
 * "the developing countries" (but "making decisions" stays a verb phrase).
 */
export const GERUND_LICENSING_TAGS: readonly string[] = ["Determiner", "Adjective", "Possessive"];
