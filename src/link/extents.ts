import type { TermCandidate } from "../model/index.js";
import { TITLE_PATTERN } from "../model/index.js";
import { EN_STOP } from "../lexicon/data/stopwords.js";
import { EN_TITLES } from "../lexicon/data/titles.js";
import type { PairTally } from "./counts.js";
import type { DictionarySupport } from "./dictionary.js";
import { chineseName, hasEnglishTitle, nameHeadOf, splitTitle } from "./titles.js";

// Which of the pairs that overlap in extent (one English or Chinese nested in the other's) stand.

/** A pair with its dictionary support and link confidence. */
export interface Scored {
  tally: PairTally;
  dict: number;
  link: number;
}

/** Code-unit order, for ties. */
export const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** How much weaker a fuller pair may be and still win over the nested pair it contains. */
export const EXTENT_MARGIN = 0.1;

/** Share of the nested pair's meetings a pair with one fuller side needs to take its place. */
const FULLER_MEETINGS = 0.5;

/**
 * Drops a pair when a pair of fuller extents links nearly as well, by the dictionary too:
 * - fuller on both sides ("Central Conference on Work Relating to Foreign Affairs" ↔ 中央外事工作会议
 *   over "Conference on Work" ↔ 工作会议) and met as often: the fragment is not the term the text uses;
 * - the English fuller ("New York" over "York" for 纽约, "heart disease" over "heart" for 心脏病),
 *   met at least half as often: a head noun does not take the long term of the other side;
 * - the Chinese fuller with better dictionary support (个人防护装备 over 个人防护 for "personal
 *   protective equipment"), met at least half as often: the text's full term, not its head.
 */
