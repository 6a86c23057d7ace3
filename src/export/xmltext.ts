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

/**
 * Text for xmlbuilder2's `txt()`. xmlbuilder2 escapes `<` and `>` but leaves an `&` that starts
 * something shaped like an entity reference (`&nbsp;`, `&quot;`), taking it for markup: literal
 * entity text from a source would then be written raw, and `&nbsp;` is undeclared in XML, so
 * xmllint, OmegaT and translate-toolkit refuse the whole file. Every `&` is escaped here, which
 * xmlbuilder2 then leaves alone; a CR is written as a reference because a parser reads a raw
 * CR as LF (XML 1.0 §2.11). Characters XML cannot hold are dropped as a last guard (writers
 * strip and count them before, see `stripInvalidXml`).
 */
export function xmlText(text: string): string {
  return stripInvalidXml(text).text.replace(/&/g, "&amp;").replace(/\r/g, "&#13;");
}

/**
 * An attribute value for xmlbuilder2: `&` as in `xmlText` (it escapes `<`, `>` and `"` itself),
 * and TAB, LF and CR as references, since attribute-value normalisation (XML 1.0 §3.3.3)
 * turns raw ones into spaces.
 */
export function xmlAttr(value: string): string {
  return xmlText(value).replace(/\t/g, "&#9;").replace(/\n/g, "&#10;");
}

/** TMX dates are ISO 8601 basic format in UTC, `YYYYMMDDThhmmssZ` (TMX 1.4b §3.2 creationdate). */
export function tmxDate(d: Date): string {
  return d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}
