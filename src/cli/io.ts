import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { createHash, type Hash } from "node:crypto";
import { basename, dirname, join } from "node:path";
import { decodeBytes } from "../ingest/encoding.js";
import { TermbridgeError, type Encoding, type SourceDoc } from "../model/index.js";
import { osReason, readError } from "./errors.js";

/** Reads and decodes an input file, turning file-system failures into one-line errors. */
export function readSource(path: string, encoding?: Encoding): SourceDoc {
  let bytes: Buffer;
  try {
    if (statSync(path).isDirectory()) {
      throw new TermbridgeError({ code: "unreadable", message: "is a folder, not a file", file: path, hint: "pass the documents inside it, or their paired --en/--zh files" });
    }
    bytes = readFileSync(path);
  } catch (e) {
    throw readError(e, path);
  }
  return decodeBytes(path, path, bytes, encoding);
}

/** Whether a decoded file is a TMX: by extension, or by its root element for other names. */
export function looksLikeTmx(src: SourceDoc): boolean {
  if (/\.tmx$/i.test(src.path)) return true;
  const head = src.text.slice(0, 2048).replace(/^\uFEFF/, "").trimStart();
  return head.startsWith("<") && /<tmx[\s>]/i.test(head);
}

/**
 * The file-system calls every writer goes through. Tests pass failing or "killed" ones to
 * prove that a fault at any call leaves whole files (the old or the new), never a mix.
 */
export interface FileOps {
  open(path: string, flags: string): number;
  write(fd: number, data: string | Uint8Array): void;
  fsync(fd: number): void;
  close(fd: number): void;
  rename(from: string, to: string): void;
  unlink(path: string): void;
  link(existing: string, created: string): void;
}

export const REAL_FS: FileOps = {
  open: (p, f) => openSync(p, f),
  write(fd, data) {
    // writeSync may write less than asked (a full disk mid-way): loop, or report the error.
    const buf = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
  },
  fsync: (fd) => fsyncSync(fd),
  close: (fd) => closeSync(fd),
  rename: (a, b) => renameSync(a, b),
  unlink: (p) => unlinkSync(p),
  link: (a, b) => linkSync(a, b),
};

/**
 * Temporary files and locks this process holds: a signal handler removes them (issue 15 #8),
 * and `sweepStale` leaves them alone while the process lives.
 */
const held = new Map<string, () => void>();

/** Registers a clean-up to run if the process is interrupted; returns its removal. */
export function onInterrupt(key: string, cleanup: () => void): () => void {
  held.set(key, cleanup);
  return () => void held.delete(key);
}

/** Runs every registered clean-up (temporary files first, then locks). Says what it removed. */
export function cleanUpHeld(): { files: number; locks: number } {
  const all = [...held.entries()].sort((a, b) => Number(a[0].startsWith("lock:")) - Number(b[0].startsWith("lock:")));
  held.clear();
  for (const [, f] of all) {
    try {
      f();
    } catch {
      // best effort: the process is going away
    }
  }
  const locks = all.filter(([k]) => k.startsWith("lock:")).length;
  return { files: all.length - locks, locks };
}

let installed = false;

/**
 * SIGINT (Ctrl-C) and SIGTERM: remove this run's temporary files and its glossary lock, say so
 * on one line and exit 130 / 143 (128 + signal number, as shells do). Files are only ever
 * replaced by a rename, so nothing in place is half-written.
 */
export function installInterruptCleanup(): void {
  if (installed) return;
  installed = true;
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
    process.on(signal, () => {
      const n = cleanUpHeld();
      const removed = [n.files ? "temporary files" : "", n.locks ? "the glossary lock" : ""].filter(Boolean).join(" and ");
      process.stderr.write(`termbridge: interrupted (${signal}) — ${removed ? `${removed} removed; ` : ""}files already in place are whole (this run's glossary and outputs were not written unless it had finished)\n`);
      process.exit(code);
    });
  }
}

let seq = 0;

/** `.NAME.PID-N.tmp` beside the target: hidden, in the same folder (rename is atomic only there), and naming its process. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}-${++seq}.tmp`);
}

/** Our temporary names, new (`.NAME.PID-N.tmp`) and older (`.NAME.PID.tmp`, `NAME.PID.tmp`). */
const TEMP_NAME = /^\.?.+\.(\d+)(?:-\d+)?\.tmp$/;

/** Whether a process runs (EPERM: it runs under another user). */
export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes temporary files left in `dir` by termbridge processes that no longer run (killed
 * with SIGKILL, or a power cut). Returns the names removed. A missing folder is fine.
 */
export function sweepStale(dir: string, alive: (pid: number) => boolean = processAlive): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const gone: string[] = [];
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m || alive(Number(m[1]))) continue;
    try {
      unlinkSync(join(dir, name));
      gone.push(name);
    } catch {
      // another run swept it first
    }
  }
  return gone;
}


/** One file of a {@link FileSet}: where it goes, its temporary name, and what was written. */
export interface Staged {
  path: string;
  tmp: string;
  bytes: number;
  sha256: string;
}

