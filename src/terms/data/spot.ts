/**
 * Boundary data for translation spotting (`../spot.ts`): what may not open or close a spotted
 * span. General closed-class words and tags only.
 */

/**
 * jieba tags that never open or close a Chinese term: prepositions, conjunctions, particles,
 * auxiliaries, pronouns, adverbs, locality words (电影圈内), measure words, interjections.
 */
export const ZH_EDGE_TAGS: ReadonlySet<string> = new Set(["p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "y", "e", "o", "r", "rr", "rz", "d", "f", "q", "tg", "k", "h"]);

/** jieba tags never inside a spotted Chinese span (the structural particles 的/地/得/了 join clauses, not terms). */
export const ZH_INSIDE_TAGS_NO: ReadonlySet<string> = new Set(["uj", "ul", "uz", "ug", "uv", "ud", "y", "e", "o"]);

/**
 * English words that never open or close a spotted span: articles, prepositions, conjunctions,
 * auxiliaries and copulas, and the commonest reporting verbs (a name is "said" in every other bead).
 */
export const EN_EDGE_WORDS: ReadonlySet<string> = new Set(
  `a an the of to in on at by for with from into onto upon about over under between among through during
   against without within across after before since until as than and or but nor so yet if whether because
   while although though is are was were be been being am has have had having do does did done will would
   shall should can could may might must ought not no also only just even very too more most less such
   said says say saying told tells tell added adds noted stressed according said's
   s t 's`.split(/\s+/),
);
