import type { TermPair } from "../model/index.js";

/** Gold pairs of a term set, and the other pairs a reviewer accepts. */
export interface TermGold {
  /** Gold pairs with their tier (`core`, `loose`): English and the accepted Chinese forms. */
  pairs: Array<{ en: string; zh: string[]; tier: string }>;
  /** Accepted pairs beyond the tiers (the full published term list, hand judgements), by `enKey\tzh`. */
  accepted: Set<string>;
}

/** English compared case-insensitively with plural folded ("Confirmed cases" = "confirmed case"). */
export function foldEn(s: string): string {
  return s
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/\s+/g, " ")
    .trim()
    .split(" ")
    .map((w) => w.replace(/(?<=[a-z]{3})(ies)$/, "y").replace(/(?<=[a-z]{2}[^s])s$/, ""))
    .join(" ");
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

const acceptKey = (en: string, zh: string): string => `${foldEn(en)}\t${zh.replace(/\s+/g, "")}`;

/**
 * Reads `gold-in-corpus.tsv` (en, zh_variants, …, tier), the published list `terms.tsv` (en, zh)
 * and hand judgements (en TAB zh TAB verdict, `#` comments; verdict `ok` accepts the pair).
 */
export function loadTermGold(goldTsv: string, listTsv: string, judgedTsv: string): TermGold {
  const rows = (t: string) => t.split(/\r?\n/).filter((l) => l.trim() && !l.startsWith("#")).map((l) => l.split("\t"));
  const [head, ...body] = rows(goldTsv);
  const col = (name: string) => head!.indexOf(name);
  const pairs = body.map((r) => ({ en: r[col("en")]!, zh: zhForms(r[col("zh_variants")] ?? ""), tier: r[col("tier")] ?? "core" }));
  const accepted = new Set<string>();
  for (const p of pairs) for (const z of p.zh) accepted.add(acceptKey(p.en, z));
  for (const r of rows(listTsv).slice(1)) for (const z of zhForms(r[1] ?? "")) accepted.add(acceptKey(r[0] ?? "", z));
  for (const r of rows(judgedTsv)) if ((r[2] ?? "").trim() === "ok") accepted.add(acceptKey(r[0] ?? "", r[1] ?? ""));
  return { pairs, accepted };
}

export interface TermScores {
  /** Per tier: gold pairs found anywhere in the list (main forms or variants). */
  recall: Record<string, { found: number; total: number; recall: number }>;
  /** Per K: share of the top K pairs that are accepted. */
  precision: Record<number, number | undefined>;
  /** Per listed pair (first max K): `+` accepted, `-` not. */
  verdicts: string[];
  /** Gold pairs not found, per tier. */
  missed: Record<string, string[]>;
}

/** Recall of the gold pairs and precision at each K, as the eval README defines them. */
export function scoreTerms(pairs: readonly TermPair[], gold: TermGold, ks: readonly number[]): TermScores {
  const found = new Set<string>();
  for (const p of pairs) for (const en of [p.en, ...p.enVariants]) for (const zh of [p.zh, ...p.zhVariants]) found.add(acceptKey(en, zh));
  const recall: TermScores["recall"] = {};
  const missed: TermScores["missed"] = {};
  for (const g of gold.pairs) {
    const r = (recall[g.tier] ??= { found: 0, total: 0, recall: 0 });
    r.total++;
    if (g.zh.some((z) => found.has(acceptKey(g.en, z)))) r.found++;
    else (missed[g.tier] ??= []).push(`${g.en} ${g.zh[0] ?? ""}`);
  }
  for (const r of Object.values(recall)) r.recall = r.total ? r.found / r.total : 0;
  const isAccepted = (p: TermPair) => [p.en, ...p.enVariants].some((en) => [p.zh, ...p.zhVariants].some((zh) => gold.accepted.has(acceptKey(en, zh))));
  const maxK = Math.max(0, ...ks);
  const verdicts = pairs.slice(0, maxK).map((p) => (isAccepted(p) ? "+" : "-"));
  const precision: TermScores["precision"] = {};
  for (const k of ks) precision[k] = pairs.length >= k ? verdicts.slice(0, k).filter((v) => v === "+").length / k : undefined;
  return { recall, precision, verdicts, missed };
}
