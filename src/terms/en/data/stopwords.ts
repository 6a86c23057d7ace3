/**
 * General-English boundary data for the term extractor. Nothing here is drawn from a
 * particular document: these are closed-class and semantically empty words.
 */

/**
 * Adjectives (and adjective-like quantifiers) that never belong to a term: they pick out or
 * count things rather than name a kind of thing ("other countries", "many measures").
 */
export const STOP_MODIFIERS: ReadonlySet<string> = new Set(
  `such other another many much more most less least few fewer several various certain own same whole entire
   every each all any some no only very last next previous following former latter above below said respective
   particular further additional numerous else enough overall total usual possible likely unlikely necessary able
   unable sure due given top bottom relevant related concerned`.split(/\s+/),
);

/** Forms of address (Mr., Dr.): before a name they are no part of it, alone they are no term. */
export const HONORIFICS: ReadonlySet<string> = new Set(["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "mme", "mlle", "messrs", "comrade"]);

/**
 * Adjectives of an office-holder's status ("outgoing British Minister of State", "incoming
 * President"): before a capitalised title or name they describe the person, not the term
 * ("outgoing call" keeps its adjective).
 */
export const OFFICE_STATUS: ReadonlySet<string> = new Set(["outgoing", "incoming", "retiring", "departing", "erstwhile"]);

/**
 * Evaluative or temporal adjectives that are usually not part of a term ("new stage",
 * "important role") but sometimes are ("new energy vehicle", "major power"?). The rule used:
 * they may start a term only when at least two nouns follow them in it, i.e. when they modify
 * a noun compound that is itself a term candidate.
 */
export const WEAK_MODIFIERS: ReadonlySet<string> = new Set(
  `new old important major great good bad big small large huge key main general current present recent
   significant strong stronger greater broader wider deep deeper better best positive active effective real true
   full clear long short young little different similar early late crucial vital essential
   fundamental remarkable notable serious tremendous enormous considerable substantial solid sound steady
   greatest fresh proper right wrong specific`.split(/\s+/),
);

/**
 * Nouns too generic to be a term alone, or with adjectives only ("long time", "this way");
 * they may still head a compound with a noun modifier ("school year") or a name.
 */
export const GENERIC_HEADS: ReadonlySet<string> = new Set(
  `thing way lot kind sort type part year time day week month hour minute moment people person man woman
   fact case point place number side end bit piece deal example instance reason matter aspect manner means
   hand one something everything anything nothing someone everyone anyone somebody everybody anybody nobody
   other others percent cent couple set group series variety range amount total rest majority minority
   lots plenty dozen hundred thousand million billion trillion etc`.split(/\s+/),
);

/** Nouns that quantify what follows "of" and so never head an `N of N` term ("a number of countries"). */
export const QUANTITY_HEADS: ReadonlySet<string> = new Set(
  `number lot lots kind sort type part piece pair majority minority rest range variety series set amount couple
   bit deal half most some all none each one group total handful plenty dozen dozens hundreds thousands
   millions billions percent share proportion level degree extent end beginning middle side top bottom front
   back`.split(/\s+/),
);

/**
 * Nouns compromise tags plural whose singular form is wrong or not the term's form
 * ("data" → "datum", "people" → "person", "series" → "sery").
 */
export const INVARIANT_PLURALS: ReadonlySet<string> = new Set(
  `data media people news series species means headquarters economics physics mathematics politics statistics
   ethics logistics linguistics arms goods clothes thanks police staff cattle personnel opera agenda`.split(/\s+/),
);

/**
 * Closed-class words compromise sometimes tags as nouns ("its", "our", "here"): never part of a term.
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  `i me my mine we us our ours you your yours he him his she her hers it its they them their theirs one's
   oneself myself ourselves yourself yourselves himself herself itself themselves whose who whom which what
   whatever whoever this that these those there here where when why how all both either neither none each
   every any some no not nor yes also too then thus hence therefore however etc
   at in by from into onto upon about against among amongst between through during without within across
   after before since until unless as than if because while although though whether but or yet via`.split(/\s+/),
);
