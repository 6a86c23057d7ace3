import { TermbridgeError, type Encoding, type SourceDoc } from "../model/index.js";

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
};

/** Encoding names accepted by `--encoding`, mapped to ours. */
export function parseEncodingName(name: string): Encoding | undefined {
  const n = name.toLowerCase().replace(/[_\s]/g, "-");
  if (n === "utf-8" || n === "utf8") return "utf-8";
  if (n === "utf-16le" || n === "utf16le") return "utf-16le";
  if (n === "utf-16be" || n === "utf16be") return "utf-16be";
  if (n === "gb18030" || n === "gbk" || n === "gb2312" || n === "cp936") return "gb18030";
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

function countHan(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) n++;
  }
  return n;
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

  let encoding: Encoding;
  let body = bytes;
  if (forced) {
    encoding = forced;
    if (forced === "utf-8" && startsWith(bytes, [0xef, 0xbb, 0xbf])) encoding = "utf-8-bom";
  } else if (startsWith(bytes, [0xef, 0xbb, 0xbf])) encoding = "utf-8-bom";
  else if (startsWith(bytes, [0xff, 0xfe])) encoding = "utf-16le";
  else if (startsWith(bytes, [0xfe, 0xff])) encoding = "utf-16be";
  else encoding = sniffUtf16(bytes) ?? "utf-8";

  const bomLength = encoding === "utf-8-bom" ? 3 : (encoding === "utf-16le" || encoding === "utf-16be") && (bytes[0] === 0xff || bytes[0] === 0xfe) ? 2 : 0;
  body = bytes.subarray(bomLength);

  if (encoding === "utf-8" && !forced) {
    const bad = firstInvalidUtf8(body);
    if (bad >= 0) {
      if (body.indexOf(0) >= 0) fail("binary", "the file holds binary data (NUL bytes), not text", "pass a plain-text (.txt/.md) or .tmx file");
      // Legacy Chinese Windows and older tools save GBK/GB18030; try it before giving up.
      const gb = new TextDecoder("gb18030", { fatal: false }).decode(body);
      if (!gb.includes("\ufffd") && countHan(gb) > 0 && controlShare(gb) < 0.01) {
        return { id, path, encoding: "gb18030", text: gb };
      }
      fail(
        "bad-encoding",
        `the file is not valid UTF-8 (byte ${bad}) and does not read as GB18030 either`,
        "save it as UTF-8, or name its encoding with --encoding (utf-8, utf-16le, utf-16be, gb18030)",
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
  return { id, path, encoding, text };
}
