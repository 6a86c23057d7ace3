import { MIN_NAME_CHARS, NAME_DOTS, NAME_PIECE_TAGS, TRANSLIT_CHARS } from "./data/names.js";
import { STOP_ALONE } from "./data/stop.js";
import { HAN_WORD, NEVER_IN_TERM, type Unit } from "./unit.js";

// Foreign names written by sound in jieba's tokens: repaired where jieba's cut runs through them,
// then rebuilt from their pieces and across name dots (steps 1b and 2b of the candidate assembly).

/** Whether a word is written in transcription characters only. */
const allTranslit = (w: string): boolean => [...w].every((ch) => TRANSLIT_CHARS.has(ch));

/** Function characters jieba's guesser glues to a name it does not know, with the tag they take alone. */
const FUNCTION_TAGS: ReadonlyMap<string, string> = new Map([
  ["说", "v"], ["是", "v"], ["称", "v"], ["的", "uj"], ["在", "p"], ["和", "c"], ["与", "c"], ["等", "u"], ["也", "d"], ["都", "d"], ["就", "d"], ["将", "d"],
  ["对", "p"], ["把", "p"], ["被", "p"], ["由", "p"], ["向", "p"], ["从", "p"], ["给", "p"], ["为", "p"], ["跟", "p"], ["同", "p"],
]);
/** Those glued after a name's last character (科斯坦说 → 科斯坦 + 说). */
const GLUED_AFTER: ReadonlySet<string> = new Set(["说", "是", "称", "的", "在", "和", "与", "等", "也", "都", "就", "将", "对", "把", "被"]);
/** Those glued before a name's first character (在冯·特里尔, 和普京). */
const GLUED_BEFORE: ReadonlySet<string> = new Set(["在", "是", "和", "与", "对", "把", "被", "由", "向", "从", "给", "为", "跟", "同", "的"]);
const SINGLE_PIECE_TAGS = new Set(["a", "v", "m", "q", "d", "n", "ng", "zg"]);

/** `u` cut after its first character, each piece with its tag. */
function cutFirst(u: Unit, firstTag: string, restTag: string): [Unit, Unit] {
  const first = [...u.fold][0]!;
  const cut = u.start + first.length;
  return [
    { ...u, word: u.word.slice(0, first.length), fold: first, tag: firstTag, end: cut },
    { ...u, word: u.word.slice(first.length), fold: u.fold.slice(first.length), tag: restTag, start: cut },
  ];
}

/**
 * Step 1b: where jieba's cut runs through a foreign name written by sound, cut it back:
 * - an unknown word of a name's last character and a function word (坦说/x) is two words, and so is
 *   one of a function word and a name's first character before a name dot (在冯/x ·), or and a name
 *   (和普京/nz);
 * - one transcription character jieba tagged as a common word beside a transcribed word (阿尔伯克/nrt
 *   基/a 大学, 迈/v 瑞克/ns) is a leftover piece of that name, for step 2b to join.
 */
export function repairNames(units: Unit[], known?: (word: string) => boolean): Unit[] {
  let out: Unit[] | undefined;
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    const chars = [...u.fold];
    if (u.tag === "x" && chars.length === 2 && TRANSLIT_CHARS.has(chars[0]!) && GLUED_AFTER.has(chars[1]!) && i > 0 && units[i - 1]!.end === u.start && allTranslit(units[i - 1]!.fold)) {
      out ??= units.slice(0, i);
      out.push(...cutFirst(u, u.tag, FUNCTION_TAGS.get(chars[1]!)!));
      continue;
    }
    const next = units[i + 1];
    const rest = chars.slice(1).join("");
    const gluedToDot = u.tag === "x" && chars.length === 2 && TRANSLIT_CHARS.has(chars[1]!) && next !== undefined && next.start === u.end && NAME_DOTS.has(next.fold);
    // 和普京/nz: jieba's guess at a name took the conjunction before a name the dictionary knows.
    const gluedToName = (u.tag === "nz" || u.tag.startsWith("nr") || u.tag === "x") && chars.length >= 3 && (allTranslit(rest) || known?.(rest) === true);
    if (GLUED_BEFORE.has(chars[0]!) && (gluedToDot || gluedToName)) {
      out ??= units.slice(0, i);
      out.push(...cutFirst(u, FUNCTION_TAGS.get(chars[0]!)!, gluedToDot ? u.tag : "nr"));
      continue;
    }
    if (chars.length === 1 && SINGLE_PIECE_TAGS.has(u.tag) && TRANSLIT_CHARS.has(chars[0]!) && !NEVER_IN_TERM.has(u.fold) && !STOP_ALONE.has(u.fold)) {
      const prev = units[i - 1];
      const nameBefore = prev !== undefined && prev.end === u.start && [...prev.fold].length >= 2 && (prev.tag.startsWith("nr") || prev.tag === "x") && allTranslit(prev.fold) && !(next && next.start === u.end && allTranslit(next.fold));
      const nameAfter = next !== undefined && next.start === u.end && [...next.fold].length >= 2 && (next.tag.startsWith("nr") || next.tag === "ns" || next.tag === "x") && allTranslit(next.fold) && !(prev && prev.end === u.start && allTranslit(prev.fold));
      if (nameBefore || nameAfter) {
        out ??= units.slice(0, i);
        out.push({ ...u, tag: "x" });
        continue;
      }
    }
    out?.push(u);
  }
  return out ?? units;
}

