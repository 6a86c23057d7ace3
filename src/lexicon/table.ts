import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { threadId } from "node:worker_threads";

/**
 * A word list or table kept as one text of `key<TAB>value` lines (or bare keys) sorted by key
 * in UTF-16 code-unit order, and searched in place by bisection. Loading is a file read and
 * one scan for line starts (tens of milliseconds where building a Map of 100,000s of entries
 * takes hundreds) and the text is most of the memory it takes.
 */
export class SortedTable {
  private readonly starts: Int32Array;

  constructor(private readonly text: string) {
    const starts: number[] = [];
    for (let at = 0; at < text.length; ) {
      starts.push(at);
      const nl = text.indexOf("\n", at);
      at = nl === -1 ? text.length : nl + 1;
    }
    this.starts = Int32Array.from(starts);
  }

  /** Number of lines. */
  get size(): number {
    return this.starts.length;
  }

  /** The value of `key` (`""` for a bare key), or undefined when the table does not hold it. */
  get(key: string): string | undefined {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const start = this.starts[mid]!;
      const end = this.lineEnd(mid);
      const tab = this.text.indexOf("\t", start);
      const keyEnd = tab !== -1 && tab < end ? tab : end;
      const k = this.text.slice(start, keyEnd);
      if (k === key) return keyEnd === end ? "" : this.text.slice(keyEnd + 1, end);
      if (k < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  private lineEnd(line: number): number {
    const start = this.starts[line]!;
    let end = line + 1 < this.starts.length ? this.starts[line + 1]! - 1 : this.text.indexOf("\n", start);
    if (end === -1) end = this.text.length;
    return end > start && this.text[end - 1] === "\r" ? end - 1 : end;
  }
}

/**
 * The text of a sorted table: keys sorted by code unit, the first value of a repeated key
 * kept. Keys and values may not hold a line break; keys may not hold a tab.
 */
export function tableText(entries: Iterable<readonly [string, string]>): string {
  const seen = new Map<string, string>();
  for (const [k, v] of entries) {
    if (k === "" || /[\t\r\n]/.test(k) || /[\r\n]/.test(v)) continue;
    if (!seen.has(k)) seen.set(k, v);
  }
  return [...seen.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((k) => (seen.get(k) === "" ? k : `${k}\t${seen.get(k)}`))
    .join("\n");
}

function fresh(cache: string, sources: readonly string[]): boolean {
  try {
    const t = statSync(cache).mtimeMs;
    return sources.every((s) => statSync(s).mtimeMs <= t);
  } catch {
    return false;
  }
}

/** Where tables are cached: beside the compiled code. */
const CACHE_DIR = dirname(fileURLToPath(import.meta.url));

/**
 * A table built from package data once and cached on disk as its text (`npm run build` makes
 * the caches). It is rebuilt when missing or older than any of `sources` (the data and the
 * code that builds it); a read-only install still works, only slower to start.
 */
export function cachedTable(name: string, sources: readonly string[], build: () => Iterable<readonly [string, string]>): SortedTable {
  const cache = join(CACHE_DIR, name);
  if (fresh(cache, [...sources, fileURLToPath(import.meta.url)])) return new SortedTable(readFileSync(cache, "utf8"));
  const text = tableText(build());
  // Not writable: the table built in memory is used.
  replaceFile(cache, text);
  return new SortedTable(text);
}

/**
 * Replaces a file beside the code with `text`, through a temporary file of this thread renamed
 * over it (threads share a pid): a reader sees the old file or the whole new one. False when
 * the folder is not writable.
 */
export function replaceFile(path: string, text: string): boolean {
  const tmp = `${path}.${process.pid}.${threadId}.tmp`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
    return true;
  } catch {
    rmSync(tmp, { force: true });
    return false;
  }
}
