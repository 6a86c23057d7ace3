/**
 * Where a term stands in a bead's text, as `[start, end)` UTF-16 spans, sorted and merged.
 * English forms match case-insensitively on word boundaries, with a plural or possessive
 * ending (`ambassador` finds `Ambassadors'`); Chinese forms match exactly.
 *
 * Self-contained on purpose (no imports, no closure): the HTML report embeds this very
 * function's source (`termSpans.toString()`), so the workbook and the report highlight alike.
 */
export function termSpans(text: string, forms: readonly string[], lang: "en" | "zh"): Array<[number, number]> {
  const fold = lang === "en" && text.toLowerCase().length === text.length;
  const hay = fold ? text.toLowerCase() : text;
  const word = /[\p{L}\p{N}]/u;
  const found: Array<[number, number]> = [];
  for (const form of forms) {
    const f = fold ? form.toLowerCase() : form;
    if (!f) continue;
    for (let i = hay.indexOf(f); i >= 0; i = hay.indexOf(f, i + 1)) {
      let end = i + f.length;
      if (lang === "en") {
        const tail = /^(?:'s|s'|es|s|')?/.exec(hay.slice(end, end + 3));
        end += tail ? tail[0].length : 0;
        if ((i > 0 && word.test(hay[i - 1]!)) || (end < hay.length && word.test(hay[end]!))) continue;
      }
      found.push([i, end]);
    }
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: Array<[number, number]> = [];
  for (const s of found) {
    const last = out[out.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else out.push([s[0], s[1]]);
  }
  return out;
}

/** The forms a pair's term is looked for by: the surface, the key and the variants (English `-y` also as `-ies`). */
export function termForms(surface: string, key: string, variants: readonly string[], lang: "en" | "zh"): string[] {
  const forms = new Set<string>();
  for (const f of [surface, key, ...variants]) {
    const t = f.trim();
    if (!t) continue;
    forms.add(t);
    if (lang === "en" && /[^aeiou]y$/i.test(t)) forms.add(t.slice(0, -1) + "ies");
  }
  return [...forms].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
}
