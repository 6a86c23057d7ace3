import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { escapeName, formatError, isOsError, osError } from "../../src/cli/errors.js";
import { TermbridgeError } from "../../src/model/index.js";

describe("file names in messages", () => {
  it.each([
    ["plain/name.txt", "plain/name.txt"],
    ["odd\nname.txt", "odd\\nname.txt"],
    ["tab\there.md", "tab\\there.md"],
    ["\u001b[31mred.txt", "\\x1b[31mred.txt"],
    ["cr\r.txt", "cr\\r.txt"],
    ["c1\u0085.txt", "c1\\x85.txt"],
    ["bidi\u202egnp.txt", "bidi\\u202egnp.txt"],
    ["中文 名字.txt", "中文 名字.txt"],
  ])("%j is written %j", (name, shown) => {
    expect(escapeName(name)).toBe(shown);
    expect(formatError(new TermbridgeError({ code: "empty", message: "the file is empty", file: name, hint: "pass a file" }))).toBe(`termbridge: ${shown}: the file is empty — pass a file`);
  });
});

describe("errors of the operating system, in words", () => {
  const dir = mkdtempSync(join(tmpdir(), "termbridge-errors-"));
  writeFileSync(join(dir, "file"), "x");
  const fsError = (f: () => unknown): NodeJS.ErrnoException => {
    try {
      f();
    } catch (e) {
      return e as NodeJS.ErrnoException;
    }
    throw new Error("no error");
  };

  it.each([
    ["ENOENT", "does not exist", "check the path"],
    ["EACCES", "permission denied", "check its permissions"],
    ["EROFS", "is on a read-only file system", "choose a writable folder"],
    ["ENOSPC", "the disk is full", "free some space"],
    ["EEXIST", "already exists and is not a folder", "give a folder"],
    ["ENOTDIR", "a part of the path is a file, not a folder", "check the path"],
    ["EISDIR", "is a folder, not a file", "give a file"],
    ["ELOOP", "is a symbolic link that leads back to itself (a loop)", "repair or remove the link"],
    ["EMFILE", "too many files are open", "close other programs"],
    ["EWHATEVER", "the system refused (EWHATEVER)", "check the path"],
  ])("%s", (code, words, hint) => {
    const e = Object.assign(new Error(`${code}: raw`), { code, syscall: "open", path: "/x/y" });
    expect(isOsError(e)).toBe(true);
    const line = formatError(osError(e));
    expect(line).toContain(`termbridge: /x/y: ${words}`);
    expect(line).toContain(` — ${hint}`);
    expect(line).not.toMatch(/internal|report this/);
  });

  it("names the path of a real failure, and what termbridge was doing", async () => {
    const { mkdirSync } = await import("node:fs");
    const e = fsError(() => mkdirSync(join(dir, "file", "sub")));
    expect(formatError(osError(e, join(dir, "file", "sub"), "cannot make the output folder (--out)"))).toBe(
      `termbridge: ${join(dir, "file", "sub")}: cannot make the output folder (--out): a part of the path is a file, not a folder (ENOTDIR) — check the path: every part before the last must be a folder`,
    );
  });

  it("is not confused with other errors", () => {
    expect(isOsError(new Error("x"))).toBe(false);
    expect(isOsError(new TermbridgeError({ code: "empty", message: "m", file: "f" }))).toBe(false);
    expect(isOsError(Object.assign(new Error("x"), { code: "ERR_INVALID_ARG_TYPE" }))).toBe(false);
  });
});