export function dropNestedExtents(scored: readonly Scored[], enBy: ReadonlyMap<string, TermCandidate>, zhBy: ReadonlyMap<string, TermCandidate>, titledNames: Map<Scored, Scored>, support: DictionarySupport): Scored[] {
  // English key → Chinese key → pair: looked up for every container of every pair, so no key strings are built.
  const byEn = new Map<string, Map<string, Scored>>();
  for (const s of scored) {
    let row = byEn.get(s.tally.en);
    if (!row) byEn.set(s.tally.en, (row = new Map()));
    row.set(s.tally.zh, s);
  }
  const pairOf = (e: string, z: string): Scored | undefined => byEn.get(e)?.get(z);
  // A title joined to a name (Professor Philip James ↔ 菲利普·詹姆斯教授) gives way to the name's own pair.
  const names = new Set<Scored>();
  const titled = new Set<Scored>();
  const bareNames = new Map<string, string | undefined>();
  for (const s of scored) {
    const split = splitTitle(s.tally.en, enBy.get(s.tally.en)!.surface, s.tally.zh);
    const name = split && pairOf(split.en, split.zh);
    if (name) {
      names.add(name);
      titled.add(s);
      titledNames.set(s, name);
      continue;
    }
    // A title or role glued to the Chinese only (协会会长, 导演希瑟·多纳休): the Chinese without it, met as often, is the term.
    let bare = bareNames.get(s.tally.zh);
    if (bare === undefined && !bareNames.has(s.tally.zh)) bareNames.set(s.tally.zh, (bare = chineseName(s.tally.zh)));
    const plain = bare !== undefined && !hasEnglishTitle(s.tally.en) ? pairOf(s.tally.en, bare) : undefined;
    if (plain && plain.tally.cooc >= s.tally.cooc) titled.add(s);
    // A title alone does not take a person with that title ("President" ↔ 习近平主席): the person's pair does.
    // What stands beside the Chinese title may be part of the title itself (外交 of 外交部长 "Foreign Minister").
    else if (bare !== undefined && EN_TITLES.has(s.tally.en.toLowerCase()) && support.support(s.tally.en, bare, false) === 0) titled.add(s);
  }
  // A pair set aside for its title hides nothing nested in it (British Prime Minister ↔ 英国首相 stays).
  for (const s of titled) byEn.get(s.tally.en)!.delete(s.tally.zh);
  // English key → longer Chinese key → the pairs of the same English with a Chinese nested in it.
  const nestedZh = new Map<string, Map<string, Scored[]>>();
  for (const s of scored) {
    for (const z of zhBy.get(s.tally.zh)!.containers ?? []) {
      if (!pairOf(s.tally.en, z)) continue;
      let row = nestedZh.get(s.tally.en);
      if (!row) nestedZh.set(s.tally.en, (row = new Map()));
      const list = row.get(z);
      if (list) list.push(s);
      else row.set(z, [s]);
    }
  }
  // Fullest pairs are decided first, so a pair gives way only to a fuller pair that stands: one dropped
  // in turn loses its claim ("irrigation ditch" ↔ 沟 dropped for 灌溉沟 does not drop "ditch" ↔ 沟), unless
  // the pair it gave way to has the same Chinese and stands itself, or it was dropped for context glued
  // to its Chinese (节水型社会建设 for 节水型社会) that the nested pair's Chinese carries too (社会建设).
  const dropped = new Map<Scored, { by?: Scored; glued?: boolean }>();
  const stands = (o: Scored, s: Scored): boolean => {
    const d = dropped.get(o);
    if (!d) return true;
    if (d.glued) return d.by !== undefined && !d.by.tally.zh.includes(s.tally.zh);
    return d.by !== undefined && d.by.tally.zh === o.tally.zh && stands(d.by, s);
  };
  /** Why `s` gives way (to which pair, for context glued to its Chinese), or null to keep it. */
  const giveWay = (s: Scored): { by?: Scored; glued?: boolean } | null => {
    if (titled.has(s)) return {};
    if (names.has(s)) return null;
    const enC = enBy.get(s.tally.en)!;
    const fragment = neverAlone(enC, enBy) && enC.words >= 2;
    const ens = [s.tally.en, ...(enC.containers ?? [])];
    const zhs = [s.tally.zh, ...(zhBy.get(s.tally.zh)!.containers ?? [])];
    for (const e of ens) {
      const row = byEn.get(e);
      if (!row) continue;
      for (const z of zhs) {
        if (e === s.tally.en && z === s.tally.zh) continue;
        const o = row.get(z);
        if (!o || !stands(o, s)) continue;
        // An English name never written on its own ("Israel Medical Center" only ever in "Beth Israel Medical
        // Center") is a piece of the fuller one, whatever the dictionary finds in it.
        if (z === s.tally.zh && fragment && e !== s.tally.en && o.tally.cooc >= s.tally.cooc && isLongerName(e, s.tally.en, enBy)) return { by: o };
        // A head noun does not take the long term of the other side ("engine" ↔ 搜索引擎) when the long term
        // on its own side translates it at least as fully, met in most of the head's meetings; nor does a
        // name's head ("Communist Party" ↔ 中国共产党 beside "Communist Party of China").
        // The words the long term adds must be in the Chinese too ("search"; not "of US$1.5").
        if (z === s.tally.zh && e !== s.tally.en && o.dict >= s.dict && o.dict >= 0.5 && o.tally.cooc >= FULLER_MEETINGS * s.tally.cooc && support.support(e.replace(s.tally.en, " "), z, false) > 0) return { by: o };
        if (o.link < s.link - EXTENT_MARGIN) continue;
        if (e !== s.tally.en && z !== s.tally.zh) {
          // …unless the fuller English is itself only ever a piece of a longer name ("Leonardo DiCaprio International").
          // …and unless both sides of the nested pair are also written alone (Leonardo DiCaprio ↔ 利昂纳多·迪卡普里奥 beside his festival).
          if (o.tally.cooc >= s.tally.cooc && o.dict >= s.dict - EXTENT_MARGIN && !neverAlone(enBy.get(e)!, enBy) && !(enC.alone > 0 && zhBy.get(s.tally.zh)!.alone > 0)) return { by: o };
        } else if (o.tally.cooc >= FULLER_MEETINGS * s.tally.cooc) {
          if (z === s.tally.zh && o.dict >= s.dict - EXTENT_MARGIN) return { by: o };
          if (e === s.tally.en && o.dict > s.dict + EXTENT_MARGIN) return { by: o };
        }
      }
    }
    // The Chinese shorter with better dictionary support (世界卫生组织 over 世界卫生组织规定): the rest is context glued on.
    // A title of a work is whole: the words inside its brackets are not context glued on.
    if (zhBy.get(s.tally.zh)!.pattern === TITLE_PATTERN) return null;
    for (const o of nestedZh.get(s.tally.en)?.get(s.tally.zh) ?? []) {
      // A generic head (公司, 州) is the kind of thing named, not context: the fuller form may join as a variant.
      if (nameHeadOf(s.tally.zh, o.tally.zh) !== undefined) continue;
      if (o.link >= s.link - EXTENT_MARGIN && o.dict > s.dict + EXTENT_MARGIN && o.tally.cooc >= s.tally.cooc) return { by: o, glued: true };
    }
    return null;
  };
  const order = scored.map((s) => ({ s, size: s.tally.en.length + s.tally.zh.length }));
  order.sort((a, b) => b.size - a.size || cmp(a.s.tally.en, b.s.tally.en) || cmp(a.s.tally.zh, b.s.tally.zh));
  for (const { s } of order) {
    const w = giveWay(s);
    if (w !== null) dropped.set(s, w);
  }
  return scored.filter((s) => !dropped.has(s));
}

/**
 * An English name only ever written inside longer ones (C-value 0), a longer name among them: a
 * piece of a name, not a name ("Shanghai Cooperation Organization" inside "chairship of the …"
 * is still a name).
 */
const neverAlone = (c: TermCandidate, enBy: ReadonlyMap<string, TermCandidate>): boolean => c.pattern === "NAME" && c.cvalue <= 0 && (c.containers ?? []).some((k) => enBy.get(k)?.pattern === "NAME");

/**
 * Whether a container of an English name is the same name written one word longer ("Beth" before
 * "Israel Medical Center"): a name, no person's title, no model number ("Airbus Industrie A3XX" is
 * a plane); a longer addition describes the name ("Dennis Conner of the San Diego Yacht Club").
 */
function isLongerName(key: string, name: string, enBy: ReadonlyMap<string, TermCandidate>): boolean {
  const c = enBy.get(key);
  // The longer name stands on its own somewhere: a piece of a still longer one proves nothing.
  if (c?.pattern !== "NAME" || hasEnglishTitle(key) || neverAlone(c, enBy)) return false;
  // The added word as written: one capitalised word of letters ("Lottery-funded" describes).
  const at = key.indexOf(name);
  const shown = c.surface.split(" ").length === key.split(" ").length ? c.surface.slice(0, at) + c.surface.slice(at + name.length) : "";
  return /^\p{Lu}[\p{L}'’.]*$/u.test(shown.trim()) && !EN_STOP.has(shown.trim().toLowerCase());
}
