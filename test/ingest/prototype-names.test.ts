import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { resources } from "../../src/cli/resources.js";
import { readCsv } from "../../src/export/csv.js";
import { importEntries, readCsvGlossary } from "../../src/glossary/imported.js";
import { parseGlossary, serializeGlossary } from "../../src/glossary/store.js";
import { run, type Resources } from "../../src/pipeline.js";
import { resolveOptions } from "../../src/options.js";

/**
 * Every own property name of Object.prototype (constructor, __proto__, toString, hasOwnProperty,
 * valueOf, …): words a plain `{}` used as a dictionary answers for without holding them.
 */
const NAMES = Object.getOwnPropertyNames(Object.prototype).sort();

/** English sentences made of the names, and Chinese ones holding them as Latin tokens. */
function mixedDoc(): string {
  const parts: string[] = ["# The constructor valueOf toString report", "## constructor 与 toString 报告"];
  NAMES.forEach((n, k) => {
    parts.push(`The ${n} method calls ${NAMES[(k + 1) % NAMES.length]} and the ${n} &${n}; field holds ${k + 2} values.`);
    parts.push(`${n}方法调用${NAMES[(k + 1) % NAMES.length]}，这个字段保存了${k + 2}个重要的数值。`);
  });
  parts.push(NAMES.join(" ") + ".");
  parts.push(NAMES.join("、") + "。");
  return parts.join("\n\n") + "\n";
}

function tmxDoc(): string {
  const units = NAMES.map(
    (n) => `<tu tuid="${n}"><prop type="${n}">${n}</prop><note>${n}</note><tuv xml:lang="en-US"><seg>The ${n} is ${n}.</seg></tuv><tuv xml:lang="zh-CN"><seg>${n}是${n}。</seg></tuv></tu>`,
  );
  return `<?xml version="1.0"?><tmx version="1.4"><header srclang="en-US" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>${units.join("")}</body></tmx>`;
}

describe("the whole pipeline on Object.prototype property names", () => {
  let res: Resources;
  beforeAll(async () => {
    // An empty glossary folder: no user dictionary, the built-in engines only.
    res = await resources(mkdtempSync(join(tmpdir(), "tb-proto-")));
  }, 120_000);

  it("runs a mixed document, a pair of files and a TMX made of the names", () => {
    const src = (id: string, text: string) => ({ id, path: id, encoding: "utf-8" as const, text });
    const en = NAMES.map((n, k) => `The ${n} field holds ${k + 1} ${n} values.`).join("\n");
    const zh = NAMES.map((n, k) => `这个${n}字段保存了${k + 1}个重要的数值和有关信息。`).join("\n");
    const glossary = { glossary: { entries: [], extraColumns: [] }, minScore: 0 };
    const r = run(
      [
        { kind: "mixed", src: src("proto.md", mixedDoc()) },
        { kind: "parallel", en: src("en.txt", en), zh: src("zh.txt", zh), presplit: true },
        { kind: "tmx", src: src("proto.tmx", tmxDoc()) },
      ],
      res,
      { now: () => new Date("2026-01-01T00:00:00Z") },
      {},
      glossary,
    );
    expect(r.tmxStats.units).toBeGreaterThan(NAMES.length);
    for (const n of NAMES) expect(r.tmx).toContain(`The ${n} is ${n}.`);
    // An entity named after one (`&constructor;`) is not an entity: it stays text, never a function's source.
    expect(r.tmx).not.toContain("[native code]");
    expect(r.tmx).toContain("&amp;constructor;");
    // The names are words of the text and reach the term list like any other token.
    expect(r.terms.length).toBeGreaterThan(0);
    expect(r.report.totals.documents).toBe(3);
    const again = parseGlossary(serializeGlossary(r.glossary!.glossary), "glossary.csv");
    expect(again.entries.length).toBe(r.glossary!.glossary.entries.length);
  }, 120_000);

  it("keeps a glossary whose extra columns and headers are the names", () => {
    const header = ["id", "en", "zh", "status", ...NAMES].join(",");
    const row = ["t1", "constructor", "构造函数", "approved", ...NAMES.map((n) => `v-${n}`)].join(",");
    const g = parseGlossary(`${header}\n${row}\n`, "glossary.csv");
    expect(g.extraColumns).toEqual(NAMES);
    const text = serializeGlossary(g);
    const back = parseGlossary(text, "glossary.csv");
    for (const n of NAMES) expect(Object.hasOwn(back.entries[0]!.extra, n) && back.entries[0]!.extra[n]).toBe(`v-${n}`);
    // An imported sheet whose headers are the names: only the real English/Chinese columns count.
    const table = readCsv(`constructor,en,toString,zh,__proto__\nx,valueOf,y,值,z\n`);
    const imported = readCsvGlossary(table, "in.csv", (line, m) => {
      throw new Error(`${line}: ${m}`);
    });
    expect(imported).toMatchObject([{ en: "valueOf", zh: "值", note: "", domain: "" }]);
    const merged = importEntries(g, imported, "2026-01-01");
    for (const e of merged.glossary.entries) for (const n of NAMES) expect(typeof e.extra[n]).toBe("string");
  });

  it("rejects a library option named after one of them", () => {
    for (const n of ["constructor", "toString", "hasOwnProperty"]) expect(() => resolveOptions({ [n]: 1 } as never)).toThrow(/unknown option/);
  });
});
