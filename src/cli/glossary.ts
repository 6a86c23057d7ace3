import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { checkOf, cutOff, formatCheck, parseCheck, recordEnds } from "../glossary/check.js";
import { glossaryFeedback } from "../glossary/merge.js";
import { parseGlossary, serializeGlossary, type Glossary } from "../glossary/store.js";
import { decodeBytes } from "../ingest/encoding.js";
import { TermbridgeError } from "../model/index.js";
import { CommitError, FileSet, onInterrupt, processAlive, REAL_FS, tempPathFor, type FileOps } from "./io.js";
import { osReason } from "./errors.js";
import { USER_DICT } from "./resources.js";

/** The files of a glossary folder. */
export interface GlossaryFiles {
  dir: string;
  csv: string;
  backup: string;
  userDict: string;
  lock: string;
  /** What termbridge last wrote to the CSV (see glossary/check.ts). */
  check: string;
}

export function glossaryFiles(dir: string): GlossaryFiles {
  return { dir, csv: join(dir, "glossary.csv"), backup: join(dir, "glossary.csv.bak"), userDict: join(dir, USER_DICT), lock: join(dir, ".glossary.lock"), check: join(dir, ".glossary.csv.check") };
}

/** The glossary as read at the start of a run, with what its write needs. */
export interface LoadedGlossary {
  glossary: Glossary;
  /** The CSV's bytes as read: they become the backup when the glossary is written. Absent: no file. */
  bytes?: Buffer;
  /** Lines for stderr: ids given to rows added by hand, an encoding other than UTF-8. */
  notes: string[];
}

function readOptional(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new TermbridgeError({ code: "unreadable", message: `cannot read: ${osReason(e)}`, file: path, hint: "check its permissions" });
  }
}

/** Data rows of a CSV (records after the header, blank lines aside), for messages about backups. */
function rowsOf(bytes: Buffer | undefined): number {
  if (!bytes || bytes.length === 0) return 0;
  const text = bytes.toString("latin1");
  let rows = 0;
  let at = 0;
  for (const end of recordEnds(text)) {
    if (text.slice(at, end).trim() !== "") rows++;
    at = end;
  }
  if (text.slice(at).trim() !== "") rows++;
  return Math.max(0, rows - 1);
}

