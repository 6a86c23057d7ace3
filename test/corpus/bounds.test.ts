import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { documentPartial, mergePartials, type CorpusPartial } from "../../src/corpus/partial.js";
import { mergePlan, mergeRandomly } from "./shuffle.js";
import { countDocument, emptyCounts, MAX_DOCS, MAX_MEETINGS, pairEvidence, tallies, type Cooccurrence } from "../../src/link/counts.js";
import type { AlignedDoc, DocMentions, Lang, Mention, Sentence } from "../../src/model/index.js";
import { TermCounter } from "../../src/terms/termhood.js";

/**
 * Synthetic documents that push every bound of the counts: pairs met in more than `MAX_DOCS`
 * documents and more than `MAX_MEETINGS` beads, on few distinct scores (ties across documents),
 * keys with more than 16 spellings and neighbours, nested mentions, acronym expansions and names.
 */
function corpus(seed: number, docs: number): Array<{ aligned: AlignedDoc; mentions: DocMentions }> {
  let s = seed;
  const rand = (n: number) => ((s = (s * 1103515245 + 12345) % 2147483648), Math.floor(s / 65536) % n);
  const out: Array<{ aligned: AlignedDoc; mentions: DocMentions }> = [];
  for (let d = 0; d < docs; d++) {
    const doc = `doc${String(rand(1000)).padStart(3, "0")}-${d}`;
    const beads = 3 + rand(4);
    const sentences = (lang: Lang): Sentence[] => Array.from({ length: beads }, (_, k) => ({ doc, lang, text: "x".repeat(40), start: 0, end: 40, line: k + 1, paragraph: k }));
    const mentions = (lang: Lang): Mention[][] =>
      Array.from({ length: beads }, () =>
        Array.from({ length: 1 + rand(4) }, (): Mention => {
          const key = `${lang}${rand(6)}`;
          const start = rand(20);
          const end = start + 1 + rand(15);
          return {
            lang,
            key,
            surface: `${key}-${rand(24)}`,
            words: 1 + rand(3),
            pattern: ["N", "A N", "NAME"][rand(3)]!,
            start,
            end,
            left: `l${rand(24)}`,
            right: `r${rand(24)}`,
            maximal: rand(2) === 0,
            ...(rand(5) === 0 ? { named: true } : {}),
            ...(rand(7) === 0 ? { expands: `x${rand(3)}` } : {}),
          };
        }),
      );
    out.push({
      aligned: { doc, path: doc, encodings: ["utf-8"], en: sentences("en"), zh: sentences("zh"), beads: Array.from({ length: beads }, (_, k) => ({ en: [k], zh: [k], score: [0.5, 0.7, 0.9][rand(3)]! })), diagnostics: [], paragraphs: { en: beads, zh: beads } },
      mentions: { doc, en: mentions("en"), zh: mentions("zh") },
    });
  }
  return out;
}

/** Everything linking reads of the counts, in a fixed order. */
function view(counts: Cooccurrence) {
  const pairs = [...tallies(counts)]
    .map((t) => {
      const ev = pairEvidence(counts, t.en, t.zh);
      return [t.en, t.zh, t.cooc, ev.docCount, t.rivals, ev.docs, ev.meetings.map((m) => [m.doc, m.bead, m.score, m.en, m.zh])] as const;
    })
    .sort((a, b) => (a[0] + "\t" + a[1] < b[0] + "\t" + b[1] ? -1 : 1));
  // A key's beads are numbered in the order counted; how many there are is what is read.
  const sorted = (m: Map<string, number[]>) => [...m].map(([k, beads]) => [k, beads.length] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return { beads: counts.beads, en: sorted(counts.en), zh: sorted(counts.zh), pairs };
}

describe("partials merged at the bounds of the counts", () => {
  const docs = corpus(7, 90);
  // The sequential count, one document after the other, as before partials existed.
  const en = new TermCounter("en");
  const zh = new TermCounter("zh");
  const counts = emptyCounts();
  for (const { aligned, mentions } of docs) {
    en.add(aligned.doc, mentions.en);
    zh.add(aligned.doc, mentions.zh);
    countDocument(counts, aligned, mentions);
  }

  it("the corpus reaches the bounds", () => {
    const ts = [...tallies(counts)];
    expect(ts.some((t) => pairEvidence(counts, t.en, t.zh).docCount > MAX_DOCS)).toBe(true);
    expect(ts.some((t) => t.cooc > MAX_MEETINGS)).toBe(true);
    expect(en.candidates().some((c) => c.leftVariety === 16)).toBe(true);
  });

  it("the pairs counted from the beads are every English key of a bead met with every Chinese key of it", () => {
    const want = new Map<string, { cooc: number; rivals: number }>();
    for (const { aligned, mentions } of docs) {
      for (const bead of aligned.beads) {
        const keys = (side: readonly number[], ms: readonly Mention[][]) => new Set(side.flatMap((s) => ms[s]!.map((m) => m.key)));
        const rivals = new Set(bead.zh.flatMap((j) => mentions.zh[j]!.filter((m) => m.maximal).map((m) => m.key))).size;
        for (const e of keys(bead.en, mentions.en)) {
          for (const z of keys(bead.zh, mentions.zh)) {
            const t = want.get(`${e}|${z}`) ?? { cooc: 0, rivals: Infinity };
            want.set(`${e}|${z}`, { cooc: t.cooc + 1, rivals: Math.min(t.rivals, rivals) });
          }
        }
      }
    }
    const got = new Map([...tallies(counts)].map((t) => [`${t.en}|${t.zh}`, { cooc: t.cooc, rivals: t.rivals }]));
    expect(got).toEqual(want);
  });

  it("any order and grouping gives the sequential counts and candidates", { timeout: 300_000 }, () => {
    const parts = (): CorpusPartial[] => docs.map((d, ord) => documentPartial(ord, "parallel", d.aligned, d.mentions));
    fc.assert(
      fc.property(...mergePlan(docs.length), (keys, steps) => {
        const list = mergeRandomly(parts(), keys, steps);
        const whole = mergePartials(...list);
        expect(view(whole.counts)).toEqual(view(counts));
        expect(whole.en.candidates()).toEqual(en.candidates());
        expect(whole.zh.candidates()).toEqual(zh.candidates());
        expect(whole.docs.map((d) => d.ord)).toEqual(docs.map((_, k) => k));
      }),
      { numRuns: 25, seed: 1205 },
    );
  });
});
