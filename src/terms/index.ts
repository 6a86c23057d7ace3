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
  return sentences.map((s) => enMentions(s.text, tagger.tag(s.text)));
}

/** Chinese mentions of each sentence from its jieba tagging (done here or in another thread). */
export function zhDocMentions(sentences: readonly Sentence[], tokens: readonly (readonly ZhToken[])[], lex?: ZhLexicon): Mention[][] {
  return sentences.map((s, j) => zhMentions(s.text, tokens[j]!, lex));
}
