import type { BilingualDictionary } from "../lexicon/dictionary.js";
import { nameKeys } from "../lexicon/pinyin.js";
import { skeleton, skeletonSimilarity, TRANSLIT_CHARS, transcriptionSkeletons } from "../lexicon/translit.js";
import { DEMONYMS, PLACE_ALIASES } from "../lexicon/data/demonyms.js";
import { EN_STOP } from "../lexicon/data/stopwords.js";
import { stem } from "../lexicon/stem.js";
import { CONGRESS_NUMERAL, COUNT_NUMERAL, EN_CARDINALS, EN_ORDINALS, parseChineseNumeral } from "../lexicon/numerals.js";

/** The longest part tried against the dictionary (most CC-CEDICT headwords are shorter). */
const MAX_PART = 8;

/** Suffixes that derive a word from the one before them (…学 the study of, …性 -ity, …化 -isation). */
const DERIVING_SUFFIXES: ReadonlySet<string> = new Set(["学", "性", "化", "者", "家", "业"]);

/** English stems (or pinyin keys, `py:…`) a part of a Chinese term may stand for. */
type Part = ReadonlySet<string>;

/** Least skeleton similarity for an English word (or run of words) to be heard in a transcribed name. */
export const SOUND_MATCH = 0.65;

/** Marks the last character of a dictionary word of two characters or more among its part's stems. */
const HEAD_MARK = "\u0001";

/** A dictionary word's glosses, with its head morpheme marked (see `BilingualDictionary.heads`). */
function partOf(piece: string, glosses: readonly string[] | undefined): Set<string> {
  const part = new Set(glosses ?? []);
  const chars = [...piece];
  if (chars.length >= 2) part.add(HEAD_MARK + chars[chars.length - 1]);
  return part;
}

/** Whether a part is a dictionary word of two characters or more (it carries its head mark). */
function isWord(part: Part): boolean {
  for (const x of part) if (x.startsWith(HEAD_MARK)) return true;
  return false;
}

/** A content word of an English term: its stem, the key it has if it spells a Chinese name, whether it is the term's head. */
interface EnWord {
  stem: string;
  name: string;
  word: string;
  head?: boolean;
}

/** Prepositions after an English term's head: "interest of the world", "forum for cooperation". */
const AFTER_HEAD = new Set(["of", "for", "with", "in", "on", "at", "by", "from", "to", "into", "about", "against", "between", "among", "through", "under", "over", "within", "without", "across"]);

/**
 * Factor on the dictionary cover of a pair whose English head noun finds no translation while
 * another of its words does ("united strength" ↔ 联合, "comprehensive plan" ↔ 全面): the Chinese
 * then translates a modifier, not the term. Common terms only: every word of a name names it.
 */
const HEADLESS = 0.5;

/**
 * A Chinese count of sessions (十四届, 第二次), an ordinal (第三) or the count of a numbered set (两个 of
 * 两个一百年奋斗目标): the numeral, then 届/次, after 第, or before 个.
 */
const ZH_COUNT = new RegExp(`^(?:第(${COUNT_NUMERAL})[届次]?|(${COUNT_NUMERAL})[届次]|([两三四五六七八九十])个)`, "u");

/** A numbered congress, the nth National Congress (十八大, 二十大). */
const ZH_CONGRESS = new RegExp(`^(${CONGRESS_NUMERAL})大`, "u");
/** What 十八大 abbreviates (中国共产党第十八次全国代表大会, "the 18th CPC National Congress"), as stems. */
const CONGRESS: readonly string[] = ["congress", "national", "cpc", "communist", "party"].map((w) => stem(w));

/** Name dots inside a transcribed name (沃尔特·迪斯尼): they separate its words. */
const NAME_DOT = /[·•・]/;

/**
 * Dictionary support of term pairs: the Chinese term is cut into its longest CC-CEDICT
 * headwords (人类命运共同体 → 人类 / 命运 / 共同体), each part's glosses are matched against the
 * English term's content words and the other way round. Latin parts match themselves and
 * names the dictionary lacks match their pinyin (王毅 → Wang Yi). Results are cached per key.
 */
export class DictionarySupport {
  private readonly zhCache = new Map<string, Part[]>();
  private readonly zhRightCache = new Map<string, Part[]>();
  private readonly enCache = new Map<string, EnWord[]>();
  private readonly soundCache = new Map<string, { runs: string[][]; rest: Part[] } | undefined>();
  private readonly soundWords = new Map<string, Array<{ stem: string; name: string; sound: string }>>();
  private readonly nameCache = new Map<string, Part[] | undefined>();

  constructor(private readonly dict: BilingualDictionary) {}

