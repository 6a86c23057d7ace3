import { describe, expect, it } from "vitest";
import { foldEn, judgementsFor, loadTermGold, scoreTerms, zhForms } from "../../src/eval/terms.js";
import type { TermPair } from "../../src/model/index.js";

const pair = (en: string, zh: string, extra: Partial<TermPair> = {}): TermPair => ({
  id: "t", en, zh, enKey: en, zhKey: zh, enVariants: [], zhVariants: [], score: 1, enCount: 1, zhCount: 1, cooc: 1, logDice: 14, llr: 0, dict: 1,
  exampleEn: "", exampleZh: "", source: { doc: "d", bead: 0 }, docs: ["d"], docCount: 1, ...extra,
});

describe("term scorer", () => {
  const meet = (a: string, b: string) => foldEn(a).some((x) => foldEn(b).includes(x));
  it.each([
    ["Confirmed Cases", "confirmed case", true],
    ["Viruses", "virus", true],
    ["therapies", "therapy", true],
    ["diagnosis", "diagnosis", true],
    ["SARS", "sars", true],
    ["SARS", "SAR", false],
    ["case", "cause", false],
  ])("%s and %s meet: %s", (a, b, want) => {
    expect(meet(a, b)).toBe(want);
  });

  it("splits Chinese variants at | : / and drops parentheticals", () => {
    expect(zhForms("新型冠状病毒肺炎 (COVID-19)|新冠肺炎")).toEqual(expect.arrayContaining(["新型冠状病毒肺炎", "新冠肺炎"]));
    expect(zhForms("发热/发烧")).toEqual(expect.arrayContaining(["发热", "发烧"]));
  });

  const gold = loadTermGold(
    "en\tzh_variants\ten_count\tzh_count\tcooc\ttier\nfever\t发热|发烧\t5\t5\t5\tcore\nquarantine\t隔离\t3\t3\t3\tcore\nSARS\tSARS\t2\t1\t1\tloose\n",
    "en\tzh\nvaccine\t疫苗\n",
    "# judged\nlt\tlt\tno\nRNA\tRNA\tok\n",
  );

  it("scores recall per tier, variants included, and precision at K", () => {
    const pairs = [pair("Fevers", "发烧"), pair("RNA", "RNA"), pair("lt", "lt"), pair("vaccine", "疫苗"), pair("mask", "口罩"), pair("isolation", "检疫", { zhVariants: ["隔离"], enVariants: ["quarantine"] })];
    const s = scoreTerms(pairs, gold, [2, 4, 6, 10]);
    expect(s.recall.core).toEqual({ found: 2, total: 2, recall: 1 });
    expect(s.recall.loose).toEqual({ found: 0, total: 1, recall: 0 });
    expect(s.missed.loose).toEqual(["SARS SARS"]);
    expect(s.verdicts).toEqual(["+", "+", "-", "+", "?", "+"]);
    expect(s.precision[2]).toBe(1);
    expect(s.precision[4]).toBe(0.75);
    expect(s.precision[6]).toBeCloseTo(4 / 6);
    expect(s.unjudged[6]).toBe(1);
    // Fewer pairs than K: no figure rather than a flattering one.
    expect(s.precision[10]).toBeUndefined();
  });

  it("reads a gold list with en and zh variants and tiers (the magazine layout)", () => {
    const g = loadTermGold(
      "en\tzh\ten_variants\tzh_variants\ttier\ten_count\tzh_count\tcooc\nBritain\t英国\tUK|Brits\t\tcore\t7\t24\t7\nsea water\t海水\t\t咸水\textended\t1\t1\t1\n",
      "# general words\nriver\t河流\n",
      "",
    );
    const s = scoreTerms([pair("UK", "英国"), pair("river", "河流"), pair("sea", "咸水")], g, [3]);
    expect(s.recall.core).toEqual({ found: 1, total: 1, recall: 1 });
    expect(s.recall.extended).toEqual({ found: 0, total: 1, recall: 0 });
    expect(s.verdicts).toEqual(["+", "+", "?"]);
  });

  it("keeps the judgements of one set: lines before any section apply to all", () => {
    const j = "# rules\na\tA\tok\n#@ one\nb\tB\tok\n#@ two\nc\tC\tno\n";
    expect(judgementsFor(j, "one").split("\n").filter((l) => l && !l.startsWith("#"))).toEqual(["a\tA\tok", "b\tB\tok"]);
    expect(judgementsFor(j, "two").split("\n").filter((l) => l && !l.startsWith("#"))).toEqual(["a\tA\tok", "c\tC\tno"]);
  });
});
