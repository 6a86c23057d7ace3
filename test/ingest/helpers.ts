import { expect } from "vitest";
import { lineFinder } from "../../src/ingest/blocks.js";
import { loadWordList } from "../../src/ingest/words.js";
import type { Paragraph, SourceDoc } from "../../src/model/index.js";

/** The word list, loaded once for all ingest tests. */
export const res = { words: loadWordList() };

export const doc = (text: string, id = "d.md"): SourceDoc => ({ id, path: id, encoding: "utf-8", text });

/** Paragraph texts, one per paragraph. */
export const texts = (ps: ReadonlyArray<{ text: string }>): string[] => ps.map((p) => p.text);

/** Builds a document from blocks separated by blank lines. */
export const blocks = (...bs: string[]): string => bs.join("\n\n");

/**
 * The map invariant: every character of a paragraph points at itself in the source,
 * unless it was inserted (a joining space maps to the break it replaces) or decoded
 * (an entity maps to its `&`, a no-break space or `<br>` to itself, a line-final soft
 * hyphen to itself); offsets never go backwards; `line` is the line of the first character.
 */
export function expectMapInvariant(src: string, paragraphs: readonly Paragraph[]): void {
  const lineOf = lineFinder(src);
  for (const p of paragraphs) {
    expect(p.map).toBeInstanceOf(Uint32Array);
    expect(p.map.length).toBe(p.text.length);
    expect(lineOf(p.map[0]!)).toBe(p.line);
    for (let i = 0; i < p.text.length; i++) {
      const t = p.text[i]!;
      const s = src[p.map[i]!]!;
      if (i > 0) expect(p.map[i]!).toBeGreaterThanOrEqual(p.map[i - 1]!);
      if (s === t) continue;
      const inserted = /\s/.test(t) && /[\s<]/.test(s);
      const decoded = s === "&" || (t === "-" && s === "\u00ad");
      expect(inserted || decoded, `${JSON.stringify(t)} at ${i} of ${JSON.stringify(p.text)} maps to ${JSON.stringify(s)}`).toBe(true);
    }
  }
}
