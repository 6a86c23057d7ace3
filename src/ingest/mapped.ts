/**
 * Text being cleaned, with the source offset of every UTF-16 code unit, so that
 * removing markup or joining lines never loses where a character came from.
 */
export interface Mapped {
  text: string;
  map: number[];
}

/** A slice of the source, mapped one to one. */
export function fromSource(source: string, start: number, end: number): Mapped {
  const map: number[] = [];
  for (let k = start; k < end; k++) map.push(k);
  return { text: source.slice(start, end), map };
}

/** Joins mapped parts; one copy of each map (flatMap over a long block's parts was its slowest step). */
export function concat(parts: readonly Mapped[]): Mapped {
  let n = 0;
  for (const p of parts) n += p.map.length;
  const map = new Array<number>(n);
  let k = 0;
  for (const p of parts) for (let i = 0; i < p.map.length; i++) map[k++] = p.map[i]!;
  return { text: parts.map((p) => p.text).join(""), map };
}

export function slice(m: Mapped, start: number, end = m.text.length): Mapped {
  return { text: m.text.slice(start, end), map: m.map.slice(start, end) };
}

/** Inserted text: every character maps to `at` (the source character it stands for). */
export function inserted(text: string, at: number): Mapped {
  return { text, map: Array.from({ length: text.length }, () => at) };
}

/**
 * Replaces every match of `re` (global) with `fn(match)`. Characters of a replacement map
 * to the source of the match's first character; untouched text keeps its map.
 */
export function replace(m: Mapped, re: RegExp, fn: (match: RegExpExecArray) => string): Mapped {
  const parts: Mapped[] = [];
  let last = 0;
  re.lastIndex = 0;
  for (let x = re.exec(m.text); x; x = re.exec(m.text)) {
    if (x[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    parts.push(slice(m, last, x.index));
    const rep = fn(x);
    const at = m.map[x.index] ?? 0;
    // A replacement that keeps a suffix of the match keeps that suffix's own offsets.
    const tail = x[0].endsWith(rep) ? rep.length : 0;
    if (tail > 0) parts.push(slice(m, x.index + x[0].length - tail, x.index + x[0].length));
    else parts.push(inserted(rep, at));
    last = x.index + x[0].length;
  }
  parts.push(slice(m, last));
  return concat(parts);
}

/** Removes the characters at the given indices. */
export function removeAt(m: Mapped, indices: ReadonlySet<number>): Mapped {
  if (indices.size === 0) return m;
  let text = "";
  const map: number[] = [];
  for (let k = 0; k < m.text.length; k++) {
    if (indices.has(k)) continue;
    text += m.text[k];
    map.push(m.map[k]!);
  }
  return { text, map };
}

/** Trims white space at both ends. */
export function trim(m: Mapped): Mapped {
  const start = m.text.length - m.text.trimStart().length;
  const end = m.text.trimEnd().length;
  return start >= end ? { text: "", map: [] } : slice(m, start, end);
}
