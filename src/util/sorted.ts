/**
 * The numbers in both of two ascending lists, ascending: the shorter list searched in the longer,
 * so a rare key against a common one costs the rare key's length times a logarithm.
 */
export function intersectSorted(a: readonly number[], b: readonly number[]): number[] {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  const out: number[] = [];
  let lo = 0;
  for (const x of small) {
    let hi = large.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (large[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    if (lo < large.length && large[lo] === x) out.push(x);
  }
  return out;
}
