/**
 * Hanyu Pinyin syllables without tones: an initial (or none) and a final. Chinese personal
 * names in English text are a surname of one syllable and a given name of one or two written as
 * one word ("Xi Jinping", "Wang Yi"); the tagger often does not know them as names.
 */
const INITIAL = "(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?";
const FINAL = "(?:iang|iong|uang|ang|eng|ian|iao|ing|ong|uai|uan|ai|an|ao|ei|en|er|ia|ie|in|iu|ou|ua|ue|ui|un|uo|a|e|i|o|u|v)";
const ONE = new RegExp(`^${INITIAL}${FINAL}$`);
const ONE_OR_TWO = new RegExp(`^(?:${INITIAL}${FINAL}){1,2}$`);
const CAPITALISED = /^[A-Z][a-z]+$/;

/** "Xi", "Wang", "Zhang": a capitalised single syllable. */
export function isPinyinSurname(word: string): boolean {
  return CAPITALISED.test(word) && ONE.test(word.toLowerCase());
}

/** "Yi", "Jinping", "Xiaoming": a capitalised word of one or two syllables. */
export function isPinyinGivenName(word: string): boolean {
  return CAPITALISED.test(word) && ONE_OR_TWO.test(word.toLowerCase());
}