/** A file being written in pieces (the TMX, as documents go). */
export interface StagedStream {
  write(chunk: string | Uint8Array): void;
  /** Syncs and closes; the file then waits for `commit`. */
  end(): void;
}

/** Thrown by `FileSet.commit` when a rename fails: which files were already replaced. */
export class CommitError extends Error {
  constructor(
    readonly failed: string,
    readonly replaced: readonly string[],
    override readonly cause: unknown,
  ) {
    super(`cannot replace ${failed}: ${osReason(cause)}`);
  }
}

/**
 * The one way termbridge replaces files (issue 15, deliver 3): every file of a step is first
 * written in full to a temporary file beside its target and synced, then all are renamed in one
 * short step, in the order staged. A failure while writing removes every temporary file and
 * changes nothing; a process killed at any moment leaves whole files, old or new, and
 * temporary files that the next run sweeps (`sweepStale`).
 */
export class FileSet {
  private readonly files: Staged[] = [];
  private open = new Set<number>();
  private readonly forget: () => void;
  private done = false;

  constructor(private readonly ops: FileOps = REAL_FS) {
    this.forget = onInterrupt(`files:${process.pid}-${++seq}`, () => this.abort());
  }

  /** Writes `content` in full to a temporary file for `path`. */
  stage(path: string, content: string | Uint8Array): Staged {
    const s = this.stream(path);
    s.write(content);
    s.end();
    return this.files[this.files.length - 1]!;
  }

  /** Stages a file written in pieces (UTF-8). */
  stream(path: string): StagedStream {
    const tmp = tempPathFor(path);
    let fd: number;
    try {
      mkdirSync(dirname(path), { recursive: true });
      fd = this.ops.open(tmp, "wx");
    } catch (e) {
      this.abort();
      throw writeError(path, e);
    }
    const entry: Staged = { path, tmp, bytes: 0, sha256: "" };
    this.files.push(entry);
    this.open.add(fd);
    const hash: Hash = createHash("sha256");
    const fail = (e: unknown): never => {
      this.abort();
      throw writeError(path, e);
    };
    return {
      write: (chunk) => {
        const buf = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk);
        try {
          this.ops.write(fd, buf);
        } catch (e) {
          fail(e);
        }
        hash.update(buf);
        entry.bytes += buf.length;
      },
      end: () => {
        try {
          // On disk before a rename makes it the real file: a power cut cannot leave it empty.
          this.ops.fsync(fd);
          this.open.delete(fd);
          this.ops.close(fd);
        } catch (e) {
          fail(e);
        }
        entry.sha256 = hash.digest("hex");
      },
    };
  }

  /** The staged files, in order. */
  get staged(): readonly Staged[] {
    return this.files;
  }

  /**
   * Renames every staged file over its target: those named in `first` in that order, then the
   * others in the order staged. On a failure the files not yet renamed are removed and a
   * {@link CommitError} says which were replaced.
   */
  commit(first: readonly string[] = []): void {
    const rank = (f: Staged): number => (first.includes(f.path) ? first.indexOf(f.path) : first.length + this.files.indexOf(f));
    const order = [...this.files].sort((a, b) => rank(a) - rank(b));
    const replaced: string[] = [];
    for (const f of order) {
      try {
        this.ops.rename(f.tmp, f.path);
      } catch (e) {
        this.abort(new Set(replaced));
        throw new CommitError(f.path, replaced, e);
      }
      replaced.push(f.path);
    }
    this.done = true;
    this.forget();
  }

  /** Removes the temporary files (but those of `renamed`); the targets are left as they were. */
  abort(renamed: ReadonlySet<string> = new Set()): void {
    for (const fd of this.open) {
      try {
        this.ops.close(fd);
      } catch {
        // already closed
      }
    }
    this.open.clear();
    if (!this.done) {
      for (const f of this.files) {
        if (renamed.has(f.path)) continue;
        try {
          this.ops.unlink(f.tmp);
        } catch {
          // never written, or renamed
        }
      }
    }
    this.done = true;
    this.forget();
  }
}

function writeError(path: string, e: unknown): TermbridgeError {
  if (e instanceof TermbridgeError) return e;
  return new TermbridgeError({ code: "unreadable", message: `cannot write: ${osReason(e)}`, file: path, hint: "free some space or make the folder writable; no file was changed" });
}

/**
 * Writes files so that a failed or killed run never leaves a partial one: all are staged
 * in full, then renamed in one step (see {@link FileSet}).
 */
export function writeFilesAtomic(files: ReadonlyArray<{ path: string; content: string | Uint8Array }>, ops: FileOps = REAL_FS): void {
  const set = new FileSet(ops);
  for (const f of files) set.stage(f.path, f.content);
  try {
    set.commit();
  } catch (e) {
    const c = e as CommitError;
    throw new TermbridgeError({ code: "unreadable", message: `cannot write output: ${osReason(c.cause)}`, file: c.failed, hint: `check that the folder is writable${c.replaced.length ? `; already replaced: ${c.replaced.join(", ")}` : "; no file was changed"}` });
  }
}
