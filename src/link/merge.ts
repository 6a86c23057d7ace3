import { emptyCounts, type Cooccurrence, type Meeting } from "./counts.js";

/**
 * Adds the counts `from` into `into`, as if `from`'s documents had been counted into it. The sum
 * is associative and commutative in all that is read of it: frequencies and pairs add up, and a
 * pair's beads and documents are ranked by score and corpus place when read (see `pairEvidence`),
 * not by the order they came in. Each document must be in one of the two only (places are
 * unique). With `take`, `from` is used up: its tables may move into `into`, and it must not be
 * read again.
 */
export function mergeCounts(into: Cooccurrence, from: Cooccurrence, take = false): void {
  // Taken into nothing (the first document of a run, or a memory that is one document): the tables move.
  if (take && into.beads === 0 && into.docs === 0) {
    Object.assign(into, from);
    return;
  }
  const offset = into.meetings.length;
  into.beads += from.beads;
  into.docs += from.docs;
  for (let g = 0; g < from.meetings.length; g++) {
    into.meetings.push(from.meetings[g]!);
    into.rivals.push(from.rivals[g]!);
    into.beadZh.push(from.beadZh[g]!);
  }
  for (const [side, fromSide] of [
    [into.en, from.en],
    [into.zh, from.zh],
  ] as const) {
    for (const [k, beads] of fromSide) {
      let list = side.get(k);
      if (!list) side.set(k, (list = []));
      for (const g of beads) list.push(g + offset);
    }
  }
}

/** Counts as plain JSON data: documents and keys once each, beads as numbers into them. */
export interface CountsWire {
  beads: number;
  docs: number;
  /** [name, corpus place] of the documents the beads are in. */
  docNames: Array<[string, number]>;
  /** [document number in `docNames`, bead, score, English, Chinese, rivals] per bead counted. */
  meetings: Array<[number, number, number, string, string, number]>;
  /** English key and the beads it is in. */
  en: Array<[string, number[]]>;
  zhKeys: string[];
  /** Per bead, its Chinese keys as numbers into `zhKeys` (the beads of each Chinese key follow from them). */
  beadZh: number[][];
}

/** `counts` as {@link CountsWire}. */
export function encodeCounts(counts: Cooccurrence): CountsWire {
  const docNo = new Map<number, number>();
  const docNames: CountsWire["docNames"] = [];
  const meetings = counts.meetings.map((m, g): CountsWire["meetings"][number] => {
    let d = docNo.get(m.ord);
    if (d === undefined) docNo.set(m.ord, (d = docNames.push([m.doc, m.ord]) - 1));
    return [d, m.bead, m.score, m.en, m.zh, counts.rivals[g]!];
  });
  const zhKeys = [...counts.zh.keys()];
  const zhNo = new Map(zhKeys.map((k, i) => [k, i]));
  return { beads: counts.beads, docs: counts.docs, docNames, meetings, en: [...counts.en], zhKeys, beadZh: counts.beadZh.map((ks) => ks.map((k) => zhNo.get(k)!)) };
}

/** Counts back from {@link encodeCounts}. */
export function decodeCounts(w: CountsWire): Cooccurrence {
  const c = emptyCounts();
  c.beads = w.beads;
  c.docs = w.docs;
  c.meetings = w.meetings.map(([d, bead, score, en, zh]): Meeting => ({ doc: w.docNames[d]![0], ord: w.docNames[d]![1], bead, score, en, zh }));
  c.rivals = w.meetings.map((m) => m[5]);
  c.en = new Map(w.en);
  for (const k of w.zhKeys) c.zh.set(k, []);
  c.beadZh = w.beadZh.map((ks, g) =>
    ks.map((i) => {
      const k = w.zhKeys[i]!;
      c.zh.get(k)!.push(g);
      return k;
    }),
  );
  return c;
}
