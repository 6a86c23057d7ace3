/** A bead shape the search may use: `en` and `zh` sentences consumed. */
export interface Move {
  en: number;
  zh: number;
}

/** Cost of a bead covering en[i0, i1) and zh[j0, j1); lower is better, finite. */
export type BeadCost = (i0: number, i1: number, j0: number, j1: number) => number;

export interface Path {
  /** Bead boundaries from (0,0) to (n,m), one entry per bead end. */
  steps: Array<{ i0: number; i1: number; j0: number; j1: number; cost: number }>;
  total: number;
}

export interface BandOptions {
  /** Half-width of the band to start with. */
  width?: number;
  /** The column the band is centred on in each row (n + 1 entries); default the proportional diagonal. */
  guide?: Int32Array;
}

/** The centre row by row of an earlier path, to guide a finer search (rows a 0-1 run crosses take its middle). */
export function guideFromPath(steps: Path["steps"], n: number): { guide: Int32Array; spread: number } {
  const lo = new Int32Array(n + 1).fill(2 ** 30);
  const hi = new Int32Array(n + 1).fill(-1);
  const mark = (i: number, j: number): void => {
    if (j < lo[i]!) lo[i] = j;
    if (j > hi[i]!) hi[i] = j;
  };
  mark(0, 0);
  for (const s of steps) {
    for (let i = s.i0; i <= s.i1; i++) {
      mark(i, s.i1 === s.i0 ? s.j0 : s.j0 + Math.round(((i - s.i0) * (s.j1 - s.j0)) / (s.i1 - s.i0)));
    }
    mark(s.i1, s.j1);
  }
  const guide = new Int32Array(n + 1);
  let spread = 0;
  for (let i = 0; i <= n; i++) {
    guide[i] = Math.round((lo[i]! + hi[i]!) / 2);
    spread = Math.max(spread, Math.ceil((hi[i]! - lo[i]!) / 2));
  }
  return { guide, spread };
}

/**
 * Minimum-cost monotone alignment of n × m sentences by dynamic programming inside a
 * band around a guide (by default the proportional diagonal, j ≈ i·m/n). The band starts
 * narrow and doubles while the best path touches its edge, so ordinary documents cost
 * O(n·w) time and memory, and a skewed one still finds the optimum within the band it
 * grows to (the full matrix if it must).
 */
export function bandedAlign(n: number, m: number, moves: readonly Move[], cost: BeadCost, opts: BandOptions = {}): Path {
  // Start narrow (translations rarely drift far from the guide) and double on contact.
  let width = opts.width ?? Math.ceil(0.01 * Math.max(n, m)) + 60;
  for (;;) {
    const full = width >= Math.max(n, m) + 1;
    const { path, touched } = search(n, m, moves, cost, full ? Math.max(n, m) + 1 : width, full ? undefined : opts.guide);
    if (full || (!touched && path)) {
      if (!path) throw new Error(`no alignment path for ${n}×${m} with the given moves`);
      return path;
    }
    width *= 2;
  }
}

function search(n: number, m: number, moves: readonly Move[], cost: BeadCost, width: number, guide?: Int32Array): { path: Path | undefined; touched: boolean } {
  const span = 2 * width + 1;
  const centre = guide ? (i: number): number => guide[i]! : (i: number): number => (n === 0 ? 0 : Math.round((i * m) / n));
  const rows = n + 1;
  const best = new Float64Array(rows * span).fill(Infinity);
  const back = new Uint8Array(rows * span).fill(255);
  const at = (i: number, j: number): number => {
    const k = j - centre(i) + width;
    return k < 0 || k >= span ? -1 : i * span + k;
  };
  const start = at(0, 0);
  if (start < 0) return { path: undefined, touched: true };
  best[start] = 0;
  for (let i = 0; i <= n; i++) {
    const c = centre(i);
    const jLo = Math.max(0, c - width);
    const jHi = Math.min(m, c + width);
    for (let j = jLo; j <= jHi; j++) {
      if (i === 0 && j === 0) continue;
      const here = at(i, j);
      let min = Infinity;
      let arg = 255;
      for (let k = 0; k < moves.length; k++) {
        const mv = moves[k]!;
        const pi = i - mv.en;
        const pj = j - mv.zh;
        if (pi < 0 || pj < 0) continue;
        const prev = at(pi, pj);
        if (prev < 0) continue;
        const base = best[prev]!;
        if (base === Infinity) continue;
        const v = base + cost(pi, i, pj, j);
        if (v < min) {
          min = v;
          arg = k;
        }
      }
      best[here] = min;
      back[here] = arg;
    }
  }
  const end = at(n, m);
  if (end < 0 || best[end] === Infinity) return { path: undefined, touched: true };
  const steps: Path["steps"] = [];
  let touched = false;
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const idx = at(i, j);
    const mv = moves[back[idx]!]!;
    const i0 = i - mv.en;
    const j0 = j - mv.zh;
    steps.push({ i0, i1: i, j0, j1: j, cost: best[idx]! - best[at(i0, j0)]! });
    if (Math.abs(j - centre(i)) >= width - 1) touched = true;
    i = i0;
    j = j0;
  }
  steps.reverse();
  return { path: { steps, total: best[end]! }, touched };
}

