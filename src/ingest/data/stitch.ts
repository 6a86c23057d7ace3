/** English words that cannot end a sentence: a paragraph ending in one continues on the next page. */
export const EN_CONTINUING_WORDS = new Set([
  "a", "an", "the", "of", "to", "in", "on", "at", "for", "with", "by", "from", "into", "and", "or", "but",
  "nor", "as", "than", "that", "which", "who", "whose", "whom", "its", "their", "our", "his", "her", "my",
  "your", "this", "these", "those", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will",
  "would", "shall", "should", "can", "could", "may", "might", "must", "not", "very", "more", "most",
  "between", "among", "through", "over", "under", "about", "against", "during", "without", "within",
  "upon", "both", "either", "neither", "such", "so", "if", "when", "while", "where", "whether", "because",
]);

/** Sentence-final punctuation, optionally followed by closing quotes/brackets. */
export const EN_COMPLETE = /[.?!…:;]["'”’)\]]*$/;
export const ZH_COMPLETE = /[。！？!?…：:；;]["'”’」』）)》〉】]*$/;

/** A speaker label opening a paragraph: `王毅：`, `《人民日报》记者:`; `Wang Yi:` for English. */
export const ZH_LABEL = /^[^\s，。！？,.!?：:]{1,24}[：:]/;
export const EN_LABEL = /^(?:[A-Z][\w'’.-]*\s+){0,5}[A-Z][\w'’.-]*:\s/;
