import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatError } from "../../src/cli/errors.js";
import { glossaryFiles, loadGlossary } from "../../src/cli/glossary.js";
import { TermbridgeError } from "../../src/model/index.js";

const HEAD = Buffer.from("id,en,zh,status\n");
/** `t1,dam,大壩,approved` as LibreOffice saves it with another character set in its CSV export options. */
const BIG5 = "74312c64616d2ca46ac5f22c617070726f7665640a";
const SAVED = {
  // EUC-KR has 大 but not 壩: the spreadsheet wrote "?" for it.
  "euc-kr": "74312c64616d2cd3de3f2c617070726f7665640a",
  // Western (Windows-1252): every Chinese character became "?".
  "windows-1252": Buffer.from("t1,dam,??,approved\n").toString("hex"),
};

function load(bytes: Buffer): string {
  const files = glossaryFiles(mkdtempSync(join(tmpdir(), "termbridge-enc-")));
  writeFileSync(files.csv, bytes);
  try {
    const l = loadGlossary(files);
    return `read: ${l.glossary.entries.map((e) => e.zh).join(" ")}`;
  } catch (e) {
    if (e instanceof TermbridgeError) return formatError(e);
    throw e;
  }
}

describe("a glossary saved in another character set (issue 18)", () => {
  it.each(Object.entries(SAVED))("refuses one saved as %s, with file:line and what to do", (_name, hex) => {
    const line = load(Buffer.concat([HEAD, Buffer.from(hex, "hex")]));
    expect(line).toMatch(/glossary\.csv:2: .* — save it again as UTF-8.*the glossary was left untouched/);
    expect(line.split("\n")).toHaveLength(1);
  });

  it("reads Big5, now that the decoder detects it (it was read as GBK mojibake, and refused here)", () => {
    expect(load(Buffer.concat([HEAD, Buffer.from(BIG5, "hex")]))).toBe("read: 大壩");
  });

  it("still reads GBK (Excel on Chinese Windows) and UTF-16 with a BOM, and says which", () => {
    expect(load(Buffer.concat([HEAD, Buffer.from("t1,dam,"), Buffer.from([0xb4, 0xf3, 0xb0, 0xd3]), Buffer.from(",approved\n")]))).toBe("read: 大坝");
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("id,en,zh,status\nt1,dam,大壩,approved\n", "utf16le")]);
    expect(load(utf16)).toBe("read: 大壩");
  });
});