/** −T·log(e^(−a/T) + e^(−b/T)): a soft minimum of two costs at temperature T. */
function softMin(a: number, b: number, t: number): number {
  if (a === Infinity) return b;
  if (b === Infinity) return a;
  const lo = Math.min(a, b);
  return lo - t * Math.log1p(Math.exp(-Math.abs(a - b) / t));
}

/**
 * Posterior probability of each step of a path: the share of all monotone alignments inside
 * the band (weighted by e^(−cost/T)) that contain that bead, by the forward–backward sums
 * over the same lattice the search used. A bead the evidence leaves no rival for gets near
 * 1; one with an almost as cheap alternative (a 2-1 that could as well be 1-1 + 1-0) gets
 * near its share. The temperature `t` turns costs into probabilities.
 */
export function stepPosteriors(n: number, m: number, moves: readonly Move[], cost: BeadCost, steps: Path["steps"], t: number, margin: number): number[] {
  const { guide, spread } = guideFromPath(steps, n);
  const width = spread + margin;
  const span = 2 * width + 1;
  const at = (i: number, j: number): number => {
    const k = j - guide[i]! + width;
    return k < 0 || k >= span || j < 0 || j > m ? -1 : i * span + k;
  };
  const fwd = new Float64Array((n + 1) * span).fill(Infinity);
  const bwd = new Float64Array((n + 1) * span).fill(Infinity);
  fwd[at(0, 0)] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = Math.max(0, guide[i]! - width); j <= Math.min(m, guide[i]! + width); j++) {
      if (i === 0 && j === 0) continue;
      let v = Infinity;
      for (const mv of moves) {
        const pi = i - mv.en;
        const pj = j - mv.zh;
        if (pi < 0 || pj < 0) continue;
        const prev = at(pi, pj);
        if (prev < 0 || fwd[prev] === Infinity) continue;
        v = softMin(v, fwd[prev]! + cost(pi, i, pj, j), t);
      }
      fwd[at(i, j)] = v;
    }
  }
  bwd[at(n, m)] = 0;
  for (let i = n; i >= 0; i--) {
    for (let j = Math.min(m, guide[i]! + width); j >= Math.max(0, guide[i]! - width); j--) {
      if (i === n && j === m) continue;
      let v = Infinity;
      for (const mv of moves) {
        const ni = i + mv.en;
        const nj = j + mv.zh;
        if (ni > n || nj > m) continue;
        const next = at(ni, nj);
        if (next < 0 || bwd[next] === Infinity) continue;
        v = softMin(v, bwd[next]! + cost(i, ni, j, nj), t);
      }
      bwd[at(i, j)] = v;
    }
  }
  const total = fwd[at(n, m)]!;
  return steps.map((s) => {
    const a = at(s.i0, s.j0);
    const b = at(s.i1, s.j1);
    if (a < 0 || b < 0) return 0;
    return Math.min(1, Math.exp(-(fwd[a]! + cost(s.i0, s.i1, s.j0, s.j1) + bwd[b]! - total) / t));
  });
}
