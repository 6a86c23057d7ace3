/**
 * Markup residue that PDF-to-markdown converters, web exports and Word pastes leave in
 * bilingual documents. Patterns only; the cleanup algorithm is in `../markup.ts`.
 */

/** An ATX heading line: `#` to `######` then a space. Always a block of its own. */
export const HEADING_LINE = /^#{1,6}[ \t]/;

/** HTML entities that PDF-to-text and web exports leave behind (numeric ones are decoded by code point). */
export const NAMED_ENTITIES: ReadonlyMap<string, string> = new Map(Object.entries({
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", ensp: " ", emsp: " ", thinsp: " ",
  mdash: "—", ndash: "–", hellip: "…", lsquo: "‘", rsquo: "’", ldquo: "“", rdquo: "”", middot: "·",
  laquo: "«", raquo: "»", bull: "•", deg: "°", times: "×", copy: "©", reg: "®",
}));

/**
 * List bullet symbols, removed when they open a line and are followed by a space.
 * Numbers (`1.`, `2)`) are deliberately absent: at the start of a line they are as likely
 * to be a numbered paragraph or a year ("2023 was…") as a list marker, and they carry meaning.
 */
export const BULLETS = "-*+•·▪◦‣●○■□➢►–";

/** Inline HTML tags stripped from text; `br` becomes a line break. */
export const HTML_TAGS = ["br", "b", "i", "u", "em", "strong", "p", "span", "div", "sup", "sub", "font", "a", "small", "mark"];

/** Invisible characters that only get in the way of matching: zero-width space/joiners, word joiner, BOM. */
export const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;

/** Soft hyphen (U+00AD): at a line end it marks a word hyphenated by the typesetter. */
export const SOFT_HYPHEN = "\u00ad";

/** A fence opening or closing a markdown code block: three or more backticks or tildes (CommonMark §4.5). */
export const CODE_FENCE = /^[ \t]{0,3}(`{3,}|~{3,})/;

/** A heading's attribute block at its end: `{#anchor}`, `{#id .class}` (Pandoc, kramdown, MkDocs). */
export const HEADING_ATTRIBUTES = /[ \t]*\{[ \t]*#[^{}\n]*\}[ \t]*$/;

/** A markdown table's delimiter row: `|---|:---:|`. */
export const TABLE_DELIMITER_ROW = /(?<=^|\n)[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)+\|?[ \t]*(?:\r?\n|$)/g;

/**
 * A language tag standing alone on a line or opening one before a colon (`en-US`, `[zh-CN]`,
 * `zh_Hans:`): a language switch marker of bilingual exports, not text. English and Chinese only,
 * with a region or script, so that a word like "en" or "zh" in running text is never taken.
 */
export const LANGUAGE_MARKER = /(?<=^|\n)[ \t]*[[(`]?(?:en|zh)[-_](?:[A-Za-z]{2}|Hans|Hant|[0-9]{3})[\])`]?[ \t]*(?:[:：][ \t]*|\r?\n|$)/gi;
