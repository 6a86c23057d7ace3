import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { unescapeFormula } from "../../src/export/csv.js";
import { buildTbx, serializeTbx } from "../../src/export/tbx.js";
import { serializeTmx, TmxBuilder, type TmxOptions } from "../../src/export/tmx.js";
import { readTbx } from "../../src/glossary/import.js";
import { decodeBytes } from "../../src/ingest/encoding.js";
import { readTmx } from "../../src/ingest/tmx.js";
import type { AlignedDoc, GlossaryEntry } from "../../src/model/index.js";

/** xmllint, when installed (Debian package libxml2-utils): the referee for well-formedness. */
const XMLLINT = spawnSync("xmllint", ["--version"]).status === 0;
if (!XMLLINT) console.warn("skipped: xmllint is not installed (apt-get install libxml2-utils)");

/** Property runs are reproducible: a fixed seed unless FC_SEED names another. */
const FC = { seed: Number(process.env.FC_SEED ?? 20261205), numRuns: Number(process.env.FC_RUNS ?? 80) };

const dir = mkdtempSync(join(tmpdir(), "tb-xml-"));
let files = 0;

/** Writes the text to a file and asks xmllint whether it is well-formed XML. */
function xmllint(text: string, ext: string): { ok: boolean; out: string; file: string } {
  const file = join(dir, `f${files++}.${ext}`);
  writeFileSync(file, text);
  const r = spawnSync("xmllint", ["--noout", "--nonet", file], { encoding: "utf8" });
  return { ok: r.status === 0, out: r.stderr, file };
}

/** XML 1.0 §2.2 Char, written independently of the code under test, code point by code point. */
function xmlChars(s: string): { text: string; dropped: number } {
  let text = "";
  let dropped = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const ok = c === 9 || c === 10 || c === 13 || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || c >= 0x10000;
    if (ok) text += ch;
    else dropped++;
  }
  return { text, dropped };
}

/** Pieces that break naive XML writers: markup, entities as text, CDATA ends, controls, lone surrogates. */
const NASTY = fc.constantFrom(
  "&", "<", ">", "]]>", "&nbsp;", "&amp;", "&amp;nbsp;", "&quot;", "&lt;b&gt;", "&#13;", "&#x1F600;", "&#0;", "&unknown;", "<![CDATA[x]]>", "<!--", "<?pi?>",
  '"', "'", "\u0000", "\u0001", "\u0008", "\u000b", "\u000c", "\u001f", "\u007f", "\u0085", "\r", "\r\n", "\n", "\t", " ",
  "\ud800", "\udfff", "\ud83d", "\ude00", "\ud83d\ude00", "\ufffe", "\uffff", "\ufeff", "\u2028", "\u00a0", "中文", "，", "𠀀",
);
const PIECE = fc.oneof(NASTY, fc.string({ unit: "binary", maxLength: 6 }), fc.string({ maxLength: 6 }), fc.constantFrom("water", "水利", "A"));
const TEXT = fc.array(PIECE, { maxLength: 12 }).map((a) => a.join(""));

const OPTS: TmxOptions = { srcLang: "en-US", tgtLang: "zh-CN", now: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)), toolVersion: "0.1.0", minScore: 0, reviewBelow: 0.5, maxSegmentLength: 100_000 };

/** What a segment should read back as: XML characters only, spaces folded, line breaks kept, trimmed. */
const segmentOf = (s: string): string => xmlChars(s).text.replace(/[^\S\n]*\n[^\S\n]*/g, "\n").replace(/[^\S\n]+/g, " ").trim();

function oneUnitDoc(en: string, zh: string, note: string, prop: string, tuid: string): AlignedDoc {
  const sent = (lang: "en" | "zh", text: string) => ({ doc: "d", lang, text, start: 0, end: text.length, line: 1, paragraph: 0 });
  return {
    doc: "d", path: "d", encodings: ["utf-8"], en: [sent("en", en)], zh: [sent("zh", zh)], beads: [{ en: [0], zh: [0], score: 1 }], diagnostics: [], paragraphs: { en: 1, zh: 1 },
    units: [{ tuid, line: 1, notes: [note], props: [{ type: `x-${prop}`, value: prop }] }],
  };
}

