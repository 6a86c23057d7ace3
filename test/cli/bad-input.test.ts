import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "./cli.js";

const BAD = "test/fixtures/bad";

describe("bad input: one line, the place, what to do, non-zero exit, no output", () => {
  it.each([
    [["run", "no/such/file.txt"], 1, /^termbridge: no\/such\/file\.txt: no such file — check the path/],
    [["run", `${BAD}/empty.txt`], 1, /^termbridge: test\/fixtures\/bad\/empty\.txt: the file is empty — /],
    [["run", `${BAD}/whitespace.txt`], 1, /empty\.?|white space/],
    [["run", `${BAD}/binary.dat`], 1, /binary\.dat: .*binary.* — pass a plain-text/],
    [["run", `${BAD}/document.pdf`], 1, /document\.pdf: this is a PDF file, not text — extract its text/],
    [["run", `${BAD}/latin1-not-chinese.txt`], 1, /latin1-not-chinese\.txt:1: the file is not valid UTF-8.* — save it as UTF-8/],
    [["run", `${BAD}/english-only.txt`], 1, /english-only\.txt: .*(no Chinese|only English).* — /],
    [["run", `${BAD}/chinese-only.txt`], 1, /chinese-only\.txt: .*(no English|only Chinese).* — /],
    [["run", `${BAD}/truncated.tmx`], 1, /truncated\.tmx:\d+: .* — /],
    [["run", `${BAD}/malformed.tmx`], 1, /malformed\.tmx:6: .* — /],
    [["run", `${BAD}/no-chinese.tmx`], 1, /no-chinese\.tmx: .*(Chinese|zh).* — /],
    [["run", "test/fixtures/empty-folder"], 2, /no document to read \(no \.txt, \.md or \.tmx file\) — give bilingual documents/],
    [["segment", "test/fixtures/encodings/utf8.txt", "--encoding", "gb18030", "--en", "x"], 2, /--en needs --zh/],
    [["run", "--frobnicate", "x.txt"], 2, /^termbridge: unknown option '--frobnicate' — see 'termbridge --help'/],
    [["run", "--en", "a.txt"], 2, /^termbridge: --en needs --zh — /],
    [["run"], 2, /^termbridge: no input — /],
    [["run", "--tgt-lang", "zh_CN", "examples/ministry-briefing.md"], 2, /target language "zh_CN" uses "_" — write it with a hyphen \(zh-CN\)/],
    [["run", "--min-score", "7", "examples/ministry-briefing.md"], 2, /--min-score/],
    [["run", "--encoding", "latin9", "examples/ministry-briefing.md"], 2, /unknown encoding "latin9"/],
    [["frobnicate"], 2, /unknown command 'frobnicate'/],
    [["segment", `${BAD}/empty.txt`], 1, /empty\.txt: the file is empty/],
    [["align", "--en", `${BAD}/empty.txt`, "--zh", `${BAD}/chinese-only.txt`], 1, /empty\.txt: the file is empty/],
  ])("%j exits %i", (args, code, message) => {
    const out = mkdtempSync(join(tmpdir(), "termbridge-bad-"));
    const r = cli(...(args as string[]), ...(args[0] === "run" && !args.includes("--frobnicate") ? ["--out", out] : []));
    expect(r.status, r.stderr).toBe(code);
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe("help and version", () => {
  it.each([["--help"], ["run", "--help"], ["segment", "--help"], ["align", "--help"], ["--version"]])("%j exits 0 and prints usage", (...args) => {
    const r = cli(...args);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Usage: termbridge|^\d+\.\d+\.\d+/);
  });
});
