import fc from "fast-check";
import { decodePartial, encodePartial, mergePartials, type CorpusPartial } from "../../src/corpus/partial.js";

/** Arbitraries for `mergeRandomly`: a sort key per partial and one merge step per partial. */
export const mergePlan = (n: number) =>
  [fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }), fc.array(fc.tuple(fc.nat(), fc.boolean(), fc.boolean()), { minLength: n, maxLength: n })] as const;

/**
 * A random permutation of the partials (by `keys`), then random merges of neighbours, either
 * way round, some of them sent through JSON as a worker would send them, until one partial is
 * left or the steps run out. Returns what is left, in order.
 */
export function mergeRandomly(partials: CorpusPartial[], keys: readonly number[], steps: ReadonlyArray<readonly [number, boolean, boolean]>): CorpusPartial[] {
  let list = partials
    .map((p, k) => [keys[k]!, p] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, p]) => p);
  for (const [pick, swap, wire] of steps) {
    if (list.length === 1) break;
    const i = pick % (list.length - 1);
    const [a, b] = swap ? [list[i + 1]!, list[i]!] : [list[i]!, list[i + 1]!];
    let m = mergePartials(a, b);
    if (wire) m = decodePartial(JSON.parse(JSON.stringify(encodePartial(m))));
    list = [...list.slice(0, i), m, ...list.slice(i + 2)];
  }
  return list;
}
