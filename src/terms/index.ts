import type { Mention, Sentence } from "../model/index.js";
import { enMentions } from "./en/candidates.js";
import type { EnTagger } from "./en/compromise.js";
import type { ZhToken } from "./zh/jieba.js";
import { zhMentions, type ZhLexicon } from "./zh/candidates.js";

export { TermCounter, cValue } from "./termhood.js";
export { DEFAULT_SPOT, SPOT_PATTERN, spotTerms, type SpotParams } from "./spot.js";

/** What term extraction needs: the two taggers (loaded once) and, optionally, word knowledge for Chinese. */
export interface TermResources {
  enTagger: EnTagger;
  zhTag(text: string): ZhToken[];
  zhLexicon?: ZhLexicon;
}

/** English mentions of each sentence, one compromise parse each (compromise is the slow part of the whole program). */
export function enDocMentions(sentences: readonly Sentence[], tagger: EnTagger): Mention[][] {
  return shareStrings(enTextMentions(sentences.map((s) => s.text), tagger));
}

/** English mentions of each text, strings not yet shared (a part of a document, parsed in any thread). */
export function enTextMentions(texts: readonly string[], tagger: EnTagger): Mention[][] {
  return texts.map((t) => enMentions(t, tagger.tag(t)));
}

/** Chinese mentions of each sentence from its jieba tagging (done here or in another thread). */
export function zhDocMentions(sentences: readonly Sentence[], tokens: readonly (readonly ZhToken[])[], lex?: ZhLexicon): Mention[][] {
  return shareStrings(sentences.map((s, j) => zhMentions(s.text, tokens[j]!, lex)));
}

/**
 * One string for each key, pattern and neighbour of a document's mentions: each mention built its
 * own (joined or concatenated), and a memory of a million mentions held a million copies of a few
 * thousand keys.
 */
export function shareStrings(doc: Mention[][]): Mention[][] {
  const pool = new Map<string, string>();
  const one = (s: string): string => {
    const had = pool.get(s);
    if (had !== undefined) return had;
    pool.set(s, s);
    return s;
  };
  for (const ms of doc) {
    for (const m of ms) {
      m.key = one(m.key);
      m.pattern = one(m.pattern);
      m.left = one(m.left);
      m.right = one(m.right);
    }
  }
  return doc;
}
