/**
 * Linguistic facts for page-break stitching (DESIGN.md, "Chinese–English facts").
 * Patterns and word lists only; the algorithm is in `../stitch.ts`.
 */

/** Closing quotes and brackets that may follow sentence-final punctuation. */
const CLOSE = `"'”’»)\\]}」』）》〉】〕`;

/** An English paragraph that ends like this is complete: `.?!` (or `…`) then closing quotes/brackets, or a colon. */
export const EN_COMPLETE = new RegExp(`(?:[.?!…][${CLOSE}]*|:)$`);

/** A Chinese paragraph that ends like this is complete: `。！？!?` then closing quotes/brackets, or a colon. `……`, `——` and `；` do not end one. */
export const ZH_COMPLETE = new RegExp(`(?:[。！？!?][${CLOSE}]*|[：:])$`);

/**
 * How the next English piece starts when it continues a sentence: a lower-case letter,
 * a number ("…reached" + "310 million"), or punctuation that cannot open a sentence.
 */
export const EN_CONTINUATION_START = /^[a-z0-9,;:)\]}%”’]/;

/** A list number opening a paragraph ("2. Build a new pier.", "3) Dredge"): a new paragraph, even after "we will". */
export const EN_LIST_NUMBER = /^\d{1,3}[.)]\s/;

/**
 * English words that cannot end a sentence: a paragraph ending in one continues at the
 * next English piece even when that piece starts with a capital ("talks with" + "President Xi").
 */
export const EN_CONTINUING_WORDS = new Set([
  "a", "an", "the", "of", "to", "in", "on", "at", "for", "with", "by", "from", "into", "and", "or", "but",
  "nor", "as", "than", "that", "which", "who", "whose", "whom", "its", "their", "our", "his", "her", "my",
  "your", "this", "these", "those", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will",
  "would", "shall", "should", "can", "could", "may", "might", "must", "not", "very", "more", "most",
  "between", "among", "through", "over", "under", "about", "against", "during", "without", "within",
  "upon", "both", "either", "neither", "such", "so", "if", "when", "while", "where", "whether", "because",
]);

/** An unbolded English speaker label opening a paragraph: `Wang Yi: `, `China Central Television: `, `Q: `. */
export const EN_LABEL = /^(?:[A-Z][\w'’.&-]*\s+){0,5}[A-Z][\w'’.&-]*:\s/;

/**
 * An unbolded Chinese speaker label opening a paragraph: `王毅：`, `《人民日报》记者:`,
 * `中央广播电视总台央视记者：` (a name or title of at most 16 characters, no punctuation).
 */
export const ZH_LABEL = /^[^\s，。！？、；,.!?;：:]{1,16}[：:]/;

/**
 * Verbs that introduce a quotation mid-sentence (`…主席在会上` + `强调：…`): a piece that
 * starts with such a "label" is the rest of a sentence, not a new speaker.
 */
export const ZH_QUOTING_VERB = /(?:指出|表示|强调|认为|宣布|提出|介绍|称|说|道|写道|答|回答|谈到|提到)$/;

/** Words after a line-final hyphen that mark a suspended compound ("pre-" + "and post-war"): keep the space. */
export const SUSPENDED_HYPHEN_NEXT = new Set(["and", "or", "nor", "to"]);

/**
 * In `pdftotext -layout` output a paragraph's first line is indented: a line indented at
 * least this many columns more than a line before it that ends a sentence opens a paragraph.
 */
export const PARAGRAPH_INDENT = 2;

/**
 * A Chinese block of at most this many characters, with no punctuation, that opens with a
 * section number (`第三章 城市水资源管理`, `1.2 本书的目标`, `三、…`) is a heading, not a
 * sentence cut by a page break (`渡轮已经` + `为冬季做好准备。`).
 */
export const ZH_TITLE_MAX = 24;
export const ZH_SECTION_NUMBER = /^(?:第[一二三四五六七八九十百零〇两\d]+[章节部分篇编卷课讲]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+(?:\.\d+)*[\s、])/;
/** Punctuation that a Chinese heading line lacks. */
export const ZH_PUNCTUATION = /[，、。！？；：,.!?;:“”‘’（）()《》「」—…]/;
