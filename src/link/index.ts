import type { IdfTable } from "../lexicon/idf.js";
import { createHash } from "node:crypto";
import type { BilingualDictionary } from "../lexicon/dictionary.js";
import { pairKey, TITLE_PATTERN, type LinkExclusions, type TermCandidate, type TermPair } from "../model/index.js";
import { beadFreq, pairEvidence, pairRow, type Cooccurrence, type PairTally } from "./counts.js";
import { DictionarySupport } from "./dictionary.js";
import { llr, logDice } from "./measures.js";
import { isTranscription, sameTranscription } from "../lexicon/translit.js";
import { cmp, dropNestedExtents, EXTENT_MARGIN, type Scored } from "./extents.js";
import { nameHeadOf } from "./titles.js";
import { association, DEFAULT_LINK, linkScore, specificity, termKind, type LinkParams } from "./score.js";

export { countDocument, emptyCounts, type Cooccurrence } from "./counts.js";
export { DictionarySupport } from "./dictionary.js";
export { DEFAULT_LINK, type LinkParams } from "./score.js";

/** What linking needs besides the counts. */
export interface LinkResources {
  dict: BilingualDictionary;
  /** jieba's IDF table (general-language rarity of Chinese words). */
  idf: IdfTable;
}


/** Stable id of a pair: from its keys only, so a pair keeps its id across runs and corpora. */
export function pairId(enKey: string, zhKey: string): string {
  return "t" + createHash("sha1").update(`${enKey}\t${zhKey}`).digest("hex").slice(0, 10);
}

/** Content words of an English key, for the variant test. */
function words(key: string): Set<string> {
  return new Set(key.toLowerCase().split(/[\s-]+/).filter((w) => w.length >= 2 && !["of", "the", "and", "for", "on", "to"].includes(w)));
}

/** Whether `short` keeps the characters of `long` in order (全国人大 of 全国人民代表大会): an abbreviation. */
function abbreviates(short: string, long: string): boolean {
  // A contiguous piece (国际关系 of 国际关系民主化) is a nested extent, not an abbreviation.
  if (short.length >= long.length || long.includes(short)) return false;
  let k = 0;
  for (const c of long) if (c === short[k]) k++;
  return k === short.length && short[0] === long[0];
}

/**
 * Whether a second English or Chinese term may join an entry as a variant rather than
 * compete with it: an acronym and its expansion, a Chinese abbreviation, or a synonym with
 * dictionary support that shares no word (nested extents such as 共同体 of 命运共同体 are rivals).
 */
function isVariant(lang: "en" | "zh", key: string, entryKeys: readonly string[], s: Scored, expands: (k: string) => string | undefined, params: LinkParams, head: Scored, zhExpands?: (k: string) => string | undefined): boolean {
  // An acronym and its expansion, whichever came first ("GTS" ↔ 环球电信系统集团, then "Global TeleSystems Group").
  if (lang === "en" && entryKeys.some((k) => expands(key) === k || expands(k) === key)) return true;
  // A Chinese term written with its acronym in brackets (互联网应答机（IAM）) beside the acronym kept as it is.
  if (lang === "zh" && zhExpands !== undefined && entryKeys.some((k) => zhExpands(key) === k)) return true;
  // A name with its generic head written out (埃克森公司 beside 埃克森): the same name.
  if (lang === "zh" && entryKeys.some((k) => nameHeadOf(key, k) !== undefined || nameHeadOf(k, key) !== undefined)) return true;
  if (lang === "zh" && entryKeys.some((k) => abbreviates(key, k) || abbreviates(k, key))) return s.link >= params.variantShare * head.link;
  // The same term written shorter or fuller (埃博拉 beside 埃博拉病毒), with the dictionary's support: the text's other rendering.
  if (lang === "zh" && entryKeys.some((k) => k.includes(key) || key.includes(k))) return s.link >= params.variantShare * head.link && s.dict >= 0.5 && s.dict >= head.dict - EXTENT_MARGIN;
  // Another transcription of the same name (德克萨斯 beside 得克萨斯州), heard as the English as well.
  if (lang === "zh" && s.dict >= 0.5 && head.dict >= 0.5 && entryKeys.some((k) => sameTranscription(key, k))) return true;
  if (s.link < params.variantShare * head.link || s.dict < 0.5) return false;
  // Two English terms the dictionary gives whole for the same Chinese, neither inside the other, are
  // synonyms ("seasonal flu" beside "seasonal influenza" for 季节性流感), words shared or not.
  if (lang === "en" && s.dict >= FULL_SUPPORT && head.dict >= FULL_SUPPORT && head.tally.zh === s.tally.zh && !entryKeys.some((k) => k.includes(key) || key.includes(k))) return true;
  if (lang === "zh") return !entryKeys.some((k) => [...key].some((c) => k.includes(c)));
  const w = words(key);
  return !entryKeys.some((k) => [...words(k)].some((x) => w.has(x)));
}

