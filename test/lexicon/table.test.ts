import { describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { cachedTable, SortedTable, tableText } from "../../src/lexicon/table.js";
import { buildDictionary } from "../../src/lexicon/dictionary.js";

describe("SortedTable", () => {
  const text = tableText([
    ["外交", "n\tdiplomaci"],
    ["a", ""],
    ["中国", "n\tchina"],
    ["zzz", "last"],
    ["中国", "second value is dropped"],
    ["bad\tkey", "x"],
    ["", "empty key"],
    ["𠀀", "astral"],
  ]);

  it("sorts by UTF-16 code unit and keeps the first value of a repeated key", () => {
    expect(text.split("\n").map((l) => l.split("\t")[0])).toEqual(["a", "zzz", "中国", "外交", "𠀀"].sort());
    expect(new SortedTable(text).get("中国")).toBe("n\tchina");
  });

  it("finds every key, the first and the last, and nothing else", () => {
    const t = new SortedTable(text);
    expect(t.size).toBe(5);
    for (const k of ["a", "zzz", "中国", "外交", "𠀀"]) expect(t.get(k)).not.toBeUndefined();
    expect(t.get("a")).toBe("");
    expect(t.get("zzz")).toBe("last");
    for (const k of ["", "b", "中", "中国人", "bad\tkey", "zz", "zzzz"]) expect(t.get(k)).toBeUndefined();
  });

  it("reads a table written with CRLF line ends", () => {
    const t = new SortedTable("a\t1\r\nb\t2\r\nc\r\n");
    expect([t.get("a"), t.get("b"), t.get("c"), t.get("c\r")]).toEqual(["1", "2", "", undefined]);
  });

  it("is empty for an empty text", () => {
    const t = new SortedTable("");
    expect(t.size).toBe(0);
    expect(t.get("a")).toBeUndefined();
  });
});

describe("the dictionary over its tables", () => {
  const dict = buildDictionary([
    ["外交", "外交", "wai4 jiao1", ["diplomacy", "diplomatic", "foreign affairs"]],
    ["發展", "发展", "fa1 zhan3", ["to develop", "development"]],
    ["推動", "推动", "tui1 dong4", ["to push (for acceptance of a plan)"]],
    ["王", "王", "Wang2", ["surname Wang"]],
    ["毅", "毅", "yi4", ["firm and resolute"]],
  ]);

  it("gives the English stems, the noun sense and the pinyin of single characters", () => {
    expect(dict.glosses("外交")).toEqual(expect.arrayContaining(["diplomaci", "foreign", "affair"]));
    expect(dict.nounish("发展")).toBe(true);
    expect(dict.nounish("推动")).toBe(false);
    expect(dict.glosses("推动")).toContain("push");
    expect(dict.glosses("美国")).toBeUndefined();
    expect(dict.nounish("美国")).toBe(false);
    expect(dict.readings?.get("王")).toEqual(["wang"]);
    expect(dict.readings?.get("美")).toBeUndefined();
    // Asked twice: the memo gives the same answer.
    expect(dict.glosses("外交")).toBe(dict.glosses("外交"));
  });
});

describe("cachedTable", () => {
  it("builds once, reads the cache after, and rebuilds when a source is newer", () => {
    const dir = mkdtempSync(join(tmpdir(), "termbridge-table-"));
    const source = join(dir, "data.txt");
    writeFileSync(source, "b 2\na 1\n");
    const name = `test-${process.pid}.tsv`;
    const cache = fileURLToPath(new URL(`../../src/lexicon/${name}`, import.meta.url));
    let builds = 0;
    const build = () => {
      builds++;
      return [["b", "2"], ["a", "1"]] as const;
    };
    try {
      expect(cachedTable(name, [source], build).get("a")).toBe("1");
      expect(cachedTable(name, [source], build).get("b")).toBe("2");
      expect(builds).toBe(1);
      const later = new Date(Date.now() + 60_000);
      utimesSync(source, later, later);
      expect(cachedTable(name, [source], build).size).toBe(2);
      expect(builds).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(cache, { force: true });
    }
  });
});
