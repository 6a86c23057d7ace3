/*
 * The prose of a text, for deciding which language a file is in: technical documents carry
 * code, URLs and markup whose Latin letters can outnumber the Chinese of the prose around them
 * (a Chinese README with a few code blocks reads as "English" by raw script counts).
 */

/** Fenced code blocks (``` or ~~~, up to the same fence or the end of the text). */
const FENCE = /^[ \t]*(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^[ \t]*\1[ \t]*$|(?![\s\S]))/gm;
/** Inline code spans. */
const INLINE_CODE = /`[^`\n]+`/g;
/** URLs with a scheme, bare www. addresses and e-mail addresses. */
const URL = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>()"'，。、）]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi;
/** HTML/XML tags and comments, with their attributes. */
const TAG = /<!--[\s\S]*?-->|<\/?[A-Za-z][^<>]*>/g;
/** Character and entity references (&nbsp; &#39;). */
const ENTITY = /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/gi;

/** The text with code blocks, inline code, URLs, tags and entities taken out (each replaced by a space). */
export function proseOf(text: string): string {
  return text.replace(FENCE, " ").replace(INLINE_CODE, " ").replace(TAG, " ").replace(URL, " ").replace(ENTITY, " ");
}
