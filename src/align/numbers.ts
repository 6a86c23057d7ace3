import { parseChineseNumeral, ZH_SECTIONS } from "../lexicon/numerals.js";
import { EN_MONTHS, EN_MULTIPLIERS, EN_NUMBER_WORDS } from "./data/numbers.js";

/** Folds full-width digits and punctuation used in numbers to ASCII. */
function foldDigits(text: string): string {
  return text.replace(/[０-９．，％]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Rounds to 4 significant digits so 2,400亿 and 240 billion meet as one key. */
function key(v: number): string {
  return Number(v.toPrecision(4)).toString();
}

/**
 * The numbers an English sentence states, normalised: digits with separators and
 * multiplier words (US$240 billion → 2.4e11), percentages, ordinals (75th → 75), years,
 * month names (March → 3) and number words up to a thousand.
 */
export function englishNumbers(text: string): string[] {
  const out: string[] = [];
  const t = foldDigits(text);
  const re = /(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(st|nd|rd|th)\b)?(?:\s*(?:-\s*)?(hundred|thousand|million|billion|trillion|mn|bn)\b)?/gi;
  for (const m of t.matchAll(re)) {
    let v = Number(m[1]!.replace(/,/g, ""));
    if (m[3]) v *= EN_MULTIPLIERS.get(m[3].toLowerCase()) ?? 1;
    out.push(key(v));
  }
  for (const m of t.matchAll(/\b([A-Za-z]+)\b(?:[\s-]+(hundred|thousand|million|billion|trillion)\b)?/g)) {
    const w = m[1]!.toLowerCase();
    const month = EN_MONTHS.get(w);
    if (month !== undefined && w.length > 3 && /^[A-Z]/.test(m[1]!)) out.push(key(month));
    const n = EN_NUMBER_WORDS.get(w);
    if (n !== undefined) out.push(key(m[2] ? n * (EN_MULTIPLIERS.get(m[2].toLowerCase()) ?? 1) : n));
  }
  return out;
}

const ZH_NUMERAL = "零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟萬億";

/**
 * The numbers a Chinese sentence states, normalised like englishNumbers: Arabic digits
 * with 万/亿 (2400亿 → 2.4e11), 百分之五 → 5, Chinese numerals (七十五 → 75, 第三 → 3).
 * A lone 一 is skipped: it is mostly the article "a/one" (一个, 一道), not a number.
 */
export function chineseNumbers(text: string): string[] {
  const out: string[] = [];
  const t = foldDigits(text);
  const re = new RegExp(`(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)\\s*([万亿萬億]*)|(百分之)?([${ZH_NUMERAL}]+)`, "g");
  for (const m of t.matchAll(re)) {
    if (m[1] !== undefined) {
      let v = Number(m[1].replace(/,/g, ""));
      for (const ch of m[2] ?? "") v *= ZH_SECTIONS.get(ch) ?? 1;
      out.push(key(v));
      continue;
    }
    const run = m[4]!;
    if (!m[3] && (run === "一" || run === "两")) continue;
    const v = parseChineseNumeral(run);
    if (v !== undefined) out.push(key(v));
  }
  return out;
}

/** Dice overlap of two number multisets; undefined when neither side has a number. */
export function numberOverlap(a: readonly string[], b: readonly string[]): number | undefined {
  if (a.length === 0 && b.length === 0) return undefined;
  const counts = new Map<string, number>();
  for (const x of a) counts.set(x, (counts.get(x) ?? 0) + 1);
  let common = 0;
  for (const y of b) {
    const c = counts.get(y) ?? 0;
    if (c > 0) {
      common++;
      counts.set(y, c - 1);
    }
  }
  return (2 * common) / (a.length + b.length);
}