function backupHint(files: { csv: string; backup: string }): string {
  const bak = readOptional(files.backup);
  const rows = rowsOf(bak);
  if (rows === 0) return "";
  let when = "";
  try {
    when = `, saved ${statSync(files.backup).mtime.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  } catch {
    // gone meanwhile
  }
  return `; the backup ${files.backup} holds ${rows} row(s) (the glossary before the last run${when}): restore it with cp ${files.backup} ${files.csv}`;
}

/**
 * Characters a Chinese–English glossary does not hold but a legacy code page read the wrong way
 * produces (Big5 read as GBK gives kana, Greek, Cyrillic, box drawing and private-use
 * characters), and U+FFFD.
 */
const MOJIBAKE = /[\u0370-\u03ff\u0400-\u04ff\u2500-\u257f\u3040-\u30ff\ue000-\uf8ff\ufffd]/;

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Decodes the glossary's bytes. UTF-8 (what termbridge writes), UTF-16 with a BOM and GBK (Excel
 * on Chinese Windows) are read; bytes that are not valid in the detected encoding, or a legacy
 * decoding that turns into characters no glossary holds, stop with the line and what to do
 * (issue 18: a glossary LibreOffice saved in another character set was read as mojibake and
 * written back).
 */
function decodeGlossary(path: string, bytes: Buffer, hintOf: () => string): { text: string; encoding: string } {
  const resave = "save it again as UTF-8 (LibreOffice: File > Save As > Text CSV > Edit filter settings > Character set: Unicode (UTF-8); Excel: CSV UTF-8) and run again";
  let src;
  try {
    src = decodeBytes(path, path, bytes);
  } catch (e) {
    if (e instanceof TermbridgeError) {
      throw new TermbridgeError({ code: "bad-encoding", message: `${e.message}: the glossary was saved in a character set termbridge cannot tell`, file: path, ...(e.line !== undefined ? { line: e.line } : {}), hint: `${resave}; the glossary was left untouched${hintOf()}` });
    }
    throw e;
  }
  if (src.encoding !== "utf-8" && src.encoding !== "utf-8-bom" && src.encoding !== "utf-16le" && src.encoding !== "utf-16be") {
    const bad = MOJIBAKE.exec(src.text);
    if (bad) {
      const line = lineOf(src.text, bad.index);
      const shown = src.text.split("\n")[line - 1]!.trim().slice(0, 40);
      throw new TermbridgeError({ code: "bad-encoding", message: `is not UTF-8 and reads as ${src.encoding} only as garbled text ("${shown}"): it was saved in another character set`, file: path, line, hint: `${resave}; the glossary was left untouched${hintOf()}` });
    }
  }
  return { text: src.text, encoding: src.encoding };
}

/**
 * A Chinese term with "?" in it: a save in a character set without those characters replaced
 * them (LibreOffice and Excel write "?" for what the chosen character set cannot hold).
 */
const LOST = /\?/;

/**
 * Reads and checks the glossary before any work is done, so that a bad one stops the run with
 * its line and is never touched, with the backup named when there is one. A missing or empty
 * file is an empty glossary, unless termbridge wrote one here before (its side file or a backup
 * with rows says so): then it was lost or cut off, and the run stops (issue 18). A file that is
 * the start of what termbridge wrote, the rest missing, stops too (issue 19 #4).
 */
export function loadGlossary(files: GlossaryFiles): LoadedGlossary {
  const bytes = readOptional(files.csv);
  const checkText = readOptional(files.check)?.toString("utf8");
  const check = checkText ? parseCheck(checkText) : undefined;
  let memo: string | undefined;
  // Only a refusal needs it: reading the backup on every run would double the work.
  const hintOf = (): string => (memo ??= backupHint(files));
  const lost = (message: string, also = ""): never => {
    throw new TermbridgeError({ code: "malformed-glossary", message, file: files.csv, hint: `nothing was changed${also}${hintOf() || `; to go on with the file as it is, delete ${files.check}`}` });
  };
  if (!bytes || bytes.length === 0) {
    if ((check && check.rows > 0) || hintOf()) lost(bytes ? "is empty (0 bytes) but held a glossary: it was cut off by a crash or a sync tool" : "is missing but this folder held a glossary");
    return { glossary: { entries: [], extraColumns: [] }, notes: [] };
  }
  const { text, encoding } = decodeGlossary(files.csv, bytes, hintOf);
  if (check) {
    const cut = cutOff(text, check);
    if (cut) {
      lost(
        `holds ${cut.rows} of the ${cut.written} rows termbridge wrote and ends ${cut.midRow ? "inside a row" : "where a row ended"}: it looks cut off (a crash or a sync tool)`,
        cut.midRow ? "" : `; if you deleted the last rows yourself, delete ${files.check} and run again`,
      );
    }
  }
  let glossary: Glossary;
  try {
    glossary = parseGlossary(text, files.csv);
  } catch (e) {
    if (e instanceof TermbridgeError && hintOf()) throw new TermbridgeError({ code: e.code, message: e.message, file: e.file ?? files.csv, ...(e.line !== undefined ? { line: e.line } : {}), hint: `${e.hint}${hintOf()}` });
    throw e;
  }
  const bad = glossary.entries.find((e) => LOST.test(e.zh));
  if (bad) {
    const line = lineOf(text, text.indexOf(bad.zh));
    throw new TermbridgeError({ code: "bad-encoding", message: `the Chinese term of row ${bad.id} is "${bad.zh}": characters were lost when the file was saved in a character set without them`, file: files.csv, line, hint: `save it again as UTF-8${hintOf()}; the glossary was left untouched` });
  }
  const notes: string[] = [];
  if (encoding !== "utf-8" && encoding !== "utf-8-bom") notes.push(`termbridge: ${files.csv}: read as ${encoding}; it will be written back as UTF-8`);
  for (const g of glossary.givenIds ?? []) notes.push(`termbridge: ${files.csv}:${g.line}: the row had no id; it was given ${g.id}`);
  return { glossary, bytes, notes };
}

/** Reads a glossary file (a CSV with its backup `FILE.bak` and side file `.FILE.check` beside it). */
export function readGlossaryFile(path: string): Glossary {
  const name = basename(path);
  return loadGlossary({ ...glossaryFiles(dirname(path)), csv: path, backup: `${path}.bak`, check: join(dirname(path), `.${name}.check`) }).glossary;
}

/**
 * Stages a glossary write in `set`: the user dictionary derived from it, the backup (the CSV as
 * this run read it), the CSV and its side file. {@link GLOSSARY_ORDER} gives their rename order.
 * Returns warnings for stderr: a backup replaced by one with fewer rows is said.
 */
export function stageGlossary(set: FileSet, files: GlossaryFiles, loaded: Pick<LoadedGlossary, "bytes"> | undefined, glossary: Glossary, userDict: string): string[] {
  const warnings: string[] = [];
  set.stage(files.userDict, userDict);
  if (loaded?.bytes && loaded.bytes.length > 0) {
    let before = 0;
    try {
      before = rowsOf(readOptional(files.backup));
    } catch {
      // an unreadable backup is replaced like any other
    }
    const now = rowsOf(loaded.bytes);
    if (now < before) warnings.push(`termbridge: warning: ${files.backup}: the backup held ${before} row(s); it now holds the glossary as this run found it, ${now} row(s) (rows were deleted since the last run)`);
    set.stage(files.backup, loaded.bytes);
  }
  const text = serializeGlossary(glossary);
  set.stage(files.csv, text);
  set.stage(files.check, formatCheck(checkOf(text)));
  return warnings;
}

/**
 * The rename order of a glossary write: the derived user dictionary first, the CSV (the commit
 * point) after its backup, the side file last. Killed before the CSV's rename, the folder holds
 * the old glossary (a newer user dictionary is rebuilt from it by {@link repairUserDict});
 * after it, the new one (issue 15 #5).
 */
export function glossaryOrder(files: GlossaryFiles): string[] {
  return [files.userDict, files.backup, files.csv, files.check];
}

/**
 * Replaces the glossary after an edit made under its lock (`glossary import`, `review import`):
 * everything is staged, the lock is checked to be still this run's, then renamed in
 * {@link glossaryOrder}; `extra` files (the alignment corrections) are renamed after the glossary.
 * Returns the warnings to print.
 */
export function saveGlossary(files: GlossaryFiles, lock: HeldLock, loaded: LoadedGlossary, glossary: Glossary, extra: ReadonlyArray<{ path: string; content: string }> = []): string[] {
  const set = new FileSet();
  try {
    const warnings = stageGlossary(set, files, loaded, glossary, glossaryFeedback(glossary).userDict);
    for (const f of extra) set.stage(f.path, f.content);
    lock.verify();
    set.commit(glossaryOrder(files));
    return warnings;
  } catch (e) {
    set.abort();
    throw glossaryCommitError(files, e);
  }
}

/** Says what a failed glossary commit left, truthfully. */
export function glossaryCommitError(files: GlossaryFiles, e: unknown): TermbridgeError {
  if (e instanceof TermbridgeError) return e;
  const c = e as CommitError;
  const saved = c.replaced?.includes(files.csv);
  return new TermbridgeError({
    code: "unreadable",
    message: `cannot write the glossary: ${osReason(c.cause ?? e)}`,
    file: c.failed ?? files.csv,
    hint: `check that the folder is writable and the disk has space; ${saved ? `${files.csv} was saved (new)` : `${files.csv} is unchanged`}`,
  });
}

/**
 * Writes the glossary and its jieba user dictionary (see {@link stageGlossary}): all staged in
 * full, then renamed in {@link glossaryOrder}.
 */
export function writeGlossary(files: GlossaryFiles, glossary: Glossary, userDict: string, ops: FileOps = REAL_FS): string[] {
  mkdirSync(files.dir, { recursive: true });
  const set = new FileSet(ops);
  try {
    const warnings = stageGlossary(set, files, { bytes: readOptional(files.csv) }, glossary, userDict);
    set.commit(glossaryOrder(files));
    return warnings;
  } catch (e) {
    set.abort();
    throw glossaryCommitError(files, e);
  }
}

/**
 * The user dictionary is derived from the CSV: one a crash left newer than the CSV, or one
 * missing, is rebuilt before jieba loads it, so the CSV alone decides.
 */
export function repairUserDict(files: GlossaryFiles, glossary: Glossary, ops: FileOps = REAL_FS): boolean {
  const want = glossaryFeedback(glossary).userDict;
  const have = readOptional(files.userDict)?.toString("utf8");
  if (have === want || (have === undefined && want === "")) return false;
  const set = new FileSet(ops);
  try {
    set.stage(files.userDict, want);
    set.commit();
  } catch (e) {
    set.abort();
    throw glossaryCommitError(files, e);
  }
  return true;
}

/** Who holds a lock: `PID DATE HOST TOKEN` (older locks: `PID DATE`). */
interface Holder {
  pid: number;
  since: string;
  host: string | undefined;
}

function parseHolder(text: string): Holder | undefined {
  const [pid, since, host] = text.trim().split(" ");
  const n = Number(pid);
  if (!Number.isInteger(n) || n <= 0) return undefined;
  return { pid: n, since: since ?? "?", host };
}

/** Options of {@link withGlossaryLock}; tests inject liveness and file operations. */
export interface LockOptions {
  alive?: (pid: number) => boolean;
  ops?: FileOps;
  /** Polling interval while waiting (ms). */
  pollMs?: number;
}

/** Passed to the locked function: `verify` throws unless the lock is still this run's. */
export interface HeldLock {
  verify(): void;
}

/** A lock file without a readable owner younger than this is being written by an older termbridge. */
const UNREADABLE_GRACE_MS = 10_000;

/** link(2) errors of file systems without hard links (FAT, some network shares). */
const NO_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS"]);

function createWhole(ops: FileOps, path: string, content: string): boolean {
  let fd: number;
  try {
    fd = ops.open(path, "wx");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw e;
  }
  try {
    ops.write(fd, content);
  } finally {
    ops.close(fd);
  }
  return true;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * Runs `fn` holding the glossary's lock, from before the glossary is read until after it is
 * renamed, so two runs on one glossary never interleave (issue 19 #1).
 *
 * The lock file is created whole: its content (pid, date, host, a random token) is written to a
 * temporary file first and hard-linked to `.glossary.lock`, which fails if the lock exists — so
 * no reader ever sees a lock without its owner (issue 15 #4). A lock whose process is gone on
 * this host is stale; taking it over is done under a second, short-lived lock
 * (`.glossary.lock.break`) and only if the lock still holds what was found stale, so two waiters
 * never delete each other's new lock. A lock without a readable owner (an older termbridge
 * writing it) is waited for. The second run waits up to `waitMs`, then stops with a message.
 */
export async function withGlossaryLock<T>(files: GlossaryFiles, waitMs: number, fn: (lock: HeldLock) => Promise<T>, opts: LockOptions = {}): Promise<T> {
  const ops = opts.ops ?? REAL_FS;
  const alive = opts.alive ?? processAlive;
  const host = hostname().replace(/\s+/g, "_");
  mkdirSync(files.dir, { recursive: true });
  const mine = `${process.pid} ${new Date().toISOString()} ${host} ${randomBytes(6).toString("hex")}\n`;
  const tmp = tempPathFor(files.lock);
  const removeMine = (path: string): void => {
    if (readText(path) === mine) ops.unlink(path);
  };
  const forget = onInterrupt(`lock:${tmp}`, () => {
    removeMine(files.lock);
    removeMine(tmp);
  });
  const lockError = (e: unknown): TermbridgeError =>
    new TermbridgeError({ code: "unreadable", message: `cannot create the glossary lock: ${osReason(e)}`, file: files.lock, hint: "the glossary folder must be writable" });
  try {
    try {
      const fd = ops.open(tmp, "wx");
      try {
        ops.write(fd, mine);
      } finally {
        ops.close(fd);
      }
    } catch (e) {
      throw lockError(e);
    }
    const stale = (h: Holder | undefined): boolean => {
      if (!h) {
        let age = 0;
        try {
          age = Date.now() - statSync(files.lock).mtimeMs;
        } catch {
          return false;
        }
        return age > UNREADABLE_GRACE_MS;
      }
      return (h.host === undefined || h.host === host) && !alive(h.pid);
    };
    /** False when another waiter is taking it over right now. */
    const takeOver = (seen: string): boolean => {
      const breaker = `${files.lock}.break`;
      try {
        ops.link(tmp, breaker);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw lockError(e);
        // Held by a waiter that died while breaking (it holds it for microseconds).
        const b = readText(breaker);
        const h = b === undefined ? undefined : parseHolder(b);
        if (h && (h.host === undefined || h.host === host) && !alive(h.pid) && readText(breaker) === b) {
          try {
            ops.unlink(breaker);
          } catch {
            // another waiter did
          }
        }
        return false;
      }
      try {
        if (readText(files.lock) === seen) ops.unlink(files.lock);
      } finally {
        removeMine(breaker);
      }
      return true;
    };
    const start = Date.now();
    for (;;) {
      try {
        ops.link(tmp, files.lock);
        break;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code && NO_LINKS.has(code)) {
          // A file system without hard links: create exclusively and write the owner in one call.
          if (createWhole(ops, files.lock, mine)) break;
        } else if (code !== "EEXIST") throw lockError(e);
      }
      const text = readText(files.lock);
      if (text === undefined) continue; // released between our two calls
      const holder = parseHolder(text);
      if (stale(holder) && takeOver(text)) continue;
      if (Date.now() - start >= waitMs) {
        throw new TermbridgeError({
          code: "glossary-locked",
          message: holder ? `is being updated by another termbridge run (process ${holder.pid}${holder.host && holder.host !== host ? ` on ${holder.host}` : ""}, since ${holder.since})` : "is being updated by another termbridge run",
          file: files.dir,
          hint: `wait for it to finish and run again (or give --lock-wait more seconds); delete ${files.lock} only if no termbridge is running`,
        });
      }
      await sleep((opts.pollMs ?? 100) * (0.5 + Math.random()));
    }
    try {
      ops.unlink(tmp);
    } catch {
      // the lock itself stays: it is the other name of the same file
    }
    const verify = (): void => {
      if (readText(files.lock) !== mine) {
        throw new TermbridgeError({ code: "glossary-locked", message: "the glossary lock was taken over by another run while this one worked", file: files.lock, hint: "nothing was written; run again" });
      }
    };
    return await fn({ verify });
  } finally {
    for (const p of [files.lock, tmp]) {
      try {
        removeMine(p);
      } catch {
        // gone already
      }
    }
    forget();
  }
}

/**
 * Commits a run: the glossary first (user dictionary, backup, CSV, side file), then the outputs,
 * report.json last, all renamed in one short step after everything was written in full (issue 19
 * #2). A failure before the glossary's CSV is renamed leaves the glossary and output/ as they
 * were; no output is ever written from a merge that was not saved.
 */
export function commitRun(set: FileSet, g: GlossaryFiles | undefined, lock: HeldLock | undefined, outputs: readonly string[]): void {
  lock?.verify();
  try {
    set.commit([...(g ? glossaryOrder(g) : []), ...outputs]);
  } catch (e) {
    const c = e as CommitError;
    if (g && !c.replaced.includes(g.csv)) throw glossaryCommitError(g, e);
    const left = outputs.filter((o) => !c.replaced.includes(o));
    throw new TermbridgeError({
      code: "unreadable",
      message: `cannot write the outputs: ${osReason(c.cause)}`,
      file: c.failed,
      hint: `${g ? `the glossary was saved; ` : ""}not replaced: ${left.join(", ")} — report.json lists the files of the last complete set; check the folder and run again`,
    });
  }
}
