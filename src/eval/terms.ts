import type { TermPair } from "../model/index.js";

/** Gold pairs of a term set, and the other pairs a reviewer accepts. */
export interface TermGold {
  /** Gold pairs with their tier (`core`, `loose`): English and the accepted Chinese forms. */
  pairs: Array<{ en: string; zh: string[]; tier: string }>;
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
 * Reads `gold-in-corpus.tsv` (en, zh_variants, …, tier), the published list `terms.tsv` (en, zh)
 * and hand judgements (en TAB zh TAB verdict, `#` comments; verdict `ok` accepts the pair).
 */
export function loadTermGold(goldTsv: string, listTsv: string, judgedTsv: string): TermGold {
  const rows = (t: string) => t.split(/\r?\n/).filter((l) => l.trim() && !l.startsWith("#")).map((l) => l.split("\t"));
  const [head, ...body] = rows(goldTsv);
  const col = (name: string) => head!.indexOf(name);
  const pairs = body.map((r) => ({ en: r[col("en")]!, zh: zhForms(r[col("zh_variants")] ?? ""), tier: r[col("tier")] ?? "core" }));
  const accepted = new Set<string>();
  const rejected = new Set<string>();
  const add = (set: Set<string>, en: string, zh: string) => acceptKeys(en, zh).forEach((k) => set.add(k));
  for (const p of pairs) for (const z of p.zh) add(accepted, p.en, z);
  for (const r of rows(listTsv).slice(1)) for (const z of zhForms(r[1] ?? "")) add(accepted, r[0] ?? "", z);
  for (const r of rows(judgedTsv)) {
    const verdict = (r[2] ?? "").trim();
    if (verdict === "ok") add(accepted, r[0] ?? "", r[1] ?? "");
    else if (verdict === "no") add(rejected, r[0] ?? "", r[1] ?? "");
  }
  return { pairs, accepted, rejected };
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
    if (g.zh.some((z) => acceptKeys(g.en, z).some((k) => found.has(k)))) r.found++;
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
