import { EN_TITLES, ZH_NAME_HEADS, ZH_TITLES } from "../lexicon/data/titles.js";

/** The person of a pair whose two sides are a title and a name: the name on each side. */
export interface TitledName {
  en: string;
  zh: string;
}

/** Longest title phrase English may end a prefix with, in words. */
const MAX_TITLE_WORDS = 3;

/**
 * Splits a pair written with a title on both sides ("Professor Philip James" ↔ 菲利普·詹姆斯教授,
 * "British Prime Minister Tony Blair" ↔ 英国首相托尼·布莱尔) into its names (English as keyed), or `undefined` when
 * either side has no title or no name beside it. English: the title ends the words before a
 * capitalised name holding no title word. Chinese: a title after the name, or the last title
 * before it.
 */
export function splitTitle(en: string, surface: string, zh: string): TitledName | undefined {
  const nameEn = englishName(en, surface);
  if (nameEn === undefined) return undefined;
  const nameZh = chineseName(zh);
  return nameZh === undefined ? undefined : { en: nameEn, zh: nameZh };
}

/** The name of an English key after its title; `surface` (the words as written) tells capitals. */
export function englishName(en: string, surface: string): string | undefined {
  const words = en.split(" ");
  const shown = surface.split(" ");
  if (shown.length !== words.length) return undefined;
  for (let k = words.length - 1; k >= 1; k--) {
    const rest = words.slice(k);
    if (!/^\p{Lu}/u.test(shown[k]!) || rest.some((w) => EN_TITLES.has(w.toLowerCase()))) continue;
    for (let n = 1; n <= Math.min(MAX_TITLE_WORDS, k); n++) {
      if (EN_TITLES.has(words.slice(k - n, k).join(" ").toLowerCase())) return rest.join(" ");
    }
  }
  return undefined;
}

/** Whether an English key holds a title anywhere ("Minister of State for Public Health"). */
export function hasEnglishTitle(en: string): boolean {
  const words = en.toLowerCase().split(" ");
  for (let n = 1; n <= MAX_TITLE_WORDS; n++) for (let k = 0; k + n <= words.length; k++) if (EN_TITLES.has(words.slice(k, k + n).join(" "))) return true;
  return false;
}

/** Fewest characters of a Chinese name left beside its title. */
const MIN_ZH_NAME = 2;

/** A Chinese term without the title or role written before or after its name (协会会长 → 协会, 导演希瑟 → 希瑟), or undefined. */
export function chineseName(zh: string): string | undefined {
  let after: string | undefined;
  for (const t of ZH_TITLES) {
    if (zh.endsWith(t) && [...zh].length - [...t].length >= MIN_ZH_NAME) {
      const name = zh.slice(0, zh.length - t.length);
      if (!after || name.length < after.length) after = name;
    }
  }
  if (after) return after;
  let before: string | undefined;
  for (const t of ZH_TITLES) {
    const at = zh.lastIndexOf(t);
    if (at < 0) continue;
    const name = zh.slice(at + t.length);
    if ([...name].length >= MIN_ZH_NAME && (!before || name.length < before.length)) before = name;
  }
  return before;
}

/** The generic head (公司, 州…) `fuller` adds after `name`, or undefined when it adds anything else. */
export function nameHeadOf(fuller: string, name: string): string | undefined {
  if (!fuller.startsWith(name) || [...name].length < 2) return undefined;
  const rest = fuller.slice(name.length);
  return ZH_NAME_HEADS.includes(rest) ? rest : undefined;
}
