import { TermbridgeError, type Encoding, type SourceDoc } from "../model/index.js";
import { COMMON_HAN } from "./data/common-han.js";

/** Magic numbers of formats people drop in by mistake, with what to do instead. */
const KNOWN_BINARIES: Array<{ magic: number[]; what: string; hint: string }> = [
  { magic: [0x25, 0x50, 0x44, 0x46], what: "a PDF file", hint: "extract its text first (for example `pdftotext -layout FILE out.txt`) and pass the .txt" },
  { magic: [0x50, 0x4b, 0x03, 0x04], what: "a ZIP container (.docx, .xlsx, .odt…)", hint: "save or export it as plain text (UTF-8) and pass that" },
  { magic: [0xd0, 0xcf, 0x11, 0xe0], what: "an old Office file (.doc/.xls)", hint: "save it as plain text (UTF-8) and pass that" },
  { magic: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: "an RTF file", hint: "save it as plain text (UTF-8) and pass that" },
];

const ENCODING_NAMES: Record<Encoding, string> = {
  "utf-8": "utf-8",
  "utf-8-bom": "utf-8",
  "utf-16le": "utf-16le",
  "utf-16be": "utf-16be",
  gb18030: "gb18030",
  big5: "big5",
};

/** Encoding names accepted by `--encoding`, mapped to ours. */
export function parseEncodingName(name: string): Encoding | undefined {
  const n = name.toLowerCase().replace(/[_\s]/g, "-");
  if (n === "utf-8" || n === "utf8") return "utf-8";
  if (n === "utf-16le" || n === "utf16le") return "utf-16le";
  if (n === "utf-16be" || n === "utf16be") return "utf-16be";
  if (n === "gb18030" || n === "gbk" || n === "gb2312" || n === "cp936") return "gb18030";
  if (n === "big5" || n === "big5-hkscs" || n === "cp950") return "big5";
  return undefined;
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Guesses UTF-16 without a BOM from the NUL bytes ASCII characters leave in every other byte. */
function sniffUtf16(bytes: Uint8Array): Encoding | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.3 && evenNul < pairs * 0.05) return "utf-16le";
  if (evenNul > pairs * 0.3 && oddNul < pairs * 0.05) return "utf-16be";
  return undefined;
}

/**
 * The encoding a file's first bytes show (BOMs, then UTF-16 by its NUL bytes), or UTF-8, and
 * how many BOM bytes to skip: enough for a reader that decodes the rest as it streams.
 */
export function encodingFromHead(head: Uint8Array, forced?: Encoding): { encoding: Encoding; bom: number; decoder: string } {
  let encoding: Encoding;
  if (forced) encoding = forced === "utf-8" && startsWith(head, [0xef, 0xbb, 0xbf]) ? "utf-8-bom" : forced;
  else if (startsWith(head, [0xef, 0xbb, 0xbf])) encoding = "utf-8-bom";
  else if (startsWith(head, [0xff, 0xfe])) encoding = "utf-16le";
  else if (startsWith(head, [0xfe, 0xff])) encoding = "utf-16be";
  else encoding = sniffUtf16(head) ?? "utf-8";
  const bom = encoding === "utf-8-bom" ? 3 : (encoding === "utf-16le" || encoding === "utf-16be") && (head[0] === 0xff || head[0] === 0xfe) ? 2 : 0;
  return { encoding, bom, decoder: ENCODING_NAMES[encoding] };
}

/** Offset of the first byte that breaks UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    for (let k = 1; k < len; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += len;
  }
  return -1;
}

/** Share of characters that are control characters other than tab, newlines and form feed. */
function controlShare(text: string): number {
  let bad = 0;
  const n = Math.min(text.length, 65536);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 11) || c === 0xfffd) bad++;
  }
  return n === 0 ? 0 : bad / n;
}

/** Han characters (basic block) and how many of them are common ones (`COMMON_HAN`). */
function hanProfile(text: string): { han: number; common: number } {
  let han = 0;
  let common = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) {
      han++;
      if (COMMON_HAN.has(text[i]!)) common++;
    }
  }
  return { han, common };
}

/**
 * Share of common characters below which a legacy reading is taken for garbage. Real
 * Chinese prose runs at about 0.5 (the list covers about half of running text) and even
 * technical text stays above 0.3; Big5 read as GBK, or GBK read as Big5, falls under 0.1.
 */
export const MIN_COMMON_HAN = 0.2;

/**
 * Reads bytes that are not UTF-8 in the legacy Chinese encodings, GB18030 (a superset of
 * GBK/GB2312, mainland Windows) and Big5 (Taiwan, Hong Kong), and keeps the reading whose Han
 * characters are most often common ones: both decoders accept most byte pairs of the other,
 * so only the text itself tells them apart. Undefined when neither reads as Chinese.
 */
function legacyChinese(body: Uint8Array): { encoding: Encoding; text: string } | undefined {
  let best: { encoding: Encoding; text: string; share: number } | undefined;
  for (const encoding of ["gb18030", "big5"] as const) {
    let text: string;
    try {
      text = new TextDecoder(encoding, { fatal: true }).decode(body);
    } catch {
      continue;
    }
    const p = hanProfile(text);
    const share = p.han === 0 ? 0 : p.common / p.han;
    if (p.han === 0 || text.includes("\ufffd") || controlShare(text) >= 0.01 || share < MIN_COMMON_HAN) continue;
    if (!best || share > best.share) best = { encoding, text, share };
  }
  return best && { encoding: best.encoding, text: best.text };
}

