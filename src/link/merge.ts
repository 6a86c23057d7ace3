import { DocSlots, emptyCounts, MAX_DOCS, MAX_MEETINGS, tallyDocNumbers, tallyMeetings, type Cooccurrence, type Meeting, type PairTally } from "./counts.js";

/**
 * Whether meeting `a` ranks before `b`: higher score, then the earlier document, then the earlier
 * bead. A total order, so the kept meetings do not depend on the order counts are merged in.
 */
export function meetsBefore(a: Meeting, b: Meeting): boolean {
  return a.score !== b.score ? a.score > b.score : a.ord !== b.ord ? a.ord < b.ord : a.bead < b.bead;
}

/** The best `MAX_MEETINGS` of two ranked lists, best first. */
function mergeMeetings(a: readonly Meeting[], b: readonly Meeting[]): Meeting[] {
  const out: Meeting[] = [];
  let i = 0;
  let j = 0;
  while (out.length < MAX_MEETINGS && (i < a.length || j < b.length)) {
    if (j >= b.length || (i < a.length && meetsBefore(a[i]!, b[j]!))) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}

/** Sets a tally's kept documents (numbers into `counts`, in corpus order, at most `MAX_DOCS`). */
function setDocs(counts: Cooccurrence, t: PairTally, docs: readonly number[]): void {
  t.firstDoc = docs[0]!;
  t.lastDoc = docs[docs.length - 1]!;
  if (docs.length > 1) {
    if (t.slot < 0) t.slot = counts.slots.alloc();
    for (let k = 1; k < docs.length; k++) counts.slots.set(t.slot, k - 1, docs[k]!);
  }
}

/**
 * Adds the counts `from` into `into`, as if `from`'s documents had been counted into it. The sum
 * is associative and commutative: frequencies and meetings add up, a pair keeps the first
 * `MAX_DOCS` documents by corpus place and the best `MAX_MEETINGS` meetings by {@link meetsBefore},
 * and the fewest rivals. Each document must be in one of the two only (places are unique).
 * With `take`, `from` is used up: its tallies move into `into` rather than being copied (a
 * memory of one document holds its pair table once, not twice), and it must not be read again.
 */
export function mergeCounts(into: Cooccurrence, from: Cooccurrence, take = false): void {
  // Taken into nothing (the first document of a run, or a memory that is one document): the tables move.
  if (take && into.beads === 0 && into.docNames.length === 0 && into.size === 0) {
    Object.assign(into, from);
    return;
  }
  into.beads += from.beads;
  for (const [k, n] of from.en) into.en.set(k, (into.en.get(k) ?? 0) + n);
  for (const [k, n] of from.zh) into.zh.set(k, (into.zh.get(k) ?? 0) + n);
  // `from`'s document numbers renumbered into `into`'s.
  const docMap = from.docNames.map((name, d) => {
    into.docOrds.push(from.docOrds[d]!);
    return into.docNames.push(name) - 1;
  });
  const byPlace = (x: number, y: number) => into.docOrds[x]! - into.docOrds[y]!;
  for (const [e, fromRow] of from.pairs) {
    let row = into.pairs.get(e);
    if (!row) into.pairs.set(e, (row = new Map()));
    for (const [z, f] of fromRow) {
      const fDocs = tallyDocNumbers(from, f).map((d) => docMap[d]!);
      const t = row.get(z);
      if (!t) {
        // A tally taken moves as it is (its meetings too); only its documents are renumbered.
        const n: PairTally = take ? Object.assign(f, { slot: -1 }) : { en: e, zh: z, cooc: f.cooc, best: f.best, top: f.top && tallyMeetings(f), firstDoc: 0, lastDoc: 0, docCount: f.docCount, slot: -1, rivals: f.rivals };
        setDocs(into, n, fDocs);
        row.set(z, n);
        into.size++;
        continue;
      }
      const mine = tallyDocNumbers(into, t);
      // Taken in corpus order (the usual case) the new documents come after the kept ones: a full
      // list stays as it is, and a short one is only extended.
      const after = into.docOrds[fDocs[0]!]! > into.docOrds[mine[mine.length - 1]!]!;
      if (!after) setDocs(into, t, [...mine, ...fDocs].sort(byPlace).slice(0, MAX_DOCS));
      else if (mine.length < MAX_DOCS) setDocs(into, t, [...mine, ...fDocs].slice(0, MAX_DOCS));
      // Read before `cooc` grows: it says how many meetings each list holds.
      const top = mergeMeetings(tallyMeetings(t), tallyMeetings(f));
      t.cooc += f.cooc;
      t.docCount += f.docCount;
      t.rivals = Math.min(t.rivals, f.rivals);
      t.best = top[0]!;
      t.top = top;
    }
  }
}

/** Counts as plain JSON data: meetings once each (a bead's meeting is shared by its pairs), tallies as rows. */
export interface CountsWire {
  beads: number;
  en: Array<[string, number]>;
  zh: Array<[string, number]>;
  /** [name, corpus place] per document number. */
  docs: Array<[string, number]>;
  /** [document number, bead, score, English, Chinese]. */
  meetings: Array<[number, number, number, string, string]>;
  /** [English key, Chinese key, meetings, rivals, documents met, kept document numbers, meeting numbers best first]. */
  pairs: Array<[string, string, number, number, number, number[], number[]]>;
}

/** `counts` as {@link CountsWire}. */
export function encodeCounts(counts: Cooccurrence): CountsWire {
  const docNo = new Map<number, number>();
  counts.docOrds.forEach((o, d) => docNo.set(o, d));
  const meetingNo = new Map<Meeting, number>();
  const meetings: CountsWire["meetings"] = [];
  const m = (x: Meeting): number => {
    let k = meetingNo.get(x);
    if (k === undefined) {
      meetingNo.set(x, (k = meetings.length));
      meetings.push([docNo.get(x.ord)!, x.bead, x.score, x.en, x.zh]);
    }
    return k;
  };
  const pairs: CountsWire["pairs"] = [];
  for (const row of counts.pairs.values()) for (const t of row.values()) pairs.push([t.en, t.zh, t.cooc, t.rivals, t.docCount, tallyDocNumbers(counts, t), tallyMeetings(t).map(m)]);
  return { beads: counts.beads, en: [...counts.en], zh: [...counts.zh], docs: counts.docNames.map((n, d) => [n, counts.docOrds[d]!]), meetings, pairs };
}

/** Counts back from {@link encodeCounts}. */
export function decodeCounts(w: CountsWire): Cooccurrence {
  const c = emptyCounts();
  c.beads = w.beads;
  for (const [k, n] of w.en) c.en.set(k, n);
  for (const [k, n] of w.zh) c.zh.set(k, n);
  for (const [name, ord] of w.docs) {
    c.docNames.push(name);
    c.docOrds.push(ord);
  }
  const meetings = w.meetings.map(([d, bead, score, en, zh]): Meeting => ({ doc: c.docNames[d]!, ord: c.docOrds[d]!, bead, score, en, zh }));
  for (const [e, z, cooc, rivals, docCount, docs, ms] of w.pairs) {
    let row = c.pairs.get(e);
    if (!row) c.pairs.set(e, (row = new Map()));
    const t: PairTally = { en: e, zh: z, cooc, best: meetings[ms[0]!]!, top: ms.length > 1 ? ms.map((k) => meetings[k]!) : undefined, firstDoc: 0, lastDoc: 0, docCount, slot: -1, rivals };
    setDocs(c, t, docs);
    row.set(z, t);
    c.size++;
  }
  return c;
}

export { DocSlots };
