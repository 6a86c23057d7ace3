import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { join } from "node:path";
import { parseGlossary, serializeGlossary, type Glossary } from "../glossary/store.js";
import { decodeBytes } from "../ingest/encoding.js";
import { TermbridgeError } from "../model/index.js";
import { USER_DICT } from "./resources.js";

/** The files of a glossary folder. */
export interface GlossaryFiles {
  dir: string;
  csv: string;
  backup: string;
  userDict: string;
  lock: string;
}

export function glossaryFiles(dir: string): GlossaryFiles {
  return { dir, csv: join(dir, "glossary.csv"), backup: join(dir, "glossary.csv.bak"), userDict: join(dir, USER_DICT), lock: join(dir, ".glossary.lock") };
}

/**
 * Reads and checks the glossary before any work is done, so that a malformed one stops the
 * run with its line and is never touched. A missing file is an empty glossary. Bytes a
 * spreadsheet saved in the system code page (GBK on Chinese Windows) are decoded as such.
 */
export function readGlossaryFile(path: string): Glossary {
  if (!existsSync(path)) return { entries: [], extraColumns: [] };
  const bytes = readFileSync(path);
  if (bytes.length === 0) return { entries: [], extraColumns: [] };
  const src = decodeBytes(path, path, bytes);
  return parseGlossary(src.text, path);
}

/** The operations a glossary write uses; a test passes failing ones to simulate a crash. */
export interface WriteOps {
  writeFileDurable(path: string, content: string): void;
  copyFile(from: string, to: string): void;
  rename(from: string, to: string): void;
}

export const REAL_OPS: WriteOps = {
  writeFileDurable(path, content) {
    const fd = openSync(path, "w");
    try {
      writeSync(fd, content);
      // On disk before the rename makes it the glossary: a power cut cannot leave an empty file.
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  },
  copyFile: (from, to) => copyFileSync(from, to),
  rename: (from, to) => renameSync(from, to),
};

/**
 * Writes the glossary and its jieba user dictionary atomically: each goes to a temporary file,
 * synced, then renamed over the old one; the old glossary is first kept as `glossary.csv.bak`
 * (itself replaced atomically). Killed at any moment, the folder holds the old or the new
 * glossary, never a mix.
 */
export function writeGlossary(files: GlossaryFiles, glossary: Glossary, userDict: string, ops: WriteOps = REAL_OPS): void {
  mkdirSync(files.dir, { recursive: true });
  const tmp = (p: string) => `${p}.${process.pid}.tmp`;
  const temps: string[] = [];
  try {
    temps.push(tmp(files.csv));
    ops.writeFileDurable(tmp(files.csv), serializeGlossary(glossary));
    temps.push(tmp(files.userDict));
    ops.writeFileDurable(tmp(files.userDict), userDict);
    if (existsSync(files.csv)) {
      temps.push(tmp(files.backup));
      ops.copyFile(files.csv, tmp(files.backup));
      ops.rename(tmp(files.backup), files.backup);
    }
    ops.rename(tmp(files.csv), files.csv);
    ops.rename(tmp(files.userDict), files.userDict);
  } catch (e) {
    for (const t of temps) {
      try {
        unlinkSync(t);
      } catch {
        // renamed already, or never written
      }
    }
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new TermbridgeError({ code: "unreadable", message: `cannot write the glossary (${code})`, file: files.csv, hint: "check that the folder is writable and the disk has space; the previous glossary is unchanged" });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `fn` holding the glossary's lock, so that two runs on one glossary do not interleave.
 * The second run waits up to `waitMs`, then stops with a message; a lock left by a run that
 * was killed (its process is gone) is taken over.
 */
export async function withGlossaryLock<T>(files: GlossaryFiles, waitMs: number, fn: () => Promise<T>): Promise<T> {
  mkdirSync(files.dir, { recursive: true });
  const start = Date.now();
  const mine = `${process.pid} ${new Date().toISOString()}\n`;
  for (;;) {
    try {
      const fd = openSync(files.lock, "wx");
      writeSync(fd, mine);
      closeSync(fd);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      let holder = "";
      try {
        holder = readFileSync(files.lock, "utf8");
      } catch {
        continue; // released between our two calls
      }
      const pid = Number(holder.split(" ")[0]);
      if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) {
        try {
          unlinkSync(files.lock);
        } catch {
          // another waiter took it over first
        }
        continue;
      }
      if (Date.now() - start >= waitMs) {
        throw new TermbridgeError({
          code: "glossary-locked",
          message: `is being updated by another termbridge run (process ${pid}, since ${holder.split(" ")[1]?.trim() ?? "?"})`,
          file: files.dir,
          hint: `wait for it to finish and run again (or give --lock-wait more seconds); delete ${files.lock} only if no termbridge is running`,
        });
      }
      await sleep(200);
    }
  }
  const release = () => {
    try {
      if (readFileSync(files.lock, "utf8") === mine) unlinkSync(files.lock);
    } catch {
      // gone already
    }
  };
  process.once("exit", release);
  try {
    return await fn();
  } finally {
    release();
    process.removeListener("exit", release);
  }
}
