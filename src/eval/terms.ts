import type { TermPair } from "../model/index.js";

/** Gold pairs of a term set, and the other pairs a reviewer accepts. */
export interface TermGold {
  /** Gold pairs with their tier (`core`, `loose`, `extended`): English, its variants and the accepted Chinese forms. */
  pairs: Array<{ en: string; enVariants?: string[]; zh: string[]; tier: string }>;
  /** Accepted pairs beyond the tiers (the full published term list, hand judgements), by `enKey\tzh`. */
  accepted: Set<string>;
  /** Pairs a hand judgement rejected. */
  rejected: Set<string>;
}

/**
 * English compared case-insensitively with plural folded: the readings a phrase may have
 * once its last word loses a plural ending ("confirmed cases" → "confirmed case", "viruses"
 * → "virus"); two phrases match when their readings meet. Acronyms keep their "s" (SARS).
 */
export function foldEn(s: string): string[] {
  const words = s.replace(/[’']/g, "'").replace(/\s+/g, " ").trim().split(" ");
  const last = words.pop() ?? "";
  const head = words.map((w) => w.toLowerCase()).join(" ");
  const lower = last.toLowerCase();
  const forms = new Set([lower]);
  if (!(/^[A-Z0-9-]+$/.test(last) && /[A-Z]{2}/.test(last))) {
    if (lower.endsWith("ies")) forms.add(lower.slice(0, -3) + "y");
    if (lower.endsWith("es")) forms.add(lower.slice(0, -2));
    if (lower.endsWith("s") && !lower.endsWith("ss")) forms.add(lower.slice(0, -1));
  }
  return [...forms].map((f) => (head ? `${head} ${f}` : f));
}

/** Chinese variants of a gold cell: `|`-separated, alternatives at `:` or `/`, parentheticals removed. */
export function zhForms(cell: string): string[] {
  const out = new Set<string>();
  for (const v of cell.split("|")) {
    const bare = v.replace(/[（(][^）)]*[）)]/g, "").trim();
    for (const alt of [v.trim(), bare, ...bare.split(/[:：/]/).map((x) => x.trim())]) if (alt) out.add(alt.replace(/\s+/g, ""));
  }
  return [...out];
}

const acceptKeys = (en: string, zh: string): string[] => foldEn(en).map((e) => `${e}\t${zh.replace(/\s+/g, "")}`);

/**
 * Reads a gold list and the pairs a reviewer accepts beyond it. The gold is a TSV with a header
 * naming its columns: `en`, the Chinese in `zh` and/or `zh_variants` (`|`-separated), optional
 * `en_variants` (`|`-separated) and `tier` (TICO-19's `gold-in-corpus.tsv` and the magazine set's
 * `terms.tsv` both fit). `listTsv` holds further accepted pairs (en TAB zh, a header line is
 * harmless); `judgedTsv` holds hand judgements (en TAB zh TAB verdict, `#` comments; verdict `ok`
 * accepts the pair, `no` rejects it).
 */
export function loadTermGold(goldTsv: string, listTsv: string, judgedTsv: string): TermGold {
  const rows = (t: string) => t.split(/\r?\n/).filter((l) => l.trim() && !l.startsWith("#")).map((l) => l.split("\t"));
  const [head, ...body] = rows(goldTsv);
  const col = (name: string) => head!.indexOf(name);
  const cell = (r: string[], name: string) => (col(name) >= 0 ? (r[col(name)] ?? "") : "");
  const pairs = body.map((r) => {
    const zh = [...new Set([...zhForms(cell(r, "zh")), ...zhForms(cell(r, "zh_variants"))])];
    const en = [cell(r, "en"), ...cell(r, "en_variants").split("|").map((x) => x.trim()).filter(Boolean)];
    return { en: en[0]!, enVariants: en.slice(1), zh, tier: cell(r, "tier") || "core" };
  });
  const accepted = new Set<string>();
  const rejected = new Set<string>();
  const add = (set: Set<string>, en: string, zh: string) => acceptKeys(en, zh).forEach((k) => set.add(k));
  for (const p of pairs) for (const e of [p.en, ...p.enVariants]) for (const z of p.zh) add(accepted, e, z);
  for (const r of rows(listTsv)) for (const z of zhForms(r[1] ?? "")) add(accepted, r[0] ?? "", z);
  for (const r of rows(judgedTsv)) {
    const verdict = (r[2] ?? "").trim();
    if (verdict === "ok") add(accepted, r[0] ?? "", r[1] ?? "");
    else if (verdict === "no") add(rejected, r[0] ?? "", r[1] ?? "");
  }
  return { pairs, accepted, rejected };
}

/**
 * The judgements of one set from a judgement file with sections: a line `#@ NAME` starts the
 * section of set NAME; lines before any section apply to every set.
 */
export function judgementsFor(judgedTsv: string, set: string): string {
  let current: string | undefined;
  const out: string[] = [];
  for (const line of judgedTsv.split(/\r?\n/)) {
    const m = /^#@\s*(\S+)/.exec(line);
    if (m) current = m[1];
    else if (current === undefined || current === set) out.push(line);
  }
  return out.join("\n");
}

export interface TermScores {
  /** Per tier: gold pairs found anywhere in the list (main forms or variants). */
  recall: Record<string, { found: number; total: number; recall: number }>;
  /** Per K: share of the top K pairs that are accepted. */
  precision: Record<number, number | undefined>;
  /** Per listed pair (first max K): `+` accepted, `-` rejected, `?` not judged (counted as not accepted). */
  verdicts: string[];
  /** Per K: how many of the top K were not judged. */
  unjudged: Record<number, number>;
  /** Gold pairs not found, per tier. */
  missed: Record<string, string[]>;
}

/** Recall of the gold pairs and precision at each K, as the eval README defines them. */
export function scoreTerms(pairs: readonly TermPair[], gold: TermGold, ks: readonly number[]): TermScores {
  const found = new Set<string>();
  for (const p of pairs) for (const en of [p.en, ...p.enVariants]) for (const zh of [p.zh, ...p.zhVariants]) acceptKeys(en, zh).forEach((k) => found.add(k));
  const recall: TermScores["recall"] = {};
  const missed: TermScores["missed"] = {};
  for (const g of gold.pairs) {
    const r = (recall[g.tier] ??= { found: 0, total: 0, recall: 0 });
    r.total++;
    if ([g.en, ...(g.enVariants ?? [])].some((e) => g.zh.some((z) => acceptKeys(e, z).some((k) => found.has(k))))) r.found++;
    else (missed[g.tier] ??= []).push(`${g.en} ${g.zh[0] ?? ""}`);
  }
  for (const r of Object.values(recall)) r.recall = r.total ? r.found / r.total : 0;
  const isAccepted = (p: TermPair) => [p.en, ...p.enVariants].some((en) => [p.zh, ...p.zhVariants].some((zh) => acceptKeys(en, zh).some((k) => gold.accepted.has(k))));
  const maxK = Math.max(0, ...ks);
  const isRejected = (p: TermPair) => acceptKeys(p.en, p.zh).some((k) => gold.rejected.has(k));
  const verdicts = pairs.slice(0, maxK).map((p) => (isAccepted(p) ? "+" : isRejected(p) ? "-" : "?"));
  const precision: TermScores["precision"] = {};
  const unjudged: TermScores["unjudged"] = {};
  for (const k of ks) {
    precision[k] = pairs.length >= k ? verdicts.slice(0, k).filter((v) => v === "+").length / k : undefined;
    unjudged[k] = verdicts.slice(0, k).filter((v) => v === "?").length;
  }
  return { recall, precision, verdicts, unjudged, missed };
}
