import { BULLETS, HTML_TAGS, NAMED_ENTITIES } from "./data/markup.js";
import { removeAt, replace, type Mapped } from "./mapped.js";

/** A block after markup removal, with what the markup told us. */
export interface CleanBlock {
  m: Mapped;
  heading: boolean;
  /** The whole block was bold (a question set in bold): it stands on its own. */
  allBold: boolean;
  /** The block opened with a bold label ending in a colon (`**Wang Yi:**`). */
  label: boolean;
}

const ESC = (s: string): string => s.replace(/[-\\^\]]/g, "\\$&");
const BULLET_RE = new RegExp(`(?<=^|\\n)[ \\t]*[${ESC(BULLETS)}][ \\t]+`, "g");
const TAG_RE = new RegExp(`</?(?:${HTML_TAGS.join("|")})\\b[^>]*>`, "gi");
const ENTITY_RE = /&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});/gi;

function decodeEntity(name: string): string | undefined {
  if (name[0] === "#") {
    const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
  }
  return NAMED_ENTITIES[name.toLowerCase()];
}

/** Indices of `*x*` emphasis stars (paired, hugging non-space text), so the text inside keeps its offsets. */
function emphasisStars(text: string): Set<number> {
  const out = new Set<number>();
  for (const x of text.matchAll(/(?<![\w*\\])[*_](?=[^\s*_])([^*_\n]+?)(?<=\S)[*_](?![\w*])/g)) {
    if (x[0][0] !== x[0][x[0].length - 1]) continue;
    out.add(x.index!);
    out.add(x.index! + x[0].length - 1);
  }
  return out;
}

/**
 * Removes markdown and HTML residue from one block: `#` heading markers, list bullets,
 * `**bold**`/`__bold__`/`*em*`, backslash escapes (`US\$240`), HTML tags and entities,
 * zero-width characters. Line breaks stay (joining depends on the language).
 */
export function cleanBlock(block: Mapped): CleanBlock {
  let m = block;
  const heading = /^#{1,6}[ \t]/.test(m.text);
  if (heading) m = replace(m, /^#{1,6}[ \t]+|[ \t]+#+[ \t]*$/g, () => "");
  const raw = m.text.trim();
  const allBold = /^(\*\*|__)[\s\S]+\1$/.test(raw) && raw.split(/\*\*|__/).length === 3;
  const label = /^(?:\*\*|__)[^*_\n]{1,60}?(?:[:：]\s*(?:\*\*|__)|(?:\*\*|__)\s*[:：])/.test(raw) && !allBold;
  m = replace(m, BULLET_RE, () => "");
  m = replace(m, TAG_RE, (x) => (/^<br/i.test(x[0]) ? " " : ""));
  m = replace(m, ENTITY_RE, (x) => decodeEntity(x[1]!) ?? x[0]);
  m = replace(m, /\*\*|__/g, () => "");
  m = removeAt(m, emphasisStars(m.text));
  m = replace(m, /\\([!-/:-@[-`{-~])/g, (x) => x[1]!);
  m = replace(m, /[\u200b-\u200d\u2060\ufeff\u00ad]/g, () => "");
  m = replace(m, /[\u00a0\u000b\u000c]/g, () => " ");
  return { m, heading, allBold, label };
}
