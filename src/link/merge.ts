import { addTallies, emptyCounts, type Cooccurrence, type Meeting } from "./counts.js";

/**
 * Adds the counts `from` into `into`, as if `from`'s documents had been counted into it. The sum
 * is associative and commutative in all that is read of it: frequencies and meetings add up, each
 * pair keeps the fewest rivals, and a pair's beads and documents are ranked by score and corpus
 * place when read (see `pairEvidence`), not by the order they came in. Each document must be in
 * one of the two only (places are unique). With `take`, `from` is used up: its tables move into
 * `into` rather than being copied, and it must not be read again.
 */
export function mergeCounts(into: Cooccurrence, from: Cooccurrence, take = false): void {
  // Taken into nothing (the first document of a run, or a memory that is one document): the tables move.
  if (take && into.beads === 0 && into.docs === 0 && into.size === 0) {
    Object.assign(into, from);
    return;
  }
  const offset = into.meetings.length;
  into.beads += from.beads;
  into.docs += from.docs;
  for (const m of from.meetings) into.meetings.push(m);
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
  for (const [e, fromRow] of from.pairs) {
    const row = into.pairs.get(e);
    if (!row) {
      into.pairs.set(e, take ? fromRow : new Map(fromRow));
      into.size += fromRow.size;
      continue;
    }
    for (const [z, v] of fromRow) {
      const t = row.get(z);
      if (t === undefined) into.size++;
      row.set(z, t === undefined ? v : addTallies(t, v));
    }
  }
}

/** Counts as plain JSON data: documents and beads once each, keys with their beads, tallies packed. */
export interface CountsWire {
  beads: number;
  docs: number;
  /** [name, corpus place] of the documents the beads are in. */
  docNames: Array<[string, number]>;
  /** [document number in `docNames`, bead, score, English, Chinese] per bead counted. */
  meetings: Array<[number, number, number, string, string]>;
  en: Array<[string, number[]]>;
  zh: Array<[string, number[]]>;
  /** [English key, Chinese key, packed tally]. */
  pairs: Array<[string, string, number]>;
}

/** `counts` as {@link CountsWire}. */
export function encodeCounts(counts: Cooccurrence): CountsWire {
  const docNo = new Map<number, number>();
  const docNames: CountsWire["docNames"] = [];
  const meetings = counts.meetings.map((m): CountsWire["meetings"][number] => {
    let d = docNo.get(m.ord);
    if (d === undefined) docNo.set(m.ord, (d = docNames.push([m.doc, m.ord]) - 1));
    return [d, m.bead, m.score, m.en, m.zh];
  });
  const pairs: CountsWire["pairs"] = [];
  for (const [e, row] of counts.pairs) for (const [z, v] of row) pairs.push([e, z, v]);
  return { beads: counts.beads, docs: counts.docs, docNames, meetings, en: [...counts.en], zh: [...counts.zh], pairs };
}

/** Counts back from {@link encodeCounts}. */
export function decodeCounts(w: CountsWire): Cooccurrence {
  const c = emptyCounts();
  c.beads = w.beads;
  c.docs = w.docs;
  c.meetings = w.meetings.map(([d, bead, score, en, zh]): Meeting => ({ doc: w.docNames[d]![0], ord: w.docNames[d]![1], bead, score, en, zh }));
  c.en = new Map(w.en);
  c.zh = new Map(w.zh);
  for (const [e, z, v] of w.pairs) {
    let row = c.pairs.get(e);
    if (!row) c.pairs.set(e, (row = new Map()));
    row.set(z, v);
    c.size++;
  }
  return c;
}