  /**
   * Share in [0, 1] of the words of both terms that find a translation in the other, by the
   * better of two readings of the Chinese: dictionary words, or (2–4 characters) one name in pinyin.
   * `heardAsName` false (a common English word) leaves out the reading of a transcription by sound.
   */
  support(en: string, zh: string, heardAsName = true): number {
    const words = this.enWords(en);
    if (words.length === 0) return 0;
    const parts = this.zhParts(zh);
    // A common term is judged by its head; a name's words all name it (France Telecom).
    const left = this.cover(parts, words, !heardAsName);
    const best = left < 1 ? Math.max(left, this.cover(this.zhPartsFromRight(zh), words, !heardAsName)) : left;
    const name = this.nameParts(zh);
    // Only a name is written by sound: "potency" is not heard in 多纳休; nor are words the dictionary
    // knows whole (沙特 "Saudi" + 伊朗 "Iran" is no transcription of "Saudi Arabia").
    const sound = heardAsName && !(parts.length >= 2 && parts.every(isWord)) ? this.soundCover(zh, en) : 0;
    return Math.max(best, sound, name ? this.cover(name, words) : 0);
  }

  /**
   * The reading of a Chinese term as a foreign name written by sound: each run of transcription
   * characters (split at name dots) is heard against the English words (one word, or a run of
   * words written together in the Chinese: 萨洛蒙 ↔ "Salomon"), the rest of the term is cut into
   * dictionary words. 0 when the term holds no such run.
   */
  private soundCover(zh: string, en: string): number {
    if (!this.dict.readings) return 0;
    const reading = this.soundReading(zh);
    if (!reading) return 0;
    const words = this.nameWords(en);
    if (words.length === 0) return 0;
    const heard = new Set<number>();
    let zhHit = 0;
    for (const forms of reading.runs) {
      let hit = false;
      for (let i = 0; i < words.length && !hit; i++) {
        let joined = "";
        for (let j = i; j < words.length && j < i + 3 && !hit; j++) {
          joined += words[j]!.sound;
          if (joined.length >= 2 && forms.some((f) => f.length >= 2 && skeletonSimilarity(joined, f) >= SOUND_MATCH)) {
            hit = true;
            for (let k = i; k <= j; k++) heard.add(k);
          }
        }
      }
      if (hit) zhHit++;
    }
    if (zhHit === 0) return 0;
    // The rest of the term (公司, 研究集团) as dictionary words against the English words not heard.
    const left = words.filter((_, k) => !heard.has(k));
    let restHit = 0;
    for (const part of reading.rest) if (left.some((w) => part.has(w.stem) || part.has(w.name))) restHit++;
    let leftHit = 0;
    for (const w of left) if (reading.rest.some((part) => part.has(w.stem) || part.has(w.name))) leftHit++;
    return (zhHit + restHit + heard.size + leftHit) / (reading.runs.length + reading.rest.length + words.length);
  }

  /** A Chinese term's runs of transcription characters (their skeletons) and its other parts, or undefined without such a run. */
  private soundReading(zh: string): { runs: string[][]; rest: Part[] } | undefined {
    if (this.soundCache.has(zh)) return this.soundCache.get(zh);
    const runs: string[][] = [];
    const rest: string[] = [];
    const pieces = zh.split(NAME_DOT);
    for (const piece of pieces) {
      let cur = "";
      let other = "";
      // One character between name dots is a word of the name (拉斯·冯·特里尔 "Lars von Trier"); elsewhere too ambiguous.
      const alone = pieces.length > 1 && [...piece].length === 1;
      const flush = (): void => {
        if ([...cur].length >= 2 || (alone && cur !== "")) runs.push(transcriptionSkeletons(cur, this.dict.readings!));
        else other += cur;
        cur = "";
      };
      for (const ch of piece) {
        if (TRANSLIT_CHARS.has(ch)) cur += ch;
        else {
          flush();
          other += ch;
        }
      }
      flush();
      if (other) rest.push(other);
    }
    const reading = runs.length ? { runs, rest: rest.flatMap((r) => this.zhParts(r)) } : undefined;
    this.soundCache.set(zh, reading);
    return reading;
  }

