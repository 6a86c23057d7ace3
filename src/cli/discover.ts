import { readdirSync, statSync } from "node:fs";
import { basename, dirname, extname, join, relative, sep } from "node:path";
import { usageError } from "./errors.js";

/** One document (or pair) found on disk, not read yet. */
export type Found =
  | { kind: "single"; path: string }
  | { kind: "pair"; en: string; zh: string; key: string };

export interface Discovery {
  found: Found[];
  /** Files with a language marker and no partner, or with two candidates for one: reported, not dropped silently. */
  unpaired: Array<{ path: string; why: string }>;
  /** Files in a folder that are not documents termbridge reads. */
  skipped: Array<{ path: string; why: string }>;
}

/** Extensions of the documents a folder is searched for (`.en`/`.zh`: one-sentence-per-line pairs such as `001.en`). */
const DOC_EXT = new Set([".txt", ".md", ".markdown", ".text", ".tmx", ".en", ".zh"]);

const EN = /^(en|eng|en[-_](us|gb))$/i;
const ZH = /^(zh|zho|chi|zh[-_](cn|hans|sg))$/i;
/** Folders may also be spelt out: english/, chinese/. */
const EN_DIR = /^(english)$/i;
const ZH_DIR = /^(chinese)$/i;
const langOf = (tag: string): "en" | "zh" | undefined => (EN.test(tag) ? "en" : ZH.test(tag) ? "zh" : undefined);
const dirLangOf = (tag: string): "en" | "zh" | undefined => langOf(tag) ?? (EN_DIR.test(tag) ? "en" : ZH_DIR.test(tag) ? "zh" : undefined);

/**
 * The language a path is marked with, and the key its partner shares: `name.en.txt`/`name.zh.txt`,
 * `name_en.txt`, `name-en.md`, `001.en`/`001.zh`, or `en/name.txt`/`zh/name.txt` folders.
 */
export function languageMark(rel: string, pairBy?: RegExp): { lang: "en" | "zh"; key: string } | undefined {
  const posix = rel.split(sep).join("/");
  if (pairBy) {
    const m = pairBy.exec(posix);
    const tag = m?.groups?.lang;
    const lang = tag ? langOf(tag) : undefined;
    if (!m || !tag || !lang) return undefined;
    const at = m.index + m[0].indexOf(tag);
    return { lang, key: posix.slice(0, at) + "{lang}" + posix.slice(at + tag.length) };
  }
  const parts = posix.split("/");
  for (let k = parts.length - 2; k >= 0; k--) {
    const lang = dirLangOf(parts[k]!);
    if (lang) return { lang, key: [...parts.slice(0, k), "{lang}", ...parts.slice(k + 1)].join("/") };
  }
  const file = parts[parts.length - 1]!;
  const ext = extname(file);
  const asExt = langOf(ext.slice(1));
  if (asExt) return { lang: asExt, key: [...parts.slice(0, -1), file.slice(0, -ext.length) + ".{lang}"].join("/") };
  const m = /^(.+?)[._-]([A-Za-z]{2,7}(?:[-_][A-Za-z]{2,4})?)$/.exec(file.slice(0, file.length - ext.length));
  const lang = m ? langOf(m[2]!) : undefined;
  if (!m || !lang) return undefined;
  return { lang, key: [...parts.slice(0, -1), `${m[1]}.{lang}${ext}`].join("/") };
}

function walk(dir: string, out: string[], skipped: Discovery["skipped"]): void {
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith(".") || name === "node_modules") continue;
    const path = join(dir, name);
    const st = statSync(path);
    if (st.isDirectory()) walk(path, out, skipped);
    else if (DOC_EXT.has(extname(name).toLowerCase())) out.push(path);
    else skipped.push({ path, why: `not a text document or TMX (${extname(name) || "no extension"})` });
  }
}

/**
 * Finds the documents under the paths given: folders are searched recursively; monolingual files
 * are paired by their language marks (or by `pairBy`, a regular expression with a `lang` group);
 * TMX and bilingual documents stand alone. Sorted by path, so the output does not depend on the
 * order the file system lists them in.
 */
export function discover(paths: readonly string[], pairBy?: string): Discovery {
  let re: RegExp | undefined;
  if (pairBy !== undefined) {
    try {
      re = new RegExp(pairBy);
    } catch (e) {
      throw usageError(`--pair-by is not a regular expression (${(e as Error).message})`, "give one with a (?<lang>…) group, e.g. '(?<lang>en|zh)/'");
    }
    if (!re.source.includes("(?<lang>")) throw usageError("--pair-by needs a (?<lang>…) group", "for example --pair-by '_(?<lang>EN|ZH)_'");
  }
  const skipped: Discovery["skipped"] = [];
  const files: Array<{ path: string; rel: string }> = [];
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      // readSource reports a missing file with its own message
    }
    if (isDir) {
      const inside: string[] = [];
      walk(p, inside, skipped);
      for (const f of inside) files.push({ path: f, rel: relative(p, f) });
    } else files.push({ path: p, rel: basename(p) === p ? p : join(basename(dirname(p)), basename(p)) });
  }
  const groups = new Map<string, { en: string[]; zh: string[] }>();
  const found: Found[] = [];
  for (const f of files) {
    const mark = /\.tmx$/i.test(f.path) ? undefined : languageMark(f.rel, re);
    if (!mark) {
      found.push({ kind: "single", path: f.path });
      continue;
    }
    const key = `${f.path.slice(0, f.path.length - f.rel.length)}${mark.key}`;
    const g = groups.get(key) ?? { en: [], zh: [] };
    g[mark.lang].push(f.path);
    groups.set(key, g);
  }
  const unpaired: Discovery["unpaired"] = [];
  for (const [key, g] of groups) {
    if (g.en.length === 1 && g.zh.length === 1) found.push({ kind: "pair", en: g.en[0]!, zh: g.zh[0]!, key });
    else if (g.en.length > 1 || g.zh.length > 1) for (const p of [...g.en, ...g.zh]) unpaired.push({ path: p, why: `more than one ${g.en.length > 1 ? "English" : "Chinese"} file for ${key}` });
    else for (const p of [...g.en, ...g.zh]) unpaired.push({ path: p, why: `no ${g.en.length ? "Chinese" : "English"} partner (looked for ${key.replace("{lang}", g.en.length ? "zh" : "en")})` });
  }
  const at = (f: Found) => (f.kind === "pair" ? f.en : f.path);
  found.sort((a, b) => (at(a) < at(b) ? -1 : at(a) > at(b) ? 1 : 0));
  unpaired.sort((a, b) => (a.path < b.path ? -1 : 1));
  return { found, unpaired, skipped };
}
