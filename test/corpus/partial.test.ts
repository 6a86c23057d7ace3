import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { resources } from "../../src/cli/resources.js";
import { decodePartial, emptyPartial, encodePartial, mergeInto, mergePartials, type CorpusPartial } from "../../src/corpus/partial.js";
import { mergePlan, mergeRandomly } from "./shuffle.js";
import { analyseInput, CorpusRun, partialOf, type Analysed, type Input, type Resources } from "../../src/pipeline.js";

const ROOT = join(import.meta.dirname, "../..");
const NOW = new Date("2026-01-02T03:04:05Z");
const src = (id: string, text: string) => ({ id, path: id, encoding: "utf-8" as const, text });

/**
 * A corpus of several documents that share terms: the example's checked sentences cut into
 * pieces of different lengths (one piece twice under another name, so that units repeat across
 * documents and pairs meet in beads of equal score), beside the example and the shared sample whole.
 */
function corpus(): Input[] {
  const key = JSON.parse(readFileSync(join(ROOT, "test/golden/ministry-briefing.sentences.json"), "utf8")) as { en: string[]; zh: string[] };
  const cuts = [0, 5, 9, 17, 22, 30, key.en.length];
  const inputs: Input[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const [a, b] = [cuts[k]!, cuts[k + 1]!];
    inputs.push({ kind: "parallel", en: src(`piece${k}.en.txt`, key.en.slice(a, b).join("\n") + "\n"), zh: src(`piece${k}.zh.txt`, key.zh.slice(a, b).join("\n") + "\n"), presplit: true });
  }
  inputs.push({ kind: "parallel", en: src("again.en.txt", key.en.slice(5, 17).join("\n") + "\n"), zh: src("again.zh.txt", key.zh.slice(5, 17).join("\n") + "\n"), presplit: true });
  inputs.push({ kind: "mixed", src: src("examples/ministry-briefing.md", readFileSync(join(ROOT, "examples/ministry-briefing.md"), "utf8")) });
  const sample = join(ROOT, "../shared/samples/press-conference-2024-03-07.txt");
  try {
    inputs.push({ kind: "mixed", src: src("press-conference.txt", readFileSync(sample, "utf8")) });
  } catch {
    // The shared sample is outside the repository: the corpus is still several documents without it.
  }
  return inputs;
}

describe("a corpus merged from per-document partials", () => {
  let res: Resources;
  let inputs: Input[];
  let analysed: Analysed[];
  let reference: { tmx: string; csv: string; duplicates: number };
  const opts = { now: () => NOW };

  /** Runs the corpus through `CorpusRun`, fed the given partials in order. */
  const finish = (parts: readonly CorpusPartial[]): { tmx: string; csv: string } => {
    let tmx = "";
    const run = new CorpusRun(res, opts, (c) => (tmx += c));
    for (const p of parts) run.addPartial(p);
    return { csv: run.finish().termsCsv, tmx };
  };
  const partials = (): CorpusPartial[] => analysed.map((a, ord) => partialOf(ord, inputs[ord]!.kind, a));

  beforeAll(async () => {
    res = await resources(mkdtempSync(join(tmpdir(), "tb-partial-")));
    inputs = corpus();
    analysed = inputs.map((i) => analyseInput(i, res));
    // The one-process run, documents one at a time, as `termbridge run` does it.
    let tmx = "";
    const run = new CorpusRun(res, opts, (c) => (tmx += c));
    for (const input of inputs) run.add(input);
    const r = run.finish();
    reference = { csv: r.termsCsv, tmx, duplicates: r.tmxStats.duplicates };
  }, 600_000);

  it("the corpus is a real test: several documents, linked pairs, repeated units", () => {
    expect(inputs.length).toBeGreaterThanOrEqual(8);
    expect(reference.csv.split("\n").length).toBeGreaterThan(20);
    // The repeated piece's units are written once.
    const units = [...reference.tmx.matchAll(/<tu /g)].length;
    expect(units).toBeGreaterThan(30);
    // The repeated piece's units that it shares with the others are written once.
    expect(reference.duplicates).toBeGreaterThan(0);
  });

  it("the per-document partials taken in order give the one-process run's files", () => {
    expect(finish(partials())).toEqual({ csv: reference.csv, tmx: reference.tmx });
  });

  it("merged in any order and grouping, through JSON or not, they give byte-identical terms.csv and memory.tmx", () => {
    const n = analysed.length;
    fc.assert(
      fc.property(...mergePlan(n), (keys, steps) => {
          // Whatever is left unmerged goes in corpus order, the way the CLI takes results.
          const list = mergeRandomly(partials(), keys, steps);
          const whole = list.length === 1 ? list : [mergePartials(...list)];
          expect(finish(whole)).toEqual({ csv: reference.csv, tmx: reference.tmx });
      }),
      // Each case links the whole corpus again (a few seconds on a busy machine).
      { numRuns: 12, seed: 20261205 },
    );
  }, 600_000);

  it("a partial read back from JSON is the same partial", () => {
    const all = mergePartials(...partials());
    const again = decodePartial(JSON.parse(JSON.stringify(encodePartial(all))));
    expect(encodePartial(again)).toEqual(encodePartial(all));
  });

  it("partials taken (their tables moved, not copied) merge to the same counts as partials copied", () => {
    const copied = mergePartials(...partials());
    const taken = emptyPartial();
    for (const p of partials()) mergeInto(taken, p, true);
    expect(encodePartial(taken)).toEqual(encodePartial(copied));
    // Taking into a total that already holds documents moves each new tally and keeps the sum.
    const [first, ...rest] = partials();
    const into = mergePartials(first!);
    for (const p of rest) mergeInto(into, p, true);
    expect(encodePartial(into)).toEqual(encodePartial(copied));
  });

  it("refuses a partial of another format version, and the same document twice", () => {
    const p = encodePartial(partials()[0]!);
    expect(() => decodePartial({ ...p, v: 3 as 4 })).toThrow(/format 3 .*same termbridge version/);
    expect(() => mergePartials(partials()[0]!, partials()[0]!)).toThrow(/place 0 is in both/);
  });
});
