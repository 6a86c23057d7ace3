/* Rows of the matrix about what is read: documents that cannot be used, encodings, TMX, folders. */
import { readdirSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { runCli } from "../inprocess.js";
import { report, run, type Case } from "./case.js";
import { BAD, CODE_HEAVY_EN, CODE_HEAVY_ZH, EXAMPLE, F, FIFO, FX, fifoMade, folder, ROOT, SHORT_EN, SHORT_ZH } from "./fixtures.js";

export const INPUT_CASES: Case[] = [
  // ---- documents that cannot be used
  { name: "a missing file", args: run("no/such/file.txt"), exit: 1, message: /^termbridge: no\/such\/file\.txt: no such file — check the path/ },
  { name: "an empty file", args: run(join(BAD, "empty.txt")), exit: 1, message: /empty\.txt: the file is empty — / },
  { name: "a file of white space", args: run(join(BAD, "whitespace.txt")), exit: 1, message: /whitespace\.txt: the file (has|holds) only white space — / },
  { name: "a binary file", args: run(join(BAD, "binary.dat")), exit: 1, message: /binary\.dat: .*binary.* — pass a plain-text/ },
  { name: "a PDF", args: run(join(BAD, "document.pdf")), exit: 1, message: /document\.pdf: this is a PDF file, not text — extract its text/ },
  { name: "a DOCX", args: run(FX.docx), exit: 1, message: /letter\.docx: this is a ZIP container \(\.docx.*\), not text — save or export it as plain text/ },
  { name: "Latin-1 text that is not Chinese", args: run(join(BAD, "latin1-not-chinese.txt")), exit: 1, message: /latin1-not-chinese\.txt:1: the file is not valid UTF-8.* — save it as UTF-8/ },
  { name: "only English", args: run(join(BAD, "english-only.txt")), exit: 1, message: /english-only\.txt: found \d+ English paragraphs? and no Chinese — / },
  { name: "only Chinese", args: run(join(BAD, "chinese-only.txt")), exit: 1, message: /chinese-only\.txt: found \d+ Chinese paragraphs? and no English — / },
  { name: "a folder given as --en", args: (out) => ["run", "--en", F, "--zh", FX.pairEn, "--out", out], exit: 1, message: /: is a folder, not a file — / },
  { name: "swapped --en and --zh", args: (out) => ["run", "--en", FX.swappedEn, "--zh", FX.swappedZh, "--out", out], exit: 1, message: /a\.txt: the file given as --en is Chinese, not English — swap --en and --zh\?/ },
  { name: "an empty --zh file", args: (out) => ["run", "--en", FX.pairEn, "--zh", FX.emptyZh, "--out", out], exit: 1, message: /a\.zh\.txt: the file is empty — / },
  { name: "a named pipe (FIFO) given as input", skip: fifoMade ? undefined : "mkfifo failed", args: run(FIFO), exit: 1, message: /pipe\.txt: is not a regular file \(a pipe, socket or device\) — / },
  {
    name: "a file name with a newline, a tab and ESC: escaped in messages and in the TMX",
    args: run(FX.newlineName),
    exit: 0,
    message: /odd\\nname\\x1b\[31m\.md:69: the last Chinese paragraph stops mid-sentence/,
    check: (out, r) => {
      expect(r.stderr).not.toContain("\u001b");
      const memory = readFileSync(join(out, "memory.tmx"), "utf8");
      expect(memory).toMatch(/<prop type="x-termbridge-doc">[^<\n]*odd\\nname\\x1b\[31m\.md<\/prop>/);
    },
  },
  { name: "an empty file whose name holds a tab", args: run(FX.tabName), exit: 1, message: /tab\\tname\.txt: the file is empty/ },
  // ---- encodings
  { name: "UTF-16 without a BOM", args: run(FX.utf16NoBom), exit: 0, message: /1 document\(s\), 2 English and 2 Chinese sentences/, check: (out) => expect(report(out).documents[0].encodings).toEqual(["utf-16le"]) },
  { name: "GB18030", args: run(FX.gb18030), exit: 0, message: /2 English and 2 Chinese sentences/, check: (out) => expect(report(out).documents[0].encodings).toEqual(["gb18030"]) },
  { name: "Big5 is detected and said", args: run(FX.big5), exit: 0, message: /2 English and 2 Chinese sentences/, check: (out) => expect(report(out).documents[0].encodings).toEqual(["big5"]) },
  // ---- TMX
  { name: "a truncated TMX", args: run(join(BAD, "truncated.tmx")), exit: 1, message: /truncated\.tmx:\d+: .* — / },
  { name: "a malformed TMX", args: run(join(BAD, "malformed.tmx")), exit: 1, message: /malformed\.tmx:6: .* — / },
  { name: "a TMX without Chinese", args: run(join(BAD, "no-chinese.tmx")), exit: 1, message: /no-chinese\.tmx: .*Chinese.* — / },
  { name: "a TMX with no unit", args: run(FX.zeroUnits), exit: 1, message: /zero\.tmx: no unit has both English and Chinese .*0 units.* — / },
  {
    name: "XXE: an external entity is never read",
    args: run(FX.xxe),
    exit: 1,
    message: /xxe\.tmx:\d+: .*entit.* — /,
    check: (out) => expect(readdirSync(out).some((f) => /root:/.test(readFileSync(join(out, f), "utf8")))).toBe(false),
  },
  { name: "billion laughs: refused, not expanded", args: run(FX.lol), exit: 1, message: /billion-laughs\.tmx:\d+: .*entit.* — / },
  { name: "an internal entity declared in the DOCTYPE is valid XML", args: run(FX.internalEntity), exit: 0, message: /2 translation units/ },
  { name: "10,000-deep nesting inside a unit", args: run(FX.deep), exit: 0, message: /1 unit\(s\) skipped/ },
  { name: "10,000-deep nesting in the body", args: run(FX.deepBody), exit: 1, message: /deep-body\.tmx: no unit has both English and Chinese/ },
  { name: "a Trados TMX in UTF-16", args: (out) => ["run", join(ROOT, "test/fixtures/tmx/trados-utf16.tmx"), "--src-lang", "zh-CN", "--tgt-lang", "en-US", "--out", out], exit: 0, message: /translation units/ },
  { name: "a 10 MB single line", args: run(FX.huge), exit: 1, message: /huge-line\.txt:1: line 1 is over [\d,]+ characters long .* — / },
  { name: "a 200,000-character sentence", args: run(FX.longSentence), exit: 0, message: /translation units/ },
  // ---- folders keep going
  {
    name: "a folder with one bad document among good ones: left out, named, listed, the rest done",
    args: (out) => ["run", folder({ "good.en.txt": SHORT_EN, "good.zh.txt": SHORT_ZH, "empty.md": "", "scan.pdf": "%PDF-1.4" }), "--out", out],
    exit: 0,
    message: /^termbridge: warning: .*empty\.md: the file is empty — left out of this run; /m,
    check: (out) => {
      const r = report(out);
      expect(r.totals.documents).toBe(1);
      expect(r.inputs.refused).toEqual([expect.objectContaining({ code: "empty", reason: "the file is empty" })]);
    },
  },
  {
    name: "a folder where nothing can be used",
    args: (out) => ["run", folder({ "a.md": "", "b.md": "only English here.\n" }), "--out", out],
    exit: 1,
    message: /^termbridge: none of the 2 documents could be used \(each is named above\) — /,
    // Found in a folder, the files are spoken of by their names, not as --en/--zh.
    check: (_, r) => {
      expect(r.stderr).toMatch(/b\.md: found 1 English paragraph and no Chinese — left out of this run; if its Chinese version is another file, name the two as a pair/);
      expect(r.stderr).not.toMatch(/--zh|--en/);
    },
  },
  { name: "a folder with a bad document and --strict", args: (out) => ["run", folder({ "good.en.txt": SHORT_EN, "good.zh.txt": SHORT_ZH, "empty.md": "" }), "--strict", "--out", out], exit: 1, message: /empty\.md: the file is empty — / },
  {
    name: "a misnamed pair in a folder speaks of the file's name, not of --zh",
    args: (out) => ["run", folder({ "x/a.en.txt": SHORT_EN, "x/a.zh.txt": SHORT_EN, "good.en.txt": SHORT_EN, "good.zh.txt": SHORT_ZH }), "--out", out],
    exit: 0,
    message: /a\.zh\.txt: the file named as Chinese is English, not Chinese — left out of this run; check that it is the Chinese version of its pair, or rename it/,
    check: (_, r) => expect(r.stderr).not.toMatch(/--zh|--en/),
  },
  {
    name: "a pair whose code, URLs and markup outnumber the Chinese is still used",
    args: (out) => ["run", folder({ "readme.en.md": CODE_HEAVY_EN, "readme.zh.md": CODE_HEAVY_ZH }), "--out", out],
    exit: 0,
    message: /1 document\(s\)/,
    check: (out) => expect(report(out).inputs.refused).toEqual([]),
  },
  {
    name: "links out of the folder, loops and dangling links are left out and listed",
    args: (out) => {
      const d = folder({ "good.en.txt": SHORT_EN, "good.zh.txt": SHORT_ZH });
      symlinkSync("/etc/passwd", join(d, "passwd.txt"));
      symlinkSync("nowhere.txt", join(d, "dangling.txt"));
      symlinkSync("loop.txt", join(d, "loop.txt"));
      symlinkSync(".", join(d, "again"));
      return ["run", d, "--out", out];
    },
    exit: 0,
    message: /1 symbolic link\(s\) lead out of the input folders and were not followed/,
    check: (out, r) => {
      expect(r.stderr).toMatch(/dangling\.txt: dangling symbolic link/);
      expect(r.stderr).toMatch(/loop\.txt: symbolic link loop/);
      const skipped = report(out).inputs.skipped as Array<{ path: string; kind: string; link?: string }>;
      expect(skipped.map((s) => [s.path.replace(/.*\//, ""), s.kind])).toEqual([
        ["again", "repeat"],
        ["dangling.txt", "link-broken"],
        ["loop.txt", "link-broken"],
        ["passwd.txt", "link-outside"],
      ]);
      expect(skipped.find((s) => s.kind === "link-outside")?.link).toBe("/etc/passwd");
      expect(readFileSync(join(out, "memory.tmx"), "utf8")).not.toContain("root:");
    },
  },
  {
    name: "--follow-links reads a link out of the folder",
    args: (out) => {
      const d = folder({ "good.en.txt": SHORT_EN, "good.zh.txt": SHORT_ZH });
      symlinkSync(EXAMPLE, join(d, "briefing.md"));
      return ["run", d, "--follow-links", "--out", out];
    },
    exit: 0,
    message: /2 document\(s\)/,
  },
  {
    name: "--out inside the input folder: a second run does not read the first one's output",
    args: () => {
      const d = folder({ "good.en.txt": SHORT_EN, "good.zh.txt": SHORT_ZH });
      return ["run", d, "--out", join(d, "output"), "--json"];
    },
    exit: 0,
    message: /1 document\(s\)/,
    check: async (_, r, args) => {
      expect(JSON.parse(r.stdout).documents).toBe(1);
      const again = await runCli(...args);
      expect(again.status, again.stderr).toBe(0);
      expect(JSON.parse(again.stdout)).toMatchObject({ documents: 1, refused: 0 });
      expect(JSON.parse(readFileSync(join(args[3]!, "report.json"), "utf8")).inputs.skipped).toEqual([expect.objectContaining({ kind: "excluded" })]);
    },
  },
];
