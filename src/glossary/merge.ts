import { num, oneLine } from "../export/csv.js";
import { pairKey, type GlossaryEntry, type LinkExclusions, type TermPair } from "../model/index.js";
import type { Glossary } from "./store.js";

/** What a merge did, for the run's summary line and report. */
export interface MergeSummary {
  /** New candidates from this run. */
  added: number;
  /** Entries this run saw again: evidence (score, counts, examples, last_seen) refreshed. */
  refreshed: number;
  /** Entries this run did not see, left as they were. */
  kept: number;
  /** Pairs of this run that a reviewer rejected or forbade: not brought back. */
  suppressed: number;
  /** Entries carrying a reviewer's decision (approved, rejected, forbidden); never changed by a run. */
  decisions: number;
}

export interface MergeOptions {
  /** Today as YYYY-MM-DD (from the injected clock). */
  today: string;
  /** Pairs scoring below this are not added as new candidates (they stay in terms.csv). */
  minScore: number;
}

/** Every (English, Chinese) form an entry answers to: main terms and variants. */
export function entryKeys(e: Pick<GlossaryEntry, "en" | "zh" | "enVariants" | "zhVariants">): string[] {
  const out: string[] = [];
  for (const en of [e.en, ...e.enVariants]) for (const zh of [e.zh, ...e.zhVariants]) out.push(pairKey(en, zh));
  return out;
}

function evidence(p: TermPair): Pick<GlossaryEntry, "score" | "enCount" | "zhCount" | "exampleEn" | "exampleZh"> {
  return { score: num(p.score, 3), enCount: String(p.enCount), zhCount: String(p.zhCount), exampleEn: oneLine(p.exampleEn), exampleZh: oneLine(p.exampleZh) };
}

/**
 * Merges one run's term pairs into the glossary. A pair is the entry with its id (derived from
 * its keys) or with its English and Chinese among the entry's terms and variants. New pairs are
 * added as candidates; seen entries get fresh evidence; what a person decided or wrote — status
 * other than candidate, an edited English or Chinese, variants, note, domain, own columns — is
 * never changed, and a rejected or forbidden pair never comes back. Pure: the caller writes.
 */
export function mergeGlossary(g: Glossary, pairs: readonly TermPair[], opts: MergeOptions): { glossary: Glossary; summary: MergeSummary } {
  const entries = g.entries.map((e) => ({ ...e, enVariants: [...e.enVariants], zhVariants: [...e.zhVariants], extra: { ...e.extra } }));
  const byId = new Map(entries.map((e) => [e.id, e]));
  const byPair = new Map<string, GlossaryEntry>();
  for (const e of entries) for (const k of entryKeys(e)) if (!byPair.has(k)) byPair.set(k, e);
  const seen = new Set<GlossaryEntry>();
  const summary: MergeSummary = { added: 0, refreshed: 0, kept: 0, suppressed: 0, decisions: entries.filter((e) => e.status !== "candidate").length };
  for (const p of pairs) {
    const match = byId.get(p.id) ?? entryKeys({ en: p.en, zh: p.zh, enVariants: p.enVariants, zhVariants: p.zhVariants }).map((k) => byPair.get(k)).find(Boolean);
    if (match) {
      if (seen.has(match)) continue;
      seen.add(match);
      if (match.status === "rejected" || match.status === "forbidden") {
        summary.suppressed++;
        continue;
      }
      const fresh = { ...evidence(p), lastSeen: opts.today };
      let changed = false;
      for (const [k, v] of Object.entries(fresh) as Array<[keyof typeof fresh, string]>) {
        if (match[k] !== v) {
          match[k] = v;
          changed = true;
        }
      }
      // A candidate gathers the forms the runs find; a decided entry's variants are the reviewer's.
      if (match.status === "candidate") {
        for (const v of p.enVariants) if (v !== match.en && !match.enVariants.includes(v)) (match.enVariants.push(v), (changed = true));
        for (const v of p.zhVariants) if (v !== match.zh && !match.zhVariants.includes(v)) (match.zhVariants.push(v), (changed = true));
      }
      if (!match.firstSeen) match.firstSeen = opts.today;
      if (changed) match.updated = opts.today;
      summary.refreshed++;
      continue;
    }
    if (p.score < opts.minScore) continue;
    const entry: GlossaryEntry = {
      id: p.id,
      en: p.en,
      zh: p.zh,
      status: "candidate",
      enVariants: [...p.enVariants],
      zhVariants: [...p.zhVariants],
      ...evidence(p),
      note: "",
      domain: "",
      firstSeen: opts.today,
      lastSeen: opts.today,
      updated: opts.today,
      extra: Object.fromEntries(g.extraColumns.map((c) => [c, ""])),
    };
    entries.push(entry);
    byId.set(entry.id, entry);
    for (const k of entryKeys(entry)) if (!byPair.has(k)) byPair.set(k, entry);
    seen.add(entry);
    summary.added++;
  }
  summary.kept = entries.length - seen.size;
  return { glossary: { entries, extraColumns: g.extraColumns }, summary };
}

/**
 * What a glossary tells the next run: pairs never to link (rejected, forbidden), terms never to
 * propose (those that occur only in rejected entries), and the Chinese terms jieba must keep whole
 * (approved ones), as a user dictionary.
 */
export function glossaryFeedback(g: Glossary): { exclusions: LinkExclusions; userDict: string } {
  const blockedPairs = new Set<string>();
  const live = { en: new Set<string>(), zh: new Set<string>() };
  const dead = { en: new Set<string>(), zh: new Set<string>() };
  const whole = new Set<string>();
  for (const e of g.entries) {
    const rejected = e.status === "rejected" || e.status === "forbidden";
    if (rejected) for (const k of entryKeys(e)) blockedPairs.add(k);
    for (const en of [e.en, ...e.enVariants]) (e.status === "rejected" ? dead : live).en.add(en.toLowerCase());
    for (const zh of [e.zh, ...e.zhVariants]) (e.status === "rejected" ? dead : live).zh.add(zh.replace(/\s+/g, ""));
    if (e.status === "approved") for (const zh of [e.zh, ...e.zhVariants]) if (/^\S{2,}$/.test(zh) && /\p{Script=Han}/u.test(zh)) whole.add(zh);
  }
  const stopEn = new Set([...dead.en].filter((t) => !live.en.has(t)));
  const stopZh = new Set([...dead.zh].filter((t) => !live.zh.has(t)));
  // nodejieba reads "word tag" lines; "n" makes the word a noun candidate.
  const userDict = [...whole].sort().map((w) => `${w} n\n`).join("");
  return { exclusions: { pairs: blockedPairs, en: stopEn, zh: stopZh }, userDict };
}
