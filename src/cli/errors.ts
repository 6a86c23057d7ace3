import { TermbridgeError, type Diagnostic } from "../model/index.js";

/** Exit codes: 0 ok, 1 bad input, 2 bad usage. */
export const EXIT = { ok: 0, input: 1, usage: 2 } as const;

/**
 * A file name made safe for a one-line message or an XML prop: control characters (a newline,
 * a tab, ESC, the C1 range, line/paragraph separators, bidirectional overrides) are written as
 * `\n`, `\t` or `\xNN`/`\uNNNN`, so a name can neither split a message over two lines nor
 * move the terminal's cursor.
 */
export function escapeName(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    if (c === "\n") return "\\n";
    if (c === "\t") return "\\t";
    if (c === "\r") return "\\r";
    const n = c.charCodeAt(0);
    return n < 0x100 ? `\\x${n.toString(16).padStart(2, "0")}` : `\\u${n.toString(16).padStart(4, "0")}`;
  });
}

function place(file: string | undefined, line: number | undefined): string {
  if (!file) return "";
  return line !== undefined ? `${escapeName(file)}:${line}: ` : `${escapeName(file)}: `;
}

/** `termbridge: FILE[:LINE]: what is wrong — what to do` */
export function formatError(e: TermbridgeError): string {
  return `termbridge: ${place(e.file, e.line)}${oneLine(e.message)}${e.hint ? ` — ${oneLine(e.hint)}` : ""}`;
}

/** One stderr line for a non-fatal diagnostic. */
export function formatDiagnostic(d: Diagnostic): string {
  return `termbridge: ${d.severity}: ${place(d.file, d.line)}${oneLine(d.message)}${d.hint ? ` — ${oneLine(d.hint)}` : ""}`;
}

/** Messages quote text from the input (paths, excerpts): keep them on one line whatever it holds. */
const oneLine = (s: string): string => escapeName(s);

export function usageError(message: string, hint: string): TermbridgeError {
  return new TermbridgeError({ code: "bad-usage", message, file: "", hint });
}

export function exitCodeOf(e: TermbridgeError): number {
  return e.code === "bad-usage" ? EXIT.usage : EXIT.input;
}

/** What an operating-system error code means, in words, and what the user can do about it. */
const OS_ERRORS = new Map<string, [string, string]>([
  ["ENOENT", ["does not exist", "check the path and its spelling"]],
  ["EACCES", ["permission denied", "check its permissions (ls -l), or choose another place"]],
  ["EPERM", ["the operation is not permitted", "check its permissions and owner, or choose another place"]],
  ["EROFS", ["is on a read-only file system", "choose a writable folder (--out DIR, --glossary DIR)"]],
  ["ENOSPC", ["the disk is full", "free some space, or choose a folder on another disk, and run again"]],
  ["EDQUOT", ["the disk quota is used up", "free some space, or choose a folder on another disk, and run again"]],
  ["EEXIST", ["already exists and is not a folder", "give a folder, or remove the file that is in the way"]],
  ["ENOTDIR", ["a part of the path is a file, not a folder", "check the path: every part before the last must be a folder"]],
  ["EISDIR", ["is a folder, not a file", "give a file"]],
  ["ELOOP", ["is a symbolic link that leads back to itself (a loop)", "repair or remove the link"]],
  ["ENAMETOOLONG", ["the path is too long", "use a shorter path"]],
  ["EMFILE", ["too many files are open", "close other programs, or raise the limit (ulimit -n), and run again"]],
  ["ENFILE", ["too many files are open on the system", "close other programs and run again"]],
  ["EIO", ["the disk reported an input/output error", "check the disk or the network share, and run again"]],
  ["EBUSY", ["is busy (used by another program)", "close the program that holds it, and run again"]],
  ["ETXTBSY", ["is busy (used by another program)", "close the program that holds it, and run again"]],
  ["EXDEV", ["cannot be moved across disks", "keep the output and its temporary files on one disk"]],
]);

/** An error from Node's file system (`fs`), which carries an `E…` code. */
export function isOsError(e: unknown): e is NodeJS.ErrnoException & { code: string } {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === "string" && /^E[A-Z]+$/.test((e as NodeJS.ErrnoException).code!) && "syscall" in e;
}

/**
 * An operating-system error as the one line a user can act on: the path, what happened in
 * words, what to do. `path` defaults to the one the error names; `doing` says what termbridge
 * was trying ("cannot write the output").
 */
export function osError(e: NodeJS.ErrnoException, path?: string, doing?: string): TermbridgeError {
  const hint = OS_ERRORS.get(e.code ?? "")?.[1] ?? "check the path, its permissions and the free space, and run again";
  const where = path ?? e.path ?? (e as { dest?: string }).dest ?? "";
  return new TermbridgeError({ code: "unreadable", message: `${doing ? `${doing}: ` : ""}${osReason(e)}`, file: where, hint });
}

/** What an operating-system error means, in words, with its code: "the disk is full (ENOSPC)". */
export function osReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (!code) return String((e as Error)?.message ?? e);
  return `${OS_ERRORS.get(code)?.[0] ?? "the system refused"} (${code})`;
}

/** A file that cannot be read: "no such file" when it is missing, else the system's reason in words. */
export function readError(e: unknown, path: string): TermbridgeError {
  if (e instanceof TermbridgeError) return e;
  const err = e as NodeJS.ErrnoException;
  if (err.code === "ENOENT") return new TermbridgeError({ code: "not-found", message: "no such file", file: path, hint: "check the path and its spelling" });
  return osError(err, path, "cannot read the file");
}
