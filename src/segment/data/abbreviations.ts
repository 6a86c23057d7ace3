/** Abbreviations that never end a sentence: titles before a name, "e.g.", "vs.". */
export const NEVER_FINAL = new Set([
  "mr", "mrs", "ms", "mx", "dr", "prof", "st", "sr", "jr", "gen", "gov", "sen", "rep", "amb", "hon", "rev",
  "fr", "capt", "col", "lt", "maj", "sgt", "cmdr", "adm", "pres", "supt", "messrs", "mme", "mlle",
  "e.g", "i.e", "vs", "cf", "viz", "approx", "ca", "esp", "h.e", "fig", "figs", "eq", "eqs",
]);

/** Abbreviations that take a number next ("No. 5", "Art. 3", "Jan. 7"): no sentence end before a digit. */
export const BEFORE_NUMBER = new Set([
  "no", "nos", "art", "arts", "vol", "vols", "p", "pp", "ch", "chap", "sec", "para", "paras", "ref", "tel", "ed",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ver", "op", "cl",
]);

/**
 * Abbreviations that may also end a sentence ("…the U.S. The next…"): a boundary only
 * when a word that typically opens a sentence follows.
 */
export const AMBIGUOUS = new Set(["etc", "inc", "ltd", "co", "corp", "plc", "llc", "bros", "dept", "univ", "assn", "govt", "intl"]);

/** Words that typically open an English sentence; after an initialism they signal a boundary. */
export const SENTENCE_STARTERS = new Set([
  "The", "This", "That", "These", "Those", "There", "Their", "They", "We", "Our", "It", "Its", "I", "He", "She",
  "His", "Her", "You", "In", "On", "At", "As", "For", "But", "And", "However", "Meanwhile", "Moreover", "Furthermore",
  "Therefore", "Thus", "Yet", "So", "If", "When", "While", "After", "Before", "Since", "Although", "Though", "Today",
  "Last", "Next", "Now", "What", "How", "Why", "Where", "Who", "A", "An", "Some", "Many", "Both", "All", "Each",
  "Such", "Under", "With", "To", "By", "From", "Over", "Let", "Please", "Thank", "Yes", "No",
]);

/** Characters that close a sentence after its final punctuation (quotes, brackets). */
export const EN_CLOSERS = `"'”’)]`;
export const ZH_CLOSERS = `"'”’」』）)》〉】`;
export const ZH_FINAL = "。！？!?";
