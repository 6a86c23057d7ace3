import { BULLETS, CODE_FENCE, HEADING_ATTRIBUTES, HTML_TAGS, LANGUAGE_MARKER, NAMED_ENTITIES, SOFT_HYPHEN, TABLE_DELIMITER_ROW, ZERO_WIDTH } from "./data/markup.js";
import { removeAt, replace, type Mapped } from "./mapped.js";

/** A block after markup removal, with what the markup told us. */
export interface CleanBlock {
  /** Clean text; line breaks are still there (joining them ends step 2). */
  m: Mapped;
  /** A markdown `#` heading. */
  heading: boolean;
  /** The whole block was one bold span (a question set in bold): it stands on its own. */
  allBold: boolean;
  /** The block opened with a bold label ending in a colon (`**Wang Yi:**`, `**王毅**：`). */
  label: boolean;
}

const escapeClass = (s: string): string => s.replace(/[-\\^\]]/g, "\\$&");
const BULLET = new RegExp(`(?<=^|\\n)[ \\t]*[${escapeClass(BULLETS)}][ \\t]+(?=\\S)`, "g");
const TAG = new RegExp(`</?(?:${HTML_TAGS.join("|")})\\b[^<>]*>`, "gi");
const ENTITY = /&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});/gi;
const BOLD = /\*\*|__/g;
/** `*em*` / `_em_`: a pair of one marker hugging non-space text on one line, not inside a word, not escaped. */
const EMPHASIS = /(?<![\w*\\])([*_])(?=[^\s*_])[^*_\n]*?[^\s*_\\]\1(?![\w*])/g;
/** A backslash before ASCII punctuation (markdown escapes: `\$`, `\*`, `\_`, `\#`, `\[`). */
const ESCAPE = /\\([!-/:-@[-`{-~])/g;
const BOLD_LABEL = /^(?:\*\*|__)[^*_\n]{1,60}?(?:[:：]\s*(?:\*\*|__)|(?:\*\*|__)\s*[:：])/;
const SOFT_HYPHEN_AT_EOL = new RegExp(`${SOFT_HYPHEN}(?=[ \\t]*(?:\\r?\\n|\\v|$))`, "g");

function decodeEntity(name: string): string | undefined {
  if (name[0] === "#") {
    const hex = name[1] === "x" || name[1] === "X";
    const code = hex ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : undefined;
  }
  return NAMED_ENTITIES.get(name.toLowerCase());
}

/** 2a. The `#` heading marker (and optional closing `#`s), and an `{#anchor}` after the title. */
function stripHeading(m: Mapped): { m: Mapped; heading: boolean } {
  if (!/^#{1,6}[ \t]/.test(m.text)) return { m, heading: false };
  const title = replace(m, new RegExp(HEADING_ATTRIBUTES.source, "g"), () => "");
  return { m: replace(title, /^#{1,6}[ \t]+|[ \t]+#+[ \t]*$/g, () => ""), heading: true };
}

/**
 * 2a'. Markdown tables: the delimiter row goes, and each cell becomes a line of its own (the
 * pipes never reach a segment). Only a block whose every line starts with a pipe is a table,
 * so a lone "|" in running text stays.
 */
function stripTable(m: Mapped): Mapped {
  if (!m.text.split("\n").every((l) => /^[ \t]*\|/.test(l))) return m;
  const rows = replace(m, TABLE_DELIMITER_ROW, () => "");
  const edges = replace(rows, /(?<=^|\n)[ \t]*\|[ \t]*|[ \t]*(?<!\\)\|[ \t]*(?=\n|$)/g, () => "");
  return replace(edges, /[ \t]*(?<!\\)\|[ \t]*/g, () => "\n");
}

/** 2a''. Language switch markers (`en-US`, `[zh-CN]:`) alone on a line or opening one. */
const stripLanguageMarkers = (m: Mapped): Mapped => replace(m, LANGUAGE_MARKER, () => "");

/**
 * Step 0 of reading running text: the lines of fenced code blocks (``` or ~~~, with their
 * fences) become blank, so code never becomes a segment (a code block is the same in both
 * languages, and would make a unit whose target is its source). Lengths and line breaks are
 * kept, so every offset and line number stays true. An unclosed fence runs to the end (CommonMark).
 */
export function blankCodeBlocks(text: string): string {
  if (!/(?:^|\n)[ \t]{0,3}(?:```|~~~)/.test(text)) return text;
  let fence: string | undefined;
  return text.replace(/[^\n]*(?:\n|$)/g, (line) => {
    if (line === "") return line;
    const f = CODE_FENCE.exec(line)?.[1];
    if (fence === undefined) {
      if (!f) return line;
      fence = f;
    } else if (f && f[0] === fence[0] && f.length >= fence.length && /^[ \t]{0,3}[`~]+[ \t]*\r?\n?$/.test(line)) fence = undefined;
    return line.replace(/[^\r\n]/g, " ");
  });
}

/** 2b. What the bold markup says about the block, read before it is removed. */
function boldShape(text: string): { allBold: boolean; label: boolean } {
  const t = text.trim();
  const allBold = /^(\*\*|__)[\s\S]+\1$/.test(t) && t.split(BOLD).length === 3;
  return { allBold, label: !allBold && BOLD_LABEL.test(t) };
}

/** 2c. List bullets opening a line (`- `, `* `, `• `); numbers stay. */
const stripBullets = (m: Mapped): Mapped => replace(m, BULLET, () => "");

/** 2d. HTML tags; `<br>` is a line break, joined like any other. */
const stripTags = (m: Mapped): Mapped => replace(m, TAG, (x) => (/^<br/i.test(x[0]) ? "\n" : ""));

/** 2e. HTML entities (`&amp;`, `&nbsp;`, `&#8217;`); the decoded character maps to the `&`. Unknown ones stay. */
const decodeEntities = (m: Mapped): Mapped => replace(m, ENTITY, (x) => decodeEntity(x[1]!) ?? x[0]);

/** 2f. Bold markers, wherever they are (a bold span cut by a page break leaves one of the pair on each side). */
const stripBold = (m: Mapped): Mapped => replace(m, BOLD, () => "");

/** 2g. `*em*` and `_em_` pairs; a lone `*` (`2 * 3`), `snake_case` and an escaped `\*` stay. */
function stripEmphasis(m: Mapped): Mapped {
  const drop = new Set<number>();
  for (const x of m.text.matchAll(EMPHASIS)) {
    drop.add(x.index!);
    drop.add(x.index! + x[0].length - 1);
  }
  return removeAt(m, drop);
}

/** 2h. Backslash escapes: `US\$240` → `US$240`; the kept character keeps its own offset. */
const unescape = (m: Mapped): Mapped => replace(m, ESCAPE, (x) => x[1]!);

/**
 * 2i. Invisible and control characters: zero-width characters go; a soft hyphen at a line
 * end becomes a hyphen (the line join then decides whether the word is whole), elsewhere
 * it goes; U+000B (Word's manual line break) is a line break; U+000C and no-break spaces
 * become spaces, so neither control character reaches the XML.
 */
function stripInvisible(m: Mapped): Mapped {
  let out = replace(m, ZERO_WIDTH, () => "");
  out = replace(out, SOFT_HYPHEN_AT_EOL, () => "-");
  out = replace(out, new RegExp(SOFT_HYPHEN, "g"), () => "");
  out = replace(out, /\v/g, () => "\n");
  return replace(out, /[\f\u00a0]/g, () => " ");
}

/**
 * Step 2 of reading running text: removes markdown and HTML residue from one block
 * (heading markers, bold and emphasis pairs, list bullets, backslash escapes, HTML tags
 * and entities, invisible characters) while keeping every character's source offset.
 * Line breaks stay: `joinLines` (stitch.ts) joins them.
 */
export function cleanBlock(block: Mapped): CleanBlock {
  const { m: m0, heading } = stripHeading(stripLanguageMarkers(block));
  const { allBold, label } = boldShape(m0.text);
  let m = stripBullets(stripTable(m0));
  m = stripTags(m);
  m = decodeEntities(m);
  m = stripBold(m);
  m = stripEmphasis(m);
  m = unescape(m);
  m = stripInvisible(m);
  return { m, heading, allBold, label };
}
