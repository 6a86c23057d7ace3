import { lstatSync, readdirSync, readlinkSync, realpathSync, statSync, type Stats } from "node:fs";
import { basename, dirname, extname, join, relative, resolve, sep } from "node:path";
import { usageError } from "./errors.js";

/** One document (or pair) found on disk, not read yet. */
export type Found =
  | { kind: "single"; path: string; inFolder?: boolean }
  | { kind: "pair"; en: string; zh: string; key: string };

export interface Discovery {
  found: Found[];
  /** Files with a language marker and no partner, or with two candidates for one: reported, not dropped silently. */
  unpaired: Array<{ path: string; why: string }>;
  /**
   * What a folder holds that is not read: files that are not documents, the run's own output
   * folder, symbolic links left out (`link`: where one leads, when it leads out of the folders).
   */
  skipped: Skipped[];
}

/**
 * Why a path in a folder is not read: not a document; the run's own output or glossary folder;
 * a link out of the input folders (not followed without --follow-links); a broken link (loop,
 * missing target); a second way to a folder or file already found; something the system refused.
 */
export type SkipKind = "not-document" | "excluded" | "link-outside" | "link-broken" | "repeat" | "unreadable";

/** A path a folder search left out, and why (`link`: where a link out of the folders leads). */
export interface Skipped {
  path: string;
  kind: SkipKind;
  why: string;
  link?: string;
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

/** How a folder search treats what it meets besides documents. */
export interface DiscoverOptions {
  /** A regular expression with a `lang` group that pairs monolingual files (`--pair-by`). */
  pairBy?: string;
  /** Follow symbolic links that lead out of the input folders (`--follow-links`); links inside them are always followed. */
  followLinks?: boolean;
  /** Folders never searched, with the reason (this run's `--out` and glossary folders). */
  exclude?: ReadonlyArray<{ path: string; why: string }>;
}

/** A path's real location (links resolved); the path made absolute when it does not exist yet. */
function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

const within = (path: string, dir: string): boolean => path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);

/** Why a link cannot be followed, in words: a loop, a missing target, or the system's refusal. */
function brokenLink(path: string, e: NodeJS.ErrnoException): string {
  let target = "?";
  try {
    target = readlinkSync(path);
  } catch {
    // keep "?"
  }
  if (e.code === "ELOOP") return `symbolic link loop (it leads back to itself through ${target}); left out — repair or remove the link`;
  if (e.code === "ENOENT" || e.code === "ENOTDIR") return `dangling symbolic link (its target ${target} does not exist); left out — repair or remove the link`;
  return `symbolic link to ${target} cannot be followed (${e.code ?? e.message}); left out`;
}

/** The state of one search over the folders given. */
class Walker {
  readonly files: string[] = [];
  readonly skipped: Discovery["skipped"] = [];
  /** Real paths of the folders searched (or being searched): a link back to one is a loop, or a repeat. */
  private readonly dirs = new Set<string>();
  /** Real paths of the documents found: the same file reached twice (through a link) is read once. */
  private readonly seen = new Map<string, string>();
  private readonly exclude: Array<{ real: string; why: string }>;

  constructor(
    private readonly roots: readonly string[],
    private readonly opts: DiscoverOptions,
  ) {
    this.exclude = (opts.exclude ?? []).map((x) => ({ real: real(x.path), why: x.why }));
  }

  /** Searches one input folder. */
  root(dir: string): string[] {
    const start = this.files.length;
    this.dir(dir, real(dir));
    return this.files.slice(start);
  }

  private dir(dir: string, realDir: string): void {
    const ex = this.exclude.find((x) => within(realDir, x.real));
    if (ex) {
      this.skipped.push({ path: dir, kind: "excluded", why: ex.why });
      return;
    }
    if (this.dirs.has(realDir)) return;
    this.dirs.add(realDir);
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (e) {
      this.skipped.push({ path: dir, kind: "unreadable", why: `folder cannot be searched (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); left out — check its permissions` });
      return;
    }
    for (const name of names) {
      if (name.startsWith(".") || name === "node_modules") continue;
      this.entry(join(dir, name), join(realDir, name), name);
    }
  }

