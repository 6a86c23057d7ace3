import nlp from "compromise";

/** An English token with compromise's tags (Noun, Adjective, ProperNoun, Acronym…). */
export interface EnToken {
  text: string;
  /** Lower-case, punctuation-free form. */
  normal: string;
  tags: string[];
}

/** The English tagger as the pipeline sees it; nothing else imports compromise. */
export interface EnTagger {
  /** Tags one sentence; parse each sentence once and keep the result (compromise is the slow part). */
  tag(sentence: string): EnToken[];
}

/** Creates the compromise-backed tagger (compromise loads its lexicon at import; nothing to load here). */
export function createEnTagger(): EnTagger {
  return {
    tag(sentence) {
      const json = nlp(sentence).json({ terms: { normal: true, tags: true } }) as Array<{ terms: Array<{ text: string; normal: string; tags: string[] }> }>;
      return json.flatMap((s) => s.terms.map((t) => ({ text: t.text, normal: t.normal, tags: [...t.tags].sort() })));
    },
  };
}
