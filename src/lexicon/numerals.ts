// Chinese numerals, read by the aligner (numbers of a sentence) and the linker (counts of sessions).

/** Lookups keyed by input text are Maps: a plain object answers "constructor" with a function. */
function table(entries: Record<string, number>): ReadonlyMap<string, number> {
  return new Map(Object.entries(entries));
}

/** Chinese digits; 两 is "two" before measure words. */
const ZH_DIGITS: ReadonlyMap<string, number> = table({
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9,
});

/** Chinese units inside a section (十 百 千) and section multipliers (万 = 10⁴, 亿 = 10⁸). */
const ZH_UNITS: ReadonlyMap<string, number> = table({ 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 });
export const ZH_SECTIONS: ReadonlyMap<string, number> = table({ 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 });

/** Parses a run of Chinese numerals (七十五, 二千四百, 十四, 三) into a value. */
export function parseChineseNumeral(s: string): number | undefined {
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const ch of s) {
    const d = ZH_DIGITS.get(ch);
    const unit = ZH_UNITS.get(ch);
    const sect = ZH_SECTIONS.get(ch);
    if (d !== undefined) {
      digit = d;
    } else if (unit !== undefined) {
      section += (digit < 0 ? 1 : digit) * unit;
      digit = -1;
    } else if (sect !== undefined) {
      total = (total + section + Math.max(digit, 0)) * sect;
      section = 0;
      digit = -1;
    } else return undefined;
  }
  const v = total + section + Math.max(digit, 0);
  return Number.isFinite(v) ? v : undefined;
}

/** A numeral as counts and ordinals write it (十四, 二十, 一百, 14): a regular-expression class run. */
export const COUNT_NUMERAL = "[〇零一二两三四五六七八九十百千\\d]+";

/** The numeral of a numbered congress, 11th to 99th (十八 of 十八大; 十大 is "the top ten"): a regular-expression group. */
export const CONGRESS_NUMERAL = "(?:[一二三四五六七八九]十[一二三四五六七八九]?|十[一二三四五六七八九])";

/** English cardinals in words that count a numbered set (the Two Centenary Goals ↔ 两个一百年奋斗目标), by value. */
export const EN_CARDINALS: ReadonlyMap<string, number> = new Map(["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"].map((w, k) => [w, k + 2]));

/** English ordinals in words, by value (Second Session ↔ 二次会议). */
export const EN_ORDINALS: ReadonlyMap<string, number> = new Map(
  ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"].map((w, k) => [w, k + 1]),
);