/** Dictionary support at which a pair translates word for word. */
const FULL_SUPPORT = 0.9;

/** Support a title in 《》 lends a pair with an English name, as if the dictionary knew most of it. */
const TITLE_SUPPORT = 0.75;

/**
 * English names heard in a transcribed Chinese name they meet ("Paco Underhill" in 帕可·昂德希尔): a
 * person's name, whatever the tagger knew, so no title of a work in the same bead lends it support.
 */
function heardNames(counts: Cooccurrence, enBy: ReadonlyMap<string, TermCandidate>, zhBy: ReadonlyMap<string, TermCandidate>, support: DictionarySupport): { heard: Set<string>; supports: Map<string, number> } {
  const heard = new Set<string>();
  // The supports found here are the linker's own (a name may always be heard): kept, not computed twice.
  const supports = new Map<string, number>();
  for (const ek of counts.en.keys()) {
    if (enBy.get(ek)?.pattern !== "NAME") continue;
    for (const zk of pairRow(counts, ek).keys()) {
      if (heard.has(ek) || !isTranscription(zhBy.get(zk)?.key ?? "")) continue;
      const sup = support.support(ek, zk);
      supports.set(`${ek}\t${zk}`, sup);
      if (sup >= HEARD) heard.add(ek);
    }
  }
  return { heard, supports };
}

/**
 * Whether an English candidate may be a name written by sound in Chinese: a name, or written with a
 * capital; not an acronym (Chinese keeps it in letters or translates it: "U.S." is not heard in 用于).
 */
const mayBeName = (e: TermCandidate): boolean => e.pattern !== "ACR" && (e.pattern === "NAME" || e.named === true || /^\p{Lu}/u.test(e.surface));

/** Dictionary support from sound at which an English name counts as heard in a transcription. */
const HEARD = 0.4;


/**
 * Links English and Chinese term candidates that meet in aligned beads. Every pair is scored
 * by association and dictionary support; pairs are then taken best first, each term in one
 * entry only (competitive linking), except that a second translation with a score close to
 * the entry's and no overlap with its terms joins the entry as a variant (an abbreviation,
 * a synonym, an acronym with its expansion).
 */
