import { TermbridgeError } from "./model/index.js";

/** Options as a caller gives them; every key is optional. */
export interface Options {
  /** Source language code of the TMX (default `en-US`). */
  srcLang?: string;
  /** Target language code of the TMX (default `zh-CN`). */
  tgtLang?: string;
  /** Beads scoring below this stay out of the TMX (default 0: keep all). */
  minScore?: number;
  /** Beads scoring below this are flagged for review (report and TMX prop; default 0.5). */
  reviewBelow?: number;
  /** Segments longer than this (characters, either side) stay out of the TMX (default 2000). */
  maxSegmentLength?: number;
  /** The clock for creation dates; injected so output can be reproduced. */
  now?: () => Date;
}

export type ResolvedOptions = Required<Options>;

/** Every default in one place. */
export const DEFAULT_OPTIONS: ResolvedOptions = {
  srcLang: "en-US",
  tgtLang: "zh-CN",
  minScore: 0,
  reviewBelow: 0.5,
  maxSegmentLength: 2000,
  now: () => new Date(),
};

const LANG_CODE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

function usage(message: string, hint: string): never {
  throw new TermbridgeError({ code: "bad-usage", message, file: "", hint });
}

function checkLang(name: string, code: string, primary: "en" | "zh" | undefined): void {
  if (code.includes("_")) usage(`${name} "${code}" uses "_"`, `write it with a hyphen (${code.replace(/_/g, "-")}): CAT tools skip units in "_" codes`);
  if (!LANG_CODE.test(code)) usage(`${name} "${code}" is not a language code`, "use a code such as en-US, en-GB, zh-CN, zh-Hans or zh-TW");
  if (primary && code.split("-")[0]!.toLowerCase() !== primary) usage(`${name} "${code}" is not ${primary === "en" ? "English" : "Chinese"}`, "one side must be English (en-…) and the other Chinese (zh-…)");
}

/** Validates loose options against the defaults; unknown keys are rejected. */
export function resolveOptions(o: Options = {}): ResolvedOptions {
  for (const k of Object.keys(o)) if (!Object.hasOwn(DEFAULT_OPTIONS, k)) usage(`unknown option "${k}"`, `known options: ${Object.keys(DEFAULT_OPTIONS).join(", ")}`);
  const r: ResolvedOptions = { ...DEFAULT_OPTIONS, ...Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) };
  checkLang("source language", r.srcLang, undefined);
  const srcPrimary = r.srcLang.split("-")[0]!.toLowerCase();
  if (srcPrimary !== "en" && srcPrimary !== "zh") usage(`source language "${r.srcLang}" is neither English nor Chinese`, "use en-US (default) or zh-CN");
  checkLang("target language", r.tgtLang, srcPrimary === "en" ? "zh" : "en");
  if (!(r.minScore >= 0 && r.minScore <= 1)) usage(`minimum score ${r.minScore} is outside [0, 1]`, "give a number such as 0.3");
  if (!(r.reviewBelow >= 0 && r.reviewBelow <= 1)) usage(`review threshold ${r.reviewBelow} is outside [0, 1]`, "give a number such as 0.5");
  if (!(r.maxSegmentLength > 0)) usage(`maximum segment length ${r.maxSegmentLength} must be positive`, "give a number such as 2000");
  return r;
}
