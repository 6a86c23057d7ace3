import { EN_SPEAKER_LABEL, ZH_SPEAKER_LABEL } from "./data/labels.js";

/** Discourse marks a translation keeps: a question, quoted speech, a speaker label. */
export const MARKS = ["asks", "quotes", "label"] as const;
export type Mark = (typeof MARKS)[number];

const EN_TESTS: Record<Mark, RegExp> = { asks: /\?/, quotes: /["“”]/, label: EN_SPEAKER_LABEL };
const ZH_TESTS: Record<Mark, RegExp> = { asks: /[?？]/, quotes: /["“”「」『』]/, label: ZH_SPEAKER_LABEL };

/**
 * Per mark, prefix counts of the sentences that carry it, so whether a bead of any size
 * carries a mark is one subtraction.
 */
export class MarkIndex {
  private readonly prefix: Record<Mark, Uint32Array>;

  constructor(texts: readonly string[], lang: "en" | "zh") {
    const tests = lang === "en" ? EN_TESTS : ZH_TESTS;
    this.prefix = Object.fromEntries(
      MARKS.map((mark) => {
        const p = new Uint32Array(texts.length + 1);
        texts.forEach((t, k) => (p[k + 1] = p[k]! + (tests[mark].test(t) ? 1 : 0)));
        return [mark, p];
      }),
    ) as Record<Mark, Uint32Array>;
  }

  /** Whether any sentence in [a, b) carries the mark. */
  has(mark: Mark, a: number, b: number): boolean {
    const p = this.prefix[mark];
    return p[b]! > p[a]!;
  }
}

/** Sum of the weights of the marks that one side of the bead carries and the other does not. */
export function markMismatch(en: MarkIndex, zh: MarkIndex, i0: number, i1: number, j0: number, j1: number, weights: Record<Mark, number>): number {
  let c = 0;
  for (const mark of MARKS) if (en.has(mark, i0, i1) !== zh.has(mark, j0, j1)) c += weights[mark];
  return c;
}