/**
 * Longest line (in characters) running text may have. Ten thousand times a long paragraph:
 * beyond it a file is not running text (a whole book with no line break, a minified export),
 * and every step after reading would copy it several times over (a 10 MB line took 2.4 GB
 * before). TMX and other XML are exempt: XML may sit on one line.
 */
export const MAX_LINE_LENGTH = 1_000_000;

/** The first line longer than `max` characters (1-based) and its length, in bytes of UTF-8 or in decoded text. */
export function longLine(data: Uint8Array | string, max = MAX_LINE_LENGTH): { line: number; length: number } | undefined {
  let line = 1;
  let length = 0;
  const text = typeof data === "string";
  for (let i = 0; i < data.length; i++) {
    const c = text ? data.charCodeAt(i) : data[i]!;
    if (c === 0x0a || c === 0x0d) {
      if (length > max) return { line, length };
      if (c === 0x0a || (text ? data.charCodeAt(i + 1) : data[i + 1]) !== 0x0a) line++;
      length = 0;
    } else if (text ? (c & 0xfc00) !== 0xdc00 : (c & 0xc0) !== 0x80) length++; // one per character: not a low surrogate, not a UTF-8 continuation byte
  }
  return length > max ? { line, length } : undefined;
}

/** Whether decoded (or UTF-8) content starts like XML, which may hold a whole file on one line. */
function looksLikeXml(data: Uint8Array | string): boolean {
  const head = typeof data === "string" ? data.slice(0, 64) : new TextDecoder().decode(data.subarray(0, 64));
  return /^\uFEFF?\s*</.test(head);
}

/**
 * Refuses running text with a line longer than `MAX_LINE_LENGTH`, naming the line, before
 * any step copies it. XML content (a TMX) is left alone.
 * @throws TermbridgeError `line-too-long`
 */
export function refuseLongLines(path: string, data: Uint8Array | string): void {
  if (looksLikeXml(data)) return;
  const long = longLine(data);
  if (!long) return;
  throw new TermbridgeError({
    code: "line-too-long",
    message: `line ${long.line} is ${long.length >= 10_000_000 ? "over " : ""}${Math.min(long.length, 9_999_999).toLocaleString("en-US")} characters long (the limit is ${MAX_LINE_LENGTH.toLocaleString("en-US")}): this is not running text with paragraphs`,
    file: path,
    line: long.line,
    hint: "put each paragraph on its own line (export the document again as plain text), or pass a TMX for a memory",
  });
}

/**
 * Decodes a file's bytes: BOMs first (UTF-8, UTF-16 LE/BE), then strict UTF-8, then
 * GB18030 when UTF-8 fails and the result reads as Chinese. Throws a TermbridgeError
 * for empty, binary or undecodable input. `forced` skips detection (from `--encoding`).
 */
export function decodeBytes(id: string, path: string, bytes: Uint8Array, forced?: Encoding): SourceDoc {
  const fail = (code: "empty" | "binary" | "bad-encoding", message: string, hint: string, line?: number): never => {
    throw new TermbridgeError({ code, message, file: path, hint, ...(line !== undefined ? { line } : {}) });
  };
  if (bytes.length === 0) fail("empty", "the file is empty", "pass a file with text in it");
  for (const k of KNOWN_BINARIES) {
    if (startsWith(bytes, k.magic)) fail("binary", `this is ${k.what}, not text`, k.hint);
  }

  const head = encodingFromHead(bytes, forced);
  const encoding = head.encoding;
  const body = bytes.subarray(head.bom);
  // Before any string is made: a UTF-8 file is measured in its bytes.
  if (encoding === "utf-8" || encoding === "utf-8-bom") refuseLongLines(path, body);

  if (encoding === "utf-8" && !forced) {
    const bad = firstInvalidUtf8(body);
    if (bad >= 0) {
      if (body.indexOf(0) >= 0) fail("binary", "the file holds binary data (NUL bytes), not text", "pass a plain-text (.txt/.md) or .tmx file");
      // Legacy Chinese Windows and older tools save GBK/GB18030 or Big5; try them before giving up.
      const legacy = legacyChinese(body);
      if (legacy) {
        refuseLongLines(path, legacy.text);
        return { id, path, ...legacy };
      }
      fail(
        "bad-encoding",
        `the file is not valid UTF-8 (byte ${bad}) and does not read as Chinese in GB18030 or Big5 either`,
        "save it as UTF-8, or name its encoding with --encoding (utf-8, utf-16le, utf-16be, gb18030, big5)",
        lineAt(body, bad),
      );
    }
  }

  let text: string;
  try {
    text = new TextDecoder(ENCODING_NAMES[encoding], { fatal: true }).decode(body);
  } catch {
    fail("bad-encoding", `the file does not decode as ${encoding}`, "save it as UTF-8, or name the right encoding with --encoding");
    throw new Error("unreachable");
  }
  if (text.includes("\u0000") || controlShare(text) > 0.01) {
    fail("binary", "the file holds binary data, not text", "pass a plain-text (.txt/.md) or .tmx file");
  }
  if (text.trim() === "") fail("empty", "the file holds only white space", "pass a file with text in it");
  if (encoding !== "utf-8" && encoding !== "utf-8-bom") refuseLongLines(path, text);
  return { id, path, encoding, text };
}