export function linkTerms(counts: Cooccurrence, en: readonly TermCandidate[], zh: readonly TermCandidate[], res: LinkResources, params: LinkParams = DEFAULT_LINK, exclude?: LinkExclusions): TermPair[] {
  const enBy = new Map(en.map((c) => [c.key, c]));
  const zhBy = new Map(zh.map((c) => [c.key, c]));
  const support = new DictionarySupport(res.dict);
  const scored: Scored[] = [];
  const { heard, supports } = heardNames(counts, enBy, zhBy, support);
  // Row by row: the English side's lookups are made once per English key, not once per pair.
  for (const ek of counts.en.keys()) {
    const e = enBy.get(ek);
    if (!e) continue;
    const fEn = beadFreq(counts.en, ek);
    for (const [zk, t] of pairRow(counts, ek)) {
      const z = zhBy.get(zk);
      if (!z) continue;
      // A reviewer's rejections: the pair, or a term that was only ever rejected, does not come back.
      if (exclude && (exclude.en.has(e.key.toLowerCase()) || exclude.en.has(e.surface.toLowerCase()) || exclude.zh.has(z.key) || exclude.pairs.has(pairKey(e.surface, z.surface)) || exclude.pairs.has(pairKey(e.key, z.key)))) continue;
      const fZh = beadFreq(counts.zh, zk);
      const assoc = association(t.cooc, fEn, fZh, t.rivals);
      const dice = (2 * t.cooc) / (fEn + fZh);
      // The dictionary is the costly part: a pair that would not link even with its full support is not looked up.
      if (linkScore(1, assoc, dice, params) < params.minLink) continue;
      let dict = supports.get(`${ek}\t${zk}`) ?? support.support(t.en, t.zh, mayBeName(e));
      // An acronym is as well supported as its expansion (SCO ↔ 上海合作组织 through "Shanghai Cooperation Organization").
      if (e.expands && enBy.has(e.expands)) dict = Math.max(dict, support.support(e.expands, t.zh));
      // A title in 《》 against an English name that is not a person's or a place's: the form says both
      // name a work, whatever their words.
      // Its own words still count, so that of two titles in one bead each goes to its own English.
      if (z.pattern === TITLE_PATTERN && e.pattern === "NAME" && !e.named && !heard.has(e.key)) dict = Math.max(dict, TITLE_SUPPORT + (1 - TITLE_SUPPORT) * dict);
      // A Chinese verb or set phrase standing alone links only where the dictionary says it translates the English
      // (咳嗽 "to cough") or where the two keep meeting (爆发 ↔ outbreak).
      if ((z.pattern === "V" || z.pattern === "I") && dict < 0.5 && !(t.cooc >= 3 && dice >= 0.5)) continue;
      const link = linkScore(dict, assoc, dice, params);
      if (link >= params.minLink) scored.push({ tally: t, dict, link });
    }
  }
  const titledNames = new Map<Scored, Scored>();
  const kept = dropNestedExtents(scored, enBy, zhBy, titledNames, support);
  // Ties go to the pair whose lengths agree best (about two Chinese characters an English word:
  // Ebola ↔ 埃博拉 before 埃博拉病毒), then by keys for a stable order.
  const misfits = new Map(kept.map((s) => [s, Math.abs([...s.tally.zh].length - 2 * s.tally.en.split(/[\s-]+/).length)]));
  kept.sort((a, b) => b.link - a.link || b.tally.cooc - a.tally.cooc || misfits.get(a)! - misfits.get(b)! || cmp(a.tally.en, b.tally.en) || cmp(a.tally.zh, b.tally.zh));

  const expandsOf = (k: string): string | undefined => enBy.get(k)?.expands;
  const expandedBy = new Map<string, string>();
  for (const c of en) if (c.expands) expandedBy.set(c.expands, c.key);
  /** The entry of the acronym both sides of a pair expand (or of the expansion an English acronym stands for). */
  const acronymEntry = (ek: string, zk: string): (typeof entries)[number] | undefined => {
    const acr = zhBy.get(zk)?.expands;
    if (acr === undefined) return undefined;
    const entry = byZh.get(acr);
    if (!entry) return undefined;
    const enRelated = [expandsOf(ek), expandedBy.get(ek)].some((k) => k !== undefined && entry.en.includes(k));
    return enRelated ? entry : undefined;
  };
  const entries: Array<{ head: Scored; en: string[]; zh: string[] }> = [];
  const byEn = new Map<string, (typeof entries)[number]>();
  const byZh = new Map<string, (typeof entries)[number]>();
  for (const s of kept) {
    const { en: ek, zh: zk } = s.tally;
    const ee = byEn.get(ek);
    const ze = byZh.get(zk);
    const both = !ee && !ze ? acronymEntry(ek, zk) : undefined;
    if (both) {
      // Written out on both sides beside an acronym both keep (IAM ↔ IAM): the same entry.
      both.en.push(ek);
      both.zh.push(zk);
      byEn.set(ek, both);
      byZh.set(zk, both);
    } else if (!ee && !ze) {
      const entry = { head: s, en: [ek], zh: [zk] };
      entries.push(entry);
      byEn.set(ek, entry);
      byZh.set(zk, entry);
    } else if (ee && !ze && (ee.en.includes(zk) || isVariant("zh", zk, ee.zh, s, expandsOf, params, ee.head, (k) => zhBy.get(k)?.expands))) {
      // An acronym the Chinese writes as it is (WHO) joins the entry that holds it on the English side.
      ee.zh.push(zk);
      byZh.set(zk, ee);
    } else if (ze && !ee && isVariant("en", ek, ze.en, s, expandsOf, params, ze.head)) {
      ze.en.push(ek);
      byEn.set(ek, ze);
    }
  }

  // The person with the title (Prince Charles ↔ 查尔斯王子) joins the entry of the bare name as a variant on each side.
  for (const [titled, name] of [...titledNames].sort((a, b) => b[0].link - a[0].link || cmp(a[0].tally.en, b[0].tally.en) || cmp(a[0].tally.zh, b[0].tally.zh))) {
    const entry = byEn.get(name.tally.en);
    if (!entry || byZh.get(name.tally.zh) !== entry) continue;
    const { en: ek, zh: zk } = titled.tally;
    if (!byEn.has(ek)) {
      entry.en.push(ek);
      byEn.set(ek, entry);
    }
    if (!byZh.has(zk)) {
      entry.zh.push(zk);
      byZh.set(zk, entry);
    }
  }

  // An acronym the Chinese writes as it is (SCO ↔ SCO), linked before its expansion, joins the expansion's entry.
  const merged = new Set<(typeof entries)[number]>();
  for (const entry of entries) {
    const acr = entry.en[0]!;
    if (entry.en.length !== 1 || entry.zh.length !== 1 || acr !== entry.zh[0]) continue;
    const full = [expandsOf(acr), expandedBy.get(acr)].find((k) => k !== undefined && byEn.has(k) && byEn.get(k) !== entry);
    if (full === undefined) continue;
    const into = byEn.get(full)!;
    if (!into.en.includes(acr)) into.en.push(acr);
    into.zh.push(acr);
    byEn.set(acr, into);
    byZh.set(acr, into);
    merged.add(entry);
  }

  // An acronym kept as it is on both sides (WM ↔ WM) does not head an entry that translates it (western medicine ↔ 西药);
  // the entry keeps the rank its strongest pair gives it.
  let keptBy: Map<string, Scored> | undefined;
  const strength = new Map<(typeof entries)[number], number>();
  for (const entry of entries) {
    if (entry.head.tally.en !== entry.head.tally.zh) continue;
    keptBy ??= new Map(kept.map((s) => [`${s.tally.en}\t${s.tally.zh}`, s]));
    // The Chinese written in Chinese first (GSM ↔ 全球数字移动电话网, not "Global System…" ↔ GSM), then the stronger link.
    const rank = (s: Scored): number => (entry.en.includes(s.tally.zh) ? 0 : 2) + s.link;
    let best: Scored | undefined;
    for (const ek of entry.en) {
      for (const zk of entry.zh) {
        const s = ek === zk ? undefined : keptBy.get(`${ek}\t${zk}`);
        if (s && (!best || rank(s) > rank(best))) best = s;
      }
    }
    if (!best) continue;
    const { en: bestEn, zh: bestZh } = best.tally;
    strength.set(entry, entry.head.link);
    entry.head = best;
    entry.en = [bestEn, ...entry.en.filter((k) => k !== bestEn)];
    entry.zh = [bestZh, ...entry.zh.filter((k) => k !== bestZh)];
  }

  const pairs = entries.filter((e) => !merged.has(e)).map((entry): TermPair => {
    const { head, en: ens, zh: zhs } = entry;
    const t = head.tally;
    const e = enBy.get(t.en)!;
    const z = zhBy.get(t.zh)!;
    const fEn = beadFreq(counts.en, t.en);
    const fZh = beadFreq(counts.zh, t.zh);
    const ev = pairEvidence(counts, t.en, t.zh);
    const best = ev.meetings[0]!;
    const spec = specificity(e, z, res.idf, params);
    // Met once without the dictionary's word for it: a recurring pair is better evidence.
    const once = t.cooc <= 1 && head.dict < 0.5 ? params.onceFactor : 1;
    return {
      id: pairId(t.en, t.zh),
      en: e.surface,
      zh: z.surface,
      enKey: t.en,
      zhKey: t.zh,
      enVariants: ens.slice(1).map((k) => enBy.get(k)!.surface),
      zhVariants: zhs.slice(1).map((k) => zhBy.get(k)!.surface),
      score: round((strength.get(entry) ?? head.link) * (1 - params.termhood + params.termhood * spec) * once),
      kind: termKind(e, z, spec, params),
      enPattern: e.pattern,
      zhPattern: z.pattern,
      enCount: e.count,
      zhCount: z.count,
      cooc: t.cooc,
      logDice: round(logDice(t.cooc, fEn, fZh)),
      llr: round(llr(t.cooc, fEn, fZh, counts.beads)),
      dict: round(head.dict),
      exampleEn: best.en,
      exampleZh: best.zh,
      source: { doc: best.doc, bead: best.bead },
      docs: ev.docs.sort(),
      docCount: ev.docCount,
      meetings: ev.meetings.map((m) => ({ doc: m.doc, bead: m.bead, score: m.score, en: m.en, zh: m.zh })),
    };
  });
  return pairs.sort((a, b) => b.score - a.score || b.cooc - a.cooc || cmp(a.enKey, b.enKey) || cmp(a.zhKey, b.zhKey));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
