/**
 * Characters XML 1.0 forbids (§2.2 Char): C0 controls other than TAB/LF/CR, lone
 * surrogates, U+FFFE/U+FFFF. PDF extractions leave U+000C (form feed) and Word
 * pastes U+000B; both would make the whole file unreadable to a CAT tool.
 */
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes characters invalid in XML 1.0 and says how many there were. */
export function stripInvalidXml(text: string): { text: string; removed: number } {
  let removed = 0;
  const out = text.replace(INVALID_XML, () => {
    removed++;
    return "";
  });
  return { text: out, removed };
}

/** TMX dates are ISO 8601 basic format in UTC, `YYYYMMDDThhmmssZ` (TMX 1.4b §3.2 creationdate). */
export function tmxDate(d: Date): string {
  return d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}
