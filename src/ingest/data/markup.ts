/** HTML entities that PDF-to-text and web exports leave behind. */
export const NAMED_ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", ensp: " ", emsp: " ", thinsp: " ",
  mdash: "—", ndash: "–", hellip: "…", lsquo: "‘", rsquo: "’", ldquo: "“", rdquo: "”", middot: "·",
};

/** List bullet characters that start a line (numbers are kept: "1." may be a real paragraph number). */
export const BULLETS = "-*•·▪◦‣●○■□➢►";

/** Inline HTML tags stripped from text; `br` becomes a space. */
export const HTML_TAGS = ["br", "b", "i", "u", "em", "strong", "p", "span", "div", "sup", "sub", "font", "a"];

/** A running header/footer is a short block (at most this many characters) repeated this often. */
export const RUNNING_HEADER = { maxLength: 80, minRepeats: 3 };

/** Page-number lines: "12", "- 3 -", "Page 3 of 10", "第 3 页", "3/10". */
export const PAGE_NUMBER = /^(?:[-–—\s]*\d+[-–—\s]*|(?:page|p\.)\s*\d+(?:\s*(?:of|\/)\s*\d+)?|第\s*\d+\s*页(?:\s*[,，]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)$/i;
