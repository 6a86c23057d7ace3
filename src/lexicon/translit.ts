import { TRANSLIT_CHARS } from "./data/translit.js";
import type { Readings } from "./pinyin.js";

export { TRANSLIT_CHARS };

/** Whether a Chinese string is written only in transcription characters (name dots allowed), two at least. */
export function isTranscription(zh: string): boolean {
  let n = 0;
  for (const ch of zh) {
    if (ch === "·" || ch === "•" || ch === "・") continue;
    if (!TRANSLIT_CHARS.has(ch)) return false;
    n++;
  }
  return n >= 2;
}

/**
 * Consonant skeleton of a word as heard: consonants folded into the classes a transcription
 * keeps apart (b/p, d/t, g/k, f/v/w, the sibilants, l/r, m, n), vowels, h and y dropped,
 * repeats collapsed. English spelling and pinyin both go through it: "Bezos" → PS and
 * 贝索斯 bei suo si → PS.
 */
export function skeleton(word: string, pinyin = false): string {
  let s = word.toLowerCase().replace(/[^a-z]/g, "");
  if (pinyin) {
    s = s.replace(/^(zh|ch|sh|j|q|x|z|c|s)/, "S").replace(/ng$/, "N").replace(/^er$/, "L");
  } else {
    s = s
      .replace(/ph/g, "F")
      .replace(/th/g, "S")
      .replace(/(ch|sh|tch|tz|ts|j)/g, "S")
      .replace(/x+/g, "KS")
      .replace(/ck|q/g, "K")
      .replace(/c(?=[eiy])/g, "S")
      .replace(/gh/g, "")
      // An r or w that no vowel follows is seldom heard in a transcription (Bremner → 布雷纳, Shaw → 肖).
      .replace(/[rw](?![aeiouy])/g, "");
  }
  const cls: Record<string, string> = { b: "P", p: "P", d: "T", t: "T", g: "K", k: "K", c: "K", f: "F", v: "F", w: "F", s: "S", z: "S", l: "L", r: "L", m: "M", n: "N", S: "S", F: "F", K: "K", N: "N", L: "L" };
  let out = "";
  for (const ch of s) {
    const c = cls[ch];
    if (c && !out.endsWith(c)) out += c;
  }
  return out;
}

/** Most pinyin readings combined per name (polyphonic characters multiply). */
const MAX_READINGS = 8;

/**
 * The sounds one pinyin syllable writes in a transcription: j and q also write k and g (基辛格
 * Kissinger, 吉布森 Gibson), x also an h (希瑟 Heather), hu before a vowel a w (华纳 Warner).
 */
function syllableSkeletons(syl: string): string[] {
  const out = [skeleton(syl, true)];
  if (/^[jq]/.test(syl)) out.push("K" + skeleton(syl.slice(1), true));
  else if (/^x/.test(syl)) out.push(skeleton(syl.slice(1), true));
  else if (/^hu[aeio]/.test(syl)) out.push("F" + skeleton(syl.slice(2), true));
  return out;
}

/** Skeletons of a transcribed Chinese name, one per combination of its characters' readings. */
export function transcriptionSkeletons(zh: string, readings: Readings): string[] {
  let combos: string[] = [""];
  for (const ch of zh) {
    if (!TRANSLIT_CHARS.has(ch)) continue;
    const r = readings.get(ch) ?? [];
    if (r.length === 0) return [];
    const forms = [...new Set(r.flatMap(syllableSkeletons))];
    combos = combos.flatMap((prefix) => forms.map((f) => prefix + f)).slice(0, MAX_READINGS);
  }
  return [...new Set(combos.map((c) => c.replace(/(.)\1+/g, "$1")))];
}

/** Similarity of two skeletons in [0, 1]: 1 − edit distance / longer length. */
export function skeletonSimilarity(a: string, b: string): number {
  if (!a || !b) return 0;
  const d: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return 1 - d[b.length]! / Math.max(a.length, b.length);
}

/**
 * Whether two Chinese keys write one foreign name by sound in two ways: each holds a run of at
 * least three transcription characters, and the runs share all but one character.
 */
export function sameTranscription(a: string, b: string): boolean {
  const run = (x: string): string[] => [...x].filter((ch) => TRANSLIT_CHARS.has(ch));
  const ra = run(a);
  const rb = run(b);
  if (ra.length < 3 || rb.length < 3 || Math.abs(ra.length - rb.length) > 1) return false;
  const shared = ra.filter((ch) => rb.includes(ch)).length;
  return shared >= Math.max(ra.length, rb.length) - 1 && shared >= 3;
}
