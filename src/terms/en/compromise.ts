import nlp from "compromise";

/** An English token with compromise's tags (Noun, Adjective, ProperNoun, Acronym…). */
export interface EnToken {
  text: string;
  /** Lower-case, punctuation-free form. */
  normal: string;
  tags: string[];
  /** UTF-16 offsets of `text` in the sentence passed to `tag` (end exclusive). */
  start: number;
  end: number;
  /** Punctuation and spaces compromise attached before and after the word (`"("`, `") "`, `"-"`). */
  pre: string;
  post: string;
  /**
   * Singular form, only for nouns that are plural (tagged `Plural`, or a lower-case plural
   * possessive such as "countries'", never a name like "Bezos'"): computed here because the
   * inflection rules live in compromise's model.
   */
  singular?: string;
  /**
   * Set when compromise's lexicon lists the lower-case word as an adjective: tagging calls
   * "Foreign" in "Foreign Affairs" a proper noun, but alone it is no name.
   */
  adjectival?: true;
}

/** The English tagger as the pipeline sees it; nothing else imports compromise. */
export interface EnTagger {
  /** Tags one sentence; parse each sentence once and keep the result (compromise is the slow part). */
  tag(sentence: string): EnToken[];
}

interface JsonTerm {
  text: string;
  normal: string;
  tags: string[];
  pre: string;
  post: string;
  offset: { start: number; length: number };
}

type ToSingular = (word: string, model: unknown) => string;

/** Creates the compromise-backed tagger (compromise loads its lexicon at import; nothing to load here). */
export function createEnTagger(): EnTagger {
  const world = nlp.world() as unknown as { model: unknown; methods: { two: { transform: { noun: { toSingular: ToSingular } } } } };
  const rawSingular = world.methods.two.transform.noun.toSingular;
  // compromise inverts its table of irregular plurals at every call: each plural is asked once.
  const singulars = new Map<string, string>();
  const toSingular = (word: string): string => {
    let sg = singulars.get(word);
    if (sg === undefined) singulars.set(word, (sg = rawSingular(word, world.model)));
    return sg;
  };
  const lexicon = (world.model as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
  const isAdjective = (w: string) => {
    const e = Object.hasOwn(lexicon, w) ? lexicon[w] : undefined;
    return e === "Adjective" || e === "Comparable" || e === "Demonym" || (Array.isArray(e) && e.includes("Adjective"));
  };
  return {
    tag(sentence) {
      // One parse per sentence; `offset` gives positions in the input so candidates can slice it back.
      const json = nlp(sentence).json({ offset: true, terms: { normal: true, tags: true, offset: true } }) as Array<{ terms: JsonTerm[] }>;
      const out: EnToken[] = [];
      for (const s of json) {
        for (const t of s.terms) {
          const tags = [...t.tags].sort();
          const tok: EnToken = { text: t.text, normal: t.normal, tags, start: t.offset.start, end: t.offset.start + t.offset.length, pre: t.pre, post: t.post };
          const plural = tags.includes("Noun") && (tags.includes("Plural") || (tags.includes("Possessive") && /^['’]/.test(t.post) && /^[a-z].*s$/.test(t.text)));
          if (plural) {
            const base = t.normal.replace(/['’]s?$/, "");
            const sg = toSingular(base);
            if (sg && sg !== base) tok.singular = sg;
          }
          if (isAdjective(t.normal)) tok.adjectival = true;
          out.push(tok);
        }
      }
      // compromise reads "People's Daily" as "People is Daily" (an empty copula after the word):
      // before a capitalised word the 's is a possessive inside a name.
      for (let i = out.length - 2; i >= 1; i--) {
        const [owner, copula, next] = [out[i - 1]!, out[i]!, out[i + 1]!];
        if (copula.text === "" && copula.tags.includes("Copula") && /['’]s$/.test(owner.text) && /^\p{Lu}/u.test(next.text) && owner.post.trim() === "") {
          owner.tags = [...new Set([...owner.tags, "Possessive"])].sort();
          out.splice(i, 1);
        }
      }
      return out;
    },
  };
}