describe.skipIf(!XMLLINT)("every string written to TMX and TBX is escaped (property, checked by xmllint)", () => {
  it("a literal &nbsp; and &quot; read from a TMX as text are written as text again", () => {
    const tmx = `<?xml version="1.0"?><tmx version="1.4"><header srclang="en-US" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>
<tu><tuv xml:lang="en"><seg>Fish&amp;nbsp;&amp;amp;&amp;quot;chips&quot;</seg></tuv><tuv xml:lang="zh-CN"><seg>鱼&amp;nbsp;薯条</seg></tuv></tu></body></tmx>`;
    const read = readTmx({ id: "in.tmx", path: "in.tmx", encoding: "utf-8", text: tmx });
    expect(read.en[0]!.text).toBe('Fish&nbsp;&amp;&quot;chips"');
    const b = new TmxBuilder(OPTS);
    const out = serializeTmx({ header: b.header, units: b.add(read) });
    expect(xmllint(out, "tmx")).toMatchObject({ ok: true });
    const back = readTmx({ id: "out.tmx", path: "out.tmx", encoding: "utf-8", text: out });
    expect([back.en[0]!.text, back.zh[0]!.text]).toEqual(['Fish&nbsp;&amp;&quot;chips"', "鱼&nbsp;薯条"]);
  });

  // 80 xmllint processes: 27 s measured on the 2-core machine at load 15, past the default timeout.
  it("TMX: xmllint accepts every file, and reading it back gives the text minus the characters XML cannot hold (counted)", { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(TEXT, TEXT, TEXT, TEXT, TEXT, (en, zh, note, prop, tuid) => {
        const b = new TmxBuilder(OPTS);
        const units = b.add(oneUnitDoc(en, zh, note, prop, tuid));
        const text = serializeTmx({ header: b.header, units });
        const lint = xmllint(text, "tmx");
        expect(lint.ok, lint.out).toBe(true);
        const e = segmentOf(en);
        const z = segmentOf(zh);
        if (!e || !z) return void expect(units).toHaveLength(0);
        const meta = [note, prop, prop, tuid].reduce((n, s) => n + xmlChars(s).dropped, 0);
        expect(b.stats.invalidCharsRemoved).toBe(xmlChars(en).dropped + xmlChars(zh).dropped + meta);
        const back = readTmx(decodeBytes("t.tmx", "t.tmx", Buffer.from(text, "utf8")));
        expect([back.en[0]!.text, back.zh[0]!.text]).toEqual([e, z]);
        expect(back.units![0]!.tuid).toBe(xmlChars(tuid).text || units[0]!.tuid);
        if (!xmlChars(tuid).text) expect(units[0]!.tuid).toMatch(/^[0-9a-f]{16}$/);
        expect(back.units![0]!.notes).toEqual([xmlChars(note).text.trim()]);
        expect(back.units![0]!.props[0]).toEqual({ type: `x-${xmlChars(prop).text}`, value: xmlChars(prop).text.trim() });
      }),
      FC,
    );
  });

  // 80 xmllint processes: 27 s measured on the 2-core machine at load 15, past the default timeout.
  it("TBX v2 and v3: xmllint accepts every file, and reading it back gives the model's terms, note and domain", { timeout: 120_000 }, () => {
    const entry = (en: string, zh: string, note: string, domain: string, id: string, variant: string): GlossaryEntry => ({
      id, en, zh, status: "approved", enVariants: [variant], zhVariants: [], score: "", enCount: "", zhCount: "", exampleEn: "", exampleZh: "",
      note, domain, firstSeen: "", lastSeen: "", updated: "", extra: {},
    });
    fc.assert(
      fc.property(TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, fc.constantFrom(2 as const, 3 as const), (en, zh, note, domain, id, variant, version) => {
        const model = buildTbx([entry(en, zh, note, domain, id, variant), entry("water", "水", "", "", id, "")], { version, srcLang: "en-US", tgtLang: "zh-CN", now: OPTS.now, toolVersion: "0.1.0" });
        const text = serializeTbx(model);
        const lint = xmllint(text, "tbx");
        expect(lint.ok, lint.out).toBe(true);
        const back = readTbx(text, "t.tbx");
        expect(back).toHaveLength(model.concepts.length);
        back.forEach((r, k) => {
          const c = model.concepts[k]!;
          // The export neutralises formula-like text and readTbx takes it back (one policy for every export).
          const terms = (i: number) => c.langSets[i]!.terms.map((t) => unescapeFormula(t.text));
          expect([r.en, ...r.enVariants]).toEqual(terms(0));
          expect([r.zh, ...r.zhVariants]).toEqual(terms(1));
          expect(r.note).toBe(unescapeFormula(c.note ?? ""));
          expect(r.domain).toBe(unescapeFormula((c.subjectField ?? "").replace(/\s+/g, " ")));
        });
        const first = model.concepts.find((c) => c.langSets[0].terms.length > 1 || c.note !== undefined);
        if (first?.note !== undefined) expect(unescapeFormula(first.note)).toBe(xmlChars(note.replace(/[\v\f]/g, "\n")).text.trim());
      }),
      FC,
    );
  });
});