  private entry(path: string, realGuess: string, name: string): void {
    let st: Stats;
    let realPath = realGuess;
    try {
      st = lstatSync(path);
      if (st.isSymbolicLink()) {
        try {
          realPath = realpathSync(path);
          st = statSync(realPath);
        } catch (e) {
          this.skipped.push({ path, kind: "link-broken", why: brokenLink(path, e as NodeJS.ErrnoException) });
          return;
        }
        if (!this.opts.followLinks && !this.roots.some((r) => within(realPath, r))) {
          this.skipped.push({ path, kind: "link-outside", why: `symbolic link to ${realPath}, outside the input folders: not followed (give --follow-links to read it)`, link: realPath });
          return;
        }
        if (st.isDirectory() && this.dirs.has(realPath)) {
          this.skipped.push({ path, kind: "repeat", why: `symbolic link to ${realPath}, a folder already searched (a loop or a second way in); left out` });
          return;
        }
      }
    } catch (e) {
      this.skipped.push({ path, kind: "unreadable", why: `cannot be examined (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); left out — check its permissions` });
      return;
    }
    if (st.isDirectory()) return this.dir(path, realPath);
    if (!st.isFile()) {
      this.skipped.push({ path, kind: "not-document", why: "not a regular file (a device, socket or pipe)" });
      return;
    }
    if (!DOC_EXT.has(extname(name).toLowerCase())) {
      this.skipped.push({ path, kind: "not-document", why: `not a text document or TMX (${extname(name) || "no extension"})` });
      return;
    }
    const first = this.seen.get(realPath);
    if (first !== undefined) {
      this.skipped.push({ path, kind: "repeat", why: `the same file as ${first} (through a symbolic link); read once` });
      return;
    }
    this.seen.set(realPath, path);
    this.files.push(path);
  }
}

/**
 * Finds the documents under the paths given: folders are searched recursively; monolingual files
 * are paired by their language marks (or by `pairBy`, a regular expression with a `lang` group);
 * TMX and bilingual documents stand alone. Sorted by path, so the output does not depend on the
 * order the file system lists them in. Symbolic links inside the folders are followed once (a
 * loop or a second way to the same file is reported, not walked again); links that lead out of
 * them, dangling links and loops are reported in `skipped` and left out. Files named one by one
 * are taken as given.
 */
export function discover(paths: readonly string[], opts: DiscoverOptions = {}): Discovery {
  const pairBy = opts.pairBy;
  let re: RegExp | undefined;
  if (pairBy !== undefined) {
    try {
      re = new RegExp(pairBy);
    } catch (e) {
      throw usageError(`--pair-by is not a regular expression (${(e as Error).message})`, "give one with a (?<lang>…) group, e.g. '(?<lang>en|zh)/'");
    }
    if (!re.source.includes("(?<lang>")) throw usageError("--pair-by needs a (?<lang>…) group", "for example --pair-by '_(?<lang>EN|ZH)_'");
  }
  const isDir = (p: string): boolean => {
    try {
      return statSync(p).isDirectory();
    } catch {
      return false; // a missing file is reported, with its own message, by the checks before reading
    }
  };
  const dirs = paths.filter(isDir);
  const walker = new Walker(dirs.map(real), opts);
  const files: Array<{ path: string; rel: string; inFolder?: boolean }> = [];
  for (const p of paths) {
    if (isDir(p)) {
      for (const f of walker.root(p)) files.push({ path: f, rel: relative(p, f), inFolder: true });
    } else files.push({ path: p, rel: basename(p) === p ? p : join(basename(dirname(p)), basename(p)) });
  }
  const skipped = walker.skipped;
  const groups = new Map<string, { en: string[]; zh: string[] }>();
  const found: Found[] = [];
  for (const f of files) {
    const mark = /\.tmx$/i.test(f.path) ? undefined : languageMark(f.rel, re);
    if (!mark) {
      found.push({ kind: "single", path: f.path, ...(f.inFolder ? { inFolder: true } : {}) });
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
