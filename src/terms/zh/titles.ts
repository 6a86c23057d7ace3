import { TITLE_PATTERN, type Mention } from "../../model/index.js";
import { ZH_TITLES } from "../../lexicon/data/titles.js";
import { fold, type Unit } from "./unit.js";

// Mentions added to the shapes' own: titles of works in 《》, names with a title jieba glued on,
// and terms written with their acronym in brackets.

/** An acronym in brackets right after a term: 互联网应答机（IAM）. */
const ACRONYM_AFTER = /^\s*[（(]\s*([A-Z][A-Za-z0-9&.-]{1,11})\s*[）)]/;

/**
 * A term followed by an acronym in brackets (全球数字移动电话网（GSM）) expands it, as in English:
 * the term and the acronym kept in Latin letters are one entry's two forms. Every mention ending there
 * carries it; the linker keeps the one that links.
 */
export function withAcronyms(sentence: string, out: Mention[]): Mention[] {
  for (const m of out) {
    const acr = ACRONYM_AFTER.exec(sentence.slice(m.end));
    if (acr && /[A-Z].*[A-Z]|^[A-Z][a-z]*[A-Z]/.test(acr[1]!) && /\p{Script=Han}/u.test(m.key)) m.expands = acr[1]!;
  }
  return out;
}

/**
 * jieba keeps some titles glued to the word before them (协会会长 "association president"): a
 * mention ending in such a word also stands without the title, as a nested mention, so that
 * the name (国际肥胖症研究协会) can be linked on its own.
 */
export function withoutGluedTitles(units: readonly Unit[], out: Mention[]): Mention[] {
  let more: Mention[] | undefined;
  for (const m of out) {
    const t = ZH_TITLES.find((x) => m.key.endsWith(x) && m.key.length - x.length >= 2 && m.surface.endsWith(x));
    if (t === undefined) continue;
    // Only where the title sits inside the last token: otherwise the shorter span is a mention already or fits no shape.
    const last = units.find((u) => u.end === m.end);
    // A word glued on (协会 of 协会会长), not a title's own first character (总 of 总书记, 副 of 副总统).
    if (!last || [...last.fold].length - [...t].length < 2 || !last.fold.endsWith(t)) continue;
    (more ??= []).push({ ...m, key: m.key.slice(0, -t.length), surface: m.surface.slice(0, -t.length), end: m.end - t.length, maximal: false });
    // The title is a term too (日本首相 → 首相 "Prime Minister"), once per token.
    if (m.start === last.start && [...t].length >= 2) more.push({ ...m, key: t, surface: t, start: m.end - t.length, maximal: false, pattern: "N", words: 1, left: last.fold.slice(0, -t.length) });
  }
  if (!more) return out;
  return [...out, ...more].sort((a, b) => a.start - b.start || b.end - a.end || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Longest title taken whole, in characters. */
const MAX_TITLE = 30;
const TITLE = /《([^《》\n]{1,30})》/gu;

/**
 * Adds each title of a work (《英国病人》) as one mention, brackets kept in its surface and key:
 * whatever its words, it is a name, and the bare words may be common ones (《庆祝》). Mentions
 * inside it stay, as nested ones.
 */
export function withTitles(sentence: string, units: readonly Unit[], out: Mention[]): Mention[] {
  if (!sentence.includes("《")) return out;
  const titles: Mention[] = [];
  for (const m of sentence.matchAll(TITLE)) {
    const inner = m[1]!.trim();
    if (inner === "" || [...inner].length > MAX_TITLE || /^[\p{P}\p{N}\s]+$/u.test(inner)) continue;
    // The key from the tokens, as every key (Traditional text is tagged as Simplified).
    const from = m.index + 1;
    const to = m.index + m[0].length - 1;
    const key = `《${units.filter((u) => u.start >= from && u.end <= to).map((u) => u.fold).join("").trim() || fold(inner)}》`;
    titles.push({ named: true, lang: "zh", key, surface: m[0], words: 1, pattern: TITLE_PATTERN, start: m.index, end: m.index + m[0].length, left: "", right: "", maximal: true });
  }
  if (titles.length === 0) return out;
  const all = [...out, ...titles].sort((a, b) => a.start - b.start || b.end - a.end || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  let reach = -1;
  for (const m of all) {
    m.maximal = m.end > reach;
    if (m.end > reach) reach = m.end;
  }
  return all;
}