/** A token that may be a piece of a foreign name written by sound: transcription characters only. */
function namePiece(u: Unit): boolean {
  if (!NAME_PIECE_TAGS.has(u.tag) || NEVER_IN_TERM.has(u.fold) || STOP_ALONE.has(u.fold)) return false;
  // A word jieba knows as a common noun (森林, 基金) is not a piece; a single character or a name-tagged word may be.
  if ([...u.fold].length > 1 && !(u.tag.startsWith("nr") || u.tag === "x" || u.tag === "nz")) return false;
  for (const ch of u.fold) if (!TRANSLIT_CHARS.has(ch)) return false;
  return true;
}

const NAME_TAG = "nr";
/** A side of a name dot: a person's name, a proper noun, or transcription characters jieba did not know. */
const isNameUnit = (u: Unit | undefined): boolean => u !== undefined && (u.tag.startsWith("nr") || u.tag === "ns" || u.tag === "nz" || namePiece(u) || (u.tag === "x" && HAN_WORD.test(u.fold)));

/**
 * Step 2b: foreign names written by sound. jieba cuts a name it does not know into single
 * characters (贝/zg 索/nr 斯/nr) or leaves it unknown: a run of transcription pieces with at
 * least one such leftover becomes one name; names joined by a name dot (杰夫·贝索斯, 拉斯·冯·特里尔)
 * become one name too, dot included.
 */
export function joinNames(units: Unit[]): Unit[] {
  let out: Unit[] | undefined;
  const merge = (parts: readonly Unit[]): Unit => {
    const word = parts.map((x) => x.word).join("");
    return { ...parts[0]!, word, fold: parts.map((x) => x.fold).join(""), tag: NAME_TAG, end: parts[parts.length - 1]!.end };
  };
  for (let i = 0; i < units.length; i++) {
    let j = i;
    let leftover = false;
    while (j < units.length && namePiece(units[j]!) && (j === i || units[j]!.start === units[j - 1]!.end)) {
      if ([...units[j]!.fold].length === 1 || units[j]!.tag === "x") leftover = true;
      j++;
    }
    const chars = j > i ? [...units.slice(i, j).map((x) => x.fold).join("")].length : 0;
    // One unknown word of transcription characters (贝索斯/x) is a name as it stands.
    const unknownName = j - i === 1 && units[i]!.tag === "x" && chars >= MIN_NAME_CHARS;
    if ((j - i >= 2 && leftover && chars >= MIN_NAME_CHARS) || unknownName) {
      out ??= units.slice(0, i);
      out.push(merge(units.slice(i, j)));
      i = j - 1;
    } else out?.push(units[i]!);
  }
  const named = out ?? units;
  // Name dots: one name across the dot when both sides are names.
  let joined: Unit[] | undefined;
  for (let i = 0; i < named.length; i++) {
    const u = named[i]!;
    if (!isNameUnit(u) && !(allTranscription(u) && NAME_DOTS.has(named[i + 1]?.fold ?? ""))) {
      joined?.push(u);
      continue;
    }
    let j = i + 1;
    while (j + 1 < named.length && NAME_DOTS.has(named[j]!.fold) && named[j]!.start === named[j - 1]!.end && named[j + 1]!.start === named[j]!.end) {
      const end = afterDot(named, j + 1);
      if (end === j + 1) break;
      j = end;
    }
    if (j === i + 1) {
      joined?.push(u);
      continue;
    }
    joined ??= named.slice(0, i);
    // Before the first dot too, pieces of transcription characters belong to the given name (林/ng 德尔/ns·).
    let from = i;
    let chars = [...u.fold].length;
    while (from > 0 && joined.length > 0 && joined[joined.length - 1] === named[from - 1] && named[from - 1]!.end === named[from]!.start && allTranscription(named[from - 1]!)) {
      chars += [...named[from - 1]!.fold].length;
      if (chars > MAX_AFTER_DOT) break;
      joined.pop();
      from--;
    }
    joined.push(merge(named.slice(from, j)));
    i = j - 1;
  }
  return joined ?? named;
}

/** Longest transcription run beside a name dot, in characters: a given name or surname seldom has more. */
const MAX_AFTER_DOT = 6;

/**
 * End of the name part that starts at `k`, just after a name dot (`k` when there is none). After
 * a dot jieba cuts an unknown surname into pieces with any tag (尼/nr 登/v 特尔/nrt); every piece
 * made only of transcription characters belongs to it, since the dot says a name goes on.
 */
const allTranscription = (u: Unit): boolean => u.fold !== "" && allTranslit(u.fold);

function afterDot(units: readonly Unit[], k: number): number {
  const all = allTranscription;
  if (!isNameUnit(units[k]) && !all(units[k]!)) return k;
  let j = k + 1;
  let chars = [...units[k]!.fold].length;
  while (j < units.length && units[j]!.start === units[j - 1]!.end && !NAME_DOTS.has(units[j]!.fold) && all(units[j]!)) {
    chars += [...units[j]!.fold].length;
    if (chars > MAX_AFTER_DOT) return k + 1;
    j++;
  }
  return j;
}

