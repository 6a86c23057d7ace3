import type { AlignedDoc, DocMentions, Sentence } from "../model/index.js";
import { enMentions } from "./en/candidates.js";
import type { EnTagger } from "./en/compromise.js";
import type { ZhToken } from "./zh/jieba.js";
import { zhMentions, type ZhLexicon } from "./zh/candidates.js";

export { TermCounter, cValue } from "./termhood.js";

/** What term extraction needs: the two taggers (loaded once) and, optionally, word knowledge for Chinese. */
export interface TermResources {
  enTagger: EnTagger;
  zhTag(text: string): ZhToken[];
  zhLexicon?: ZhLexicon;
}

/**
 * Term-candidate mentions of every sentence of a document, both languages. Each sentence
 * is tagged once (compromise is the slow part of the whole program).
 */
export function documentMentions(doc: Pick<AlignedDoc, "doc" | "en" | "zh">, res: TermResources): DocMentions {
  return {
    doc: doc.doc,
    en: doc.en.map((s: Sentence) => enMentions(s.text, res.enTagger.tag(s.text))),
    zh: doc.zh.map((s: Sentence) => zhMentions(s.text, res.zhTag(s.text), res.zhLexicon)),
  };
}