  private cover(parts: readonly Part[], words: readonly EnWord[], byHead = false): number {
    if (parts.length === 0) return 0;
    // Which word meets which part, once: the two sides' hits are read from the same table.
    const enMet: boolean[] = new Array<boolean>(words.length).fill(false);
    const zhMet: boolean[] = new Array<boolean>(parts.length).fill(false);
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      for (let k = 0; k < parts.length; k++) {
        const part = parts[k]!;
        if (part.has(w.stem) || part.has(w.name)) {
          zhMet[k] = true;
          enMet[i] = true;
        }
      }
    }
    let zhHit = 0;
    let zhMissAt = -1;
    for (let k = 0; k < parts.length; k++) {
      if (zhMet[k]) zhHit++;
      else zhMissAt = k;
    }
    let enHit = 0;
    let enMissAt = -1;
    let headMissed = false;
    for (let k = 0; k < words.length; k++) {
      if (enMet[k]) enHit++;
      else {
        enMissAt = k;
        if (words[k]!.head) headMissed = true;
      }
    }
    // The heads the dictionary pairs with nothing, the only words left on each side, translate each
    // other when the Chinese ends in a head morpheme of the English word's translations (Council,
    // 委员会: 会 as in 理事会): everything else matched, the two heads are where the terms agree.
    const lastZh = parts.length - 1;
    const lastEn = words.length - 1;
    if (this.dict.heads && lastZh > 0 && lastEn > 0 && zhHit === lastZh && enHit === lastEn && zhMissAt === lastZh && enMissAt === lastEn) {
      const heads = this.dict.heads(words[lastEn]!.stem);
      if (heads && [...heads].some((c) => parts[lastZh]!.has(HEAD_MARK + c))) return 1;
    }
    const share = (zhHit + enHit) / (parts.length + words.length);
    return byHead && headMissed && enHit > 0 ? share * HEADLESS : share;
  }

  /** Content words of an English term with their sound skeletons. */
  private nameWords(en: string): Array<{ stem: string; name: string; sound: string }> {
    let w = this.soundWords.get(en);
    if (!w) {
      w = this.enWords(en).map((x) => ({ stem: x.stem, name: x.name, sound: skeleton(x.word) }));
      this.soundWords.set(en, w);
    }
    return w;
  }

  /** Content words of an English term: stem, and the key it has if it spells a Chinese name. */
  private enWords(en: string): EnWord[] {
    let w = this.enCache.get(en);
    if (!w) {
      w = [];
      // The head is the last content word before the first preposition that follows one, else the last.
      let headAt = -1;
      for (const m of en.matchAll(/\d+(?:st|nd|rd|th)\b|[A-Za-z][A-Za-z']*/g)) {
        const word = m[0].toLowerCase().replace(/'s?$/, "");
        // An ordinal in digits (the 14th …), or a number word opening the term (the two centenary goals),
        // is its number, met by a Chinese count (十四届, 两个).
        const ordinal = /^(\d+)(?:st|nd|rd|th)$/.exec(m[0]);
        const num = ordinal ? Number(ordinal[1]) : w.length === 0 ? EN_CARDINALS.get(word) : undefined;
        if (num !== undefined) {
          w.push({ stem: `num:${num}`, name: `num:${num}`, word: m[0] });
          continue;
        }
        if (headAt < 0 && w.length > 0 && AFTER_HEAD.has(word)) headAt = w.length - 1;
        // An acronym is a word whatever it spells ("US" is not "us").
        const acronym = /^[A-Z]{2,}$/.test(m[0]);
        if (word.length < 2 || (EN_STOP.has(word) && !acronym)) continue;
        // Such an acronym matches by its place alias only: its stem would meet "use" (us) or "it".
        const ordinalWord = EN_ORDINALS.get(word);
        w.push({ stem: EN_STOP.has(word) ? `acr:${word}` : stem(word), name: acronym ? `acr:${word}` : ordinalWord !== undefined ? `num:${ordinalWord}` : `py:${word}`, word });
      }
      // Inside a longer name a nationality stands for the place the Chinese writes (British Dietetic
      // Association ↔ 英国营养学协会); alone it is not the place (Japanese is not 日本).
      for (const x of w) {
        const place = PLACE_ALIASES.get(x.word);
        if (place) x.name = stem(place);
      }
      if (w.length >= 2) {
        for (const x of w) {
          const place = DEMONYMS.get(x.word);
          if (place) x.name = stem(place);
        }
        w[headAt >= 0 ? headAt : w.length - 1]!.head = true;
      }
      this.enCache.set(en, w);
    }
    return w;
  }

  /** The whole term read as one name in pinyin (武汉 → wu han, wuhan), or undefined. */
  private nameParts(zh: string): Part[] | undefined {
    // A dictionary word (学习 "to study") is not read as a name (xue xi would meet "Xi").
    if (this.nameCache.has(zh)) return this.nameCache.get(zh);
    const keys = this.dict.readings && /^\p{Script=Han}{2,4}$/u.test(zh) && !this.dict.glosses(zh) ? nameKeys(zh, this.dict.readings) : undefined;
    const parts = keys ? [new Set(keys)] : undefined;
    this.nameCache.set(zh, parts);
    return parts;
  }

  /**
   * The cut taken from the end (新浪潮派 → 新 / 浪潮 / 派 where the cut from the start gives 新浪
   * "Sina" / 潮 / 派): where it differs, the better covering of the two readings counts. Han only;
   * a term with Latin letters keeps the cut from the start.
   */
  zhPartsFromRight(zh: string): Part[] {
    let parts = this.zhRightCache.get(zh);
    if (parts) return parts;
    parts = [];
    const chars = [...zh];
    if (!chars.every((c) => /\p{Script=Han}/u.test(c))) parts = this.zhParts(zh);
    else {
      let end = chars.length;
      while (end > 0) {
        let len = Math.min(MAX_PART, end);
        for (; len > 1; len--) if (this.dict.glosses(chars.slice(end - len, end).join(""))) break;
        const piece = chars.slice(end - len, end).join("");
        parts.unshift(partOf(piece, this.partGlosses(piece)));
        end -= len;
      }
    }
    this.zhRightCache.set(zh, parts);
    return parts;
  }

  /**
   * A headword's glosses, and for a derived word (营养学 "nutriology", 可靠性) those of its stem too
   * (营养 "nutrition"): the text says "nutrition research" where the dictionary says "nutriology".
   */
  private partGlosses(piece: string): readonly string[] | undefined {
    const g = this.dict.glosses(piece);
    if (!g || [...piece].length < 3 || !DERIVING_SUFFIXES.has(piece.slice(-1))) return g;
    const stemGlosses = this.dict.glosses(piece.slice(0, -1));
    return stemGlosses ? [...g, ...stemGlosses] : g;
  }

  /** Greedy longest-match cut of a Chinese term into dictionary headwords, Latin runs and leftovers. */
  zhParts(zh: string): Part[] {
    let parts = this.zhCache.get(zh);
    if (parts) return parts;
    parts = [];
    const chars = [...zh];
    let k = 0;
    while (k < chars.length) {
      // A count of sessions, an ordinal or a set's count (十四届, 二次, 第三, 两个) is its number: the English
      // writes "14th", "Second", "Two".
      const count = ZH_COUNT.exec(chars.slice(k).join(""));
      const numeral = count ? (count[1] ?? count[2] ?? count[3]!) : undefined;
      const value = numeral === undefined ? undefined : /^\d+$/.test(numeral) ? Number(numeral) : parseChineseNumeral(numeral);
      if (count && value !== undefined) {
        parts.push(new Set([`num:${value}`]));
        k += [...count[0]].length;
        continue;
      }
      // A numbered congress (十八大, 二十大: the nth National Congress) is its number and the congress, two
      // parts: "National Congress" alone, or "nation", translates only half of it.
      const congress = ZH_CONGRESS.exec(chars.slice(k).join(""));
      const nth = congress ? parseChineseNumeral(congress[1]!) : undefined;
      if (congress && nth !== undefined) {
        parts.push(new Set([`num:${nth}`]), new Set(CONGRESS));
        k += [...congress[0]].length;
        continue;
      }
      const latin = /^[A-Za-z0-9][A-Za-z0-9-]*/.exec(chars.slice(k).join(""));
      if (latin) {
        const stems = latin[0].split("-").filter((x) => /[A-Za-z]/.test(x)).map((x) => stem(x));
        parts.push(new Set([...stems, stem(latin[0].replace(/-/g, ""))]));
        k += [...latin[0]].length;
        continue;
      }
      let found = false;
      for (let len = Math.min(MAX_PART, chars.length - k); len >= 1; len--) {
        const piece = chars.slice(k, k + len).join("");
        const g = this.partGlosses(piece);
        // Single characters are too ambiguous to stand for a word unless nothing longer fits and they are Han.
        if (g && (len > 1 || /\p{Script=Han}/u.test(piece))) {
          parts.push(partOf(piece, g));
          k += len;
          found = true;
          break;
        }
      }
      if (found) continue;
      // Not in the dictionary: try the rest of the term as a name spelt in pinyin.
      const rest = chars.slice(k, Math.min(chars.length, k + 4)).join("");
      const keys = this.dict.readings && nameKeys(rest, this.dict.readings);
      if (keys) {
        parts.push(new Set(keys));
        k += [...rest].length;
      } else if (/\p{Script=Han}/u.test(chars[k]!)) {
        parts.push(new Set());
        k++;
      } else k++;
    }
    this.zhCache.set(zh, parts);
    return parts;
  }
}
