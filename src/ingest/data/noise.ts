/** What counts as page furniture rather than text. Patterns only; the logic is in `../noise.ts`. */

/** Page-number blocks: "12", "- 3 -", "— 3 —", "Page 3", "Page 3 of 10", "p. 3", "3/10", "第 3 页", "第3页 共10页". */
export const PAGE_NUMBER =
  /^(?:[-–—\s]*\d+[-–—\s]*|(?:page|p\.)\s*\d+(?:\s*(?:of|\/)\s*\d+)?|第\s*\d+\s*页(?:\s*[,，]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)$/i;

/**
 * A running header/footer is a short block (at most `maxChars` UTF-16 units and
 * `maxWords` space-separated words) that occurs `minRepeats` times or more, digits aside.
 */
export const RUNNING_HEADER = { maxChars: 80, maxWords: 12, minRepeats: 3 };
