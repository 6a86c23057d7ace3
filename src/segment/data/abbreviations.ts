/**
 * Linguistic data for the sentence splitters. Lists only; the algorithms are in `../en.ts`
 * and `../zh.ts`.
 */

/** Abbreviations that never end a sentence: titles before a name, prepositive words ("Mt. Fuji"), "e.g.", "vs.". */
export const NEVER_FINAL = new Set([
  "mr", "mrs", "ms", "mx", "dr", "prof", "st", "sr", "jr", "gen", "gov", "sen", "rep", "amb", "hon", "rev",
  "fr", "capt", "col", "lt", "maj", "sgt", "cmdr", "adm", "pres", "supt", "messrs", "mme", "mlle", "mt", "mts",
  "e.g", "i.e", "vs", "cf", "viz", "approx", "ca", "esp", "h.e", "fig", "figs", "eq", "eqs",
]);

/** Abbreviations that take a number next ("No. 5", "N°. 12", "Art. 3", "Jan. 7"): no sentence end before a digit. */
export const BEFORE_NUMBER = new Set([
  "no", "nos", "n°", "nº", "art", "arts", "vol", "vols", "p", "pp", "ch", "chap", "sec", "para", "paras", "ref", "tel", "ed",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ver", "op", "cl",
]);

/**
 * Abbreviations that may also end a sentence ("…Harlow & Co. It paid…"): a boundary only
 * when a word that typically opens a sentence follows.
 */
export const AMBIGUOUS = new Set([
  "etc", "inc", "ltd", "co", "corp", "plc", "llc", "bros", "dept", "univ", "assn", "govt", "intl", "ave", "blvd", "rd",
]);

/** Words that typically open an English sentence; after an initialism or an ambiguous abbreviation they signal a boundary. */
export const SENTENCE_STARTERS = new Set([
  "The", "This", "That", "These", "Those", "There", "Their", "They", "We", "Our", "It", "Its", "I", "He", "She",
  "His", "Her", "You", "In", "On", "At", "As", "For", "But", "And", "However", "Meanwhile", "Moreover", "Furthermore",
  "Therefore", "Thus", "Yet", "So", "If", "When", "While", "After", "Before", "Since", "Although", "Though", "Today",
  "Last", "Next", "Now", "What", "How", "Why", "Where", "Who", "A", "An", "Some", "Many", "Both", "All", "Each",
  "Such", "Under", "With", "To", "By", "From", "Over", "Let", "Please", "Thank", "Yes", "No",
]);

/** Characters that close a sentence after its final punctuation (quotes, brackets). */
export const EN_CLOSERS = `"'”’)]}»`;
/** Characters that may open a sentence before its first word. */
export const EN_OPENERS = `"'“‘([{«`;
/** Bullets that open an inline list item ("• 9. Check the pump • 10. …"). Hyphens and dashes are not here: inline they are dashes. */
export const EN_BULLETS = "•⁃▪◦‣●■□➢►";

export const ZH_CLOSERS = `"'”’」』）)》〉】`;
export const ZH_FINAL = "。！？!?";
/** Pairs inside which an end mark does not end a Chinese sentence: titles always, quotations until they close. */
export const ZH_TITLES: ReadonlyMap<string, string> = new Map([["《", "》"], ["〈", "〉"]]);
export const ZH_QUOTES: ReadonlyMap<string, string> = new Map([["“", "”"], ["「", "」"], ["『", "』"], ["‘", "’"]]);
