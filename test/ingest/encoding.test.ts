import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeBytes, longLine, MAX_LINE_LENGTH, parseEncodingName, refuseLongLines } from "../../src/ingest/encoding.js";
import { TermbridgeError } from "../../src/model/index.js";

const F = join(__dirname, "../fixtures");
const bytes = (p: string): Buffer => readFileSync(join(F, p));
const expected = readFileSync(join(F, "encodings/utf8.txt"), "utf8");

describe("decodeBytes", () => {
  it.each([
    ["encodings/utf8.txt", "utf-8"],
    ["encodings/utf8-bom.txt", "utf-8-bom"],
    ["encodings/utf16le-bom.txt", "utf-16le"],
    ["encodings/utf16be-bom.txt", "utf-16be"],
    ["encodings/utf16le-nobom.txt", "utf-16le"],
    ["encodings/gb18030.txt", "gb18030"],
  ])("%s decodes as %s to the same text, BOM removed", (file, enc) => {
    const doc = decodeBytes(file, file, bytes(file));
    expect(doc.encoding).toBe(enc);
    expect(doc.text).toBe(expected);
  });

  it.each([
    ["bad/empty.txt", "empty", /file is empty/],
    ["bad/whitespace.txt", "empty", /only white space/],
    ["bad/binary.dat", "binary", /binary/],
    ["bad/document.pdf", "binary", /PDF.*pdftotext/],
    ["bad/latin1-not-chinese.txt", "bad-encoding", /not valid UTF-8.*--encoding/],
  ])("%s fails with %s", (file, code, message) => {
    let err: unknown;
    try {
      decodeBytes(file, file, bytes(file));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TermbridgeError);
    const e = err as TermbridgeError;
    expect(e.code).toBe(code);
    expect(`${e.message} — ${e.hint}`).toMatch(message);
    expect(e.file).toBe(file);
  });

  it("names the line of the first bad byte", () => {
    const buf = Buffer.concat([Buffer.from("line one\nline two\n"), Buffer.from([0xe9, 0x20, 0x41])]);
    expect(() => decodeBytes("x", "x", buf)).toThrow(expect.objectContaining({ line: 3, code: "bad-encoding" }));
  });

  it("honours a forced encoding", () => {
    const doc = decodeBytes("g", "g", bytes("encodings/gb18030.txt"), "gb18030");
    expect(doc.text).toBe(expected);
  });

  it.each([
    ["UTF-8", "utf-8"],
    ["utf8", "utf-8"],
    ["GBK", "gb18030"],
    ["gb2312", "gb18030"],
    ["UTF-16LE", "utf-16le"],
    ["latin1", undefined],
  ])("parseEncodingName(%s) = %s", (name, enc) => {
    expect(parseEncodingName(name)).toBe(enc);
  });
});

describe("legacy Chinese encodings", () => {
  const traditional = readFileSync(join(F, "encodings/traditional-utf8.txt"), "utf8");

  it("reads Big5 Traditional Chinese as Big5 (GB18030 also decodes it, to rare characters)", () => {
    const doc = decodeBytes("b", "b", bytes("encodings/big5.txt"));
    expect(doc.encoding).toBe("big5");
    expect(doc.text).toBe(traditional);
  });

  it("still reads GBK/GB18030 Simplified Chinese as GB18030", () => {
    expect(decodeBytes("g", "g", bytes("encodings/gb18030.txt")).encoding).toBe("gb18030");
  });

  it("honours --encoding big5 and its aliases", () => {
    expect(decodeBytes("b", "b", bytes("encodings/big5.txt"), "big5").text).toBe(traditional);
    expect(["Big5", "big5-hkscs", "CP950"].map(parseEncodingName)).toEqual(["big5", "big5", "big5"]);
  });
});

describe("a single huge line", () => {
  const line = (n: number): string => "word ".repeat(n / 5);

  it("is refused while still bytes, naming the line and what to do", () => {
    const big = Buffer.from(`Title\n\n标题\n\n${line(MAX_LINE_LENGTH + 10)}\n`);
    expect(() => decodeBytes("h", "h.md", big)).toThrow(
      expect.objectContaining({ code: "line-too-long", line: 5, file: "h.md", message: expect.stringMatching(/line 5 is 1,000,010 characters long/), hint: expect.stringMatching(/each paragraph on its own line/) }),
    );
  });

  it("counts characters, not bytes, and CR or CRLF end lines too", () => {
    // A Chinese line just under the limit is three times as many bytes.
    expect(longLine(Buffer.from("中".repeat(MAX_LINE_LENGTH)))).toBeUndefined();
    expect(longLine(Buffer.from("中".repeat(MAX_LINE_LENGTH + 1)))).toEqual({ line: 1, length: MAX_LINE_LENGTH + 1 });
    expect(longLine("a\r\nb\rc\n" + "x".repeat(11), 10)).toEqual({ line: 4, length: 11 });
    expect(longLine("😀".repeat(6), 5)).toEqual({ line: 1, length: 6 });
  });

  it("is refused in UTF-16 after decoding, and in text given to the library", () => {
    const text = `a\n${line(MAX_LINE_LENGTH + 10)}`;
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    expect(() => decodeBytes("u", "u", le)).toThrow(expect.objectContaining({ code: "line-too-long", line: 2 }));
    expect(() => refuseLongLines("lib", text)).toThrow(expect.objectContaining({ code: "line-too-long" }));
  });

  it("leaves XML alone: a TMX may sit on one line", () => {
    const tmx = Buffer.from(`<?xml version="1.0"?><tmx>${"<tu/>".repeat(MAX_LINE_LENGTH / 4)}</tmx>`);
    expect(decodeBytes("t.tmx", "t.tmx", tmx).encoding).toBe("utf-8");
  });
});
