/**
 * logDice (Rychlý 2008): 14 + log2(2·f(xy) / (f(x) + f(y))). At most 14; independent of
 * corpus size, so figures from one document and from an archive compare.
 */
export function logDice(cooc: number, fx: number, fy: number): number {
  return cooc > 0 ? 14 + Math.log2((2 * cooc) / (fx + fy)) : 0;
}

const xlogx = (k: number, n: number): number => (k > 0 ? k * Math.log(k / n) : 0);

/**
 * Dunning's log-likelihood ratio G² of a 2×2 table: `cooc` beads hold both terms, `fx` and
 * `fy` beads hold each, `n` beads in all. Large when the pair meets more often than chance.
 */
export function llr(cooc: number, fx: number, fy: number, n: number): number {
  const k11 = cooc;
  const k12 = fx - cooc;
  const k21 = fy - cooc;
  const k22 = Math.max(0, n - fx - fy + cooc);
  const rows = [k11 + k12, k21 + k22];
  const cols = [k11 + k21, k12 + k22];
  const total = k11 + k12 + k21 + k22;
  if (total === 0) return 0;
  const g = 2 * (xlogx(k11, 1) + xlogx(k12, 1) + xlogx(k21, 1) + xlogx(k22, 1) - xlogx(rows[0]!, 1) - xlogx(rows[1]!, 1) - xlogx(cols[0]!, 1) - xlogx(cols[1]!, 1) + xlogx(total, 1));
  // Negative association (fewer meetings than chance) is reported as 0: it is no evidence for a link.
  return k11 * total >= rows[0]! * cols[0]! ? Math.max(0, g) : 0;
}
