import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readCsv } from "../../src/export/csv.js";
import { readOmegatGlossary, readTbx } from "../../src/glossary/import.js";
import { readCsvGlossary } from "../../src/glossary/imported.js";
import { parseGlossary } from "../../src/glossary/store.js";
import { decodeBytes } from "../../src/ingest/encoding.js";
import { readTmx, readTmxChunks } from "../../src/ingest/tmx.js";
import { TermbridgeError } from "../../src/model/index.js";

/** Reproducible: a fixed seed unless FC_SEED names another. */
const FC = { seed: Number(process.env.FC_SEED ?? 15), numRuns: Number(process.env.FC_RUNS ?? 300) };

/** A reader either gives a result or refuses with the project's error, a message and the file; nothing else escapes. */
function cleanly(read: () => unknown): void {
  try {
    read();
  } catch (e) {
    if (!(e instanceof TermbridgeError)) throw new Error(`not a clean rejection: ${(e as Error)?.stack ?? String(e)}`);
    expect(e.message.length).toBeGreaterThan(0);
    expect(e.file).toBeTruthy();
  }
}

/** Pieces of the formats, shuffled and cut: most inputs are nearly valid, which reaches deeper code. */
const TMX_PARTS = [
  '<?xml version="1.0"?>', "<tmx version=\"1.4\">", "</tmx>", "<header srclang=\"en\"/>", "<body>", "</body>", "<tu>", "</tu>", "<tu tuid=\"constructor\">",
  '<tuv xml:lang="en-US">', '<tuv lang="ZH_cn">', '<tuv xml:lang="zh-TW">', "</tuv>", "<seg>", "</seg>", "<bpt i=\"1\">", "</bpt>", "<ph>x</ph>", "<hi>", "</hi>",
  "<prop type=\"x\">", "</prop>", "<note>", "</note>", "<![CDATA[", "]]>", "<!--", "-->", "&amp;", "&", "&nbsp;", "&#0;", "&#x10FFFF;", "&lol;",
  '<!DOCTYPE tmx [<!ENTITY lol "lol">]>', '<!DOCTYPE tmx [<!ENTITY x SYSTEM "file:///etc/passwd">]>', "<!DOCTYPE tmx [", "]>", "water", "水利", "\n", " ", "<", ">", '"', "\u0000", "\ud800",
];
const TBX_PARTS = [
  '<?xml version="1.0"?>', '<martif type="TBX">', "</martif>", '<tbx type="TBX-Basic" xmlns="urn:iso:std:iso:30042:ed-2">', "</tbx>", "<text>", "</text>", "<body>", "</body>",
  '<termEntry id="a">', "</termEntry>", "<conceptEntry id=\"1\">", "</conceptEntry>", '<langSet xml:lang="en">', '<langSet xml:lang="zh-CN">', "</langSet>", '<langSec xml:lang="zh">', "</langSec>",
  "<tig>", "</tig>", "<ntig>", "</ntig>", "<termSec>", "</termSec>", "<term>", "</term>", '<termNote type="administrativeStatus">', "</termNote>", "deprecatedTerm-admn-sts",
  "<note>", "</note>", '<descrip type="subjectField">', "</descrip>", "&amp;", "&", "&#x0;", "dam", "大坝", "\n", "<", '<!DOCTYPE martif [<!ENTITY a "&a;">]>',
];
const CSV_PARTS = ["id", "en", "zh", "status", "note", "English", "Chinese", "source", "target", ",", ";", "\t", '"', '""', "\n", "\r\n", "approved", "candidate", "rejected", "forbidden", "bogus", "=1+2", "'=x", "dam", "大坝", "constructor", "__proto__", "\ufeff", " | ", "#", "\u0000"];

const shuffled = (parts: string[]) => fc.array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...parts) }, { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 4 }) }), { maxLength: 60 }).map((a) => a.join(""));
const wellFormedTmx = fc.array(fc.tuple(fc.constantFrom("en", "EN-us", "zh-CN", "zh_CHT", "de", ""), fc.string({ maxLength: 8 })), { maxLength: 6 }).map(
  (tuvs) => `<tmx version="1.4"><header/><body><tu>${tuvs.map(([l, t]) => `<tuv xml:lang="${l}"><seg>${t.replace(/[<&]/g, "")}</seg></tuv>`).join("")}</tu></body></tmx>`,
);

describe("fuzz: every reader gives a result or a clean rejection, never a crash", () => {
  it("TMX (whole, in chunks, and from bytes)", () => {
    fc.assert(
      fc.property(fc.oneof(shuffled(TMX_PARTS), wellFormedTmx), fc.integer({ min: 1, max: 64 }), (text, size) => {
        const src = { id: "f.tmx", path: "f.tmx", encoding: "utf-8" as const, text };
        cleanly(() => readTmx(src));
        const chunks: string[] = [];
        for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
        cleanly(() => readTmxChunks(src, chunks));
        cleanly(() => readTmx(decodeBytes("f.tmx", "f.tmx", Buffer.from(text, "utf8"))));
      }),
      FC,
    );
  });

  it("TBX", () => {
    fc.assert(fc.property(shuffled(TBX_PARTS), (text) => cleanly(() => readTbx(text, "f.tbx"))), FC);
  });

  it("CSV glossaries (the store's own and imported sheets) and OmegaT glossaries", () => {
    const importCsv = (text: string) => {
      const fail = (line: number | undefined, message: string, hint: string): never => {
        throw new TermbridgeError({ code: "malformed-glossary", message, file: "f.csv", hint, ...(line ? { line } : {}) });
      };
      let table;
      try {
        table = readCsv(text);
      } catch (e) {
        return fail(undefined, `cannot be read as CSV (${(e as Error).message})`, "repair the quoting");
      }
      return readCsvGlossary(table, "f.csv", fail);
    };
    fc.assert(
      fc.property(shuffled(CSV_PARTS), (text) => {
        cleanly(() => parseGlossary(text, "glossary.csv"));
        cleanly(() => importCsv(text));
        cleanly(() => readOmegatGlossary(text, "f.utf8"));
      }),
      FC,
    );
  });

  it("raw bytes through decoding", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => cleanly(() => decodeBytes("f.txt", "f.txt", bytes))), FC);
  });
});
