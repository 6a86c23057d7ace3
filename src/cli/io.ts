import { mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { decodeBytes } from "../ingest/encoding.js";
import { TermbridgeError, type Encoding, type SourceDoc } from "../model/index.js";

/** Reads and decodes an input file, turning file-system failures into one-line errors. */
export function readSource(path: string, encoding?: Encoding): SourceDoc {
  let bytes: Buffer;
  try {
    if (statSync(path).isDirectory()) {
      throw new TermbridgeError({ code: "unreadable", message: "is a folder, not a file", file: path, hint: "pass the documents inside it, or their paired --en/--zh files" });
    }
    bytes = readFileSync(path);
  } catch (e) {
    if (e instanceof TermbridgeError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new TermbridgeError({ code: "not-found", message: "no such file", file: path, hint: "check the path and its spelling" });
    throw new TermbridgeError({ code: "unreadable", message: `cannot read the file (${code ?? String(e)})`, file: path, hint: "check its permissions" });
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
 * Writes files so that a failed or killed run never leaves a partial one: every file
 * goes to a temporary name in the same folder first and is renamed only when all are
 * written.
 */
export function writeFilesAtomic(files: ReadonlyArray<{ path: string; content: string | Uint8Array }>): void {
  const temps: Array<{ tmp: string; path: string }> = [];
  try {
    for (const f of files) {
      mkdirSync(dirname(f.path), { recursive: true });
      const tmp = join(dirname(f.path), `.${basename(f.path)}.${process.pid}.tmp`);
      writeFileSync(tmp, f.content, "utf8");
      temps.push({ tmp, path: f.path });
    }
    for (const t of temps) renameSync(t.tmp, t.path);
  } catch (e) {
    for (const t of temps) {
      try {
        unlinkSync(t.tmp);
      } catch {
        // already renamed or never written
      }
    }
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new TermbridgeError({ code: "unreadable", message: `cannot write output (${code})`, file: files[0]?.path ?? "", hint: "check that the output folder is writable and the disk has space" });
  }
}
