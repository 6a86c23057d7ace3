import type { Paragraph, Sentence } from "../model/index.js";

/** Cuts a paragraph at the given end offsets (exclusive) into trimmed, non-empty sentences. */
export function cut(p: Paragraph, paragraphIndex: number, ends: readonly number[]): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  for (const end of [...ends, p.text.length]) {
    if (end <= start) continue;
    const raw = p.text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body) {
      const a = start + lead;
      const b = a + body.length;
      const s: Sentence = { doc: p.doc, lang: p.lang, text: body, start: p.map[a]!, end: p.map[b - 1]! + 1, line: p.line, paragraph: paragraphIndex };
      if (p.kind === "heading") s.heading = true;
      out.push(s);
    }
    start = end;
  }
  return out;
}
