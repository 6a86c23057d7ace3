import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeBytes, parseEncodingName } from "../../src/ingest/encoding.js";
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
