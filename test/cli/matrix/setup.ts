/* Rows of the matrix about how a run is set up: options, where the output goes, glossaries. */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { run, type Case } from "./case.js";
import { BAD, EXAMPLE, F, FX, fullDisk, glossaryWith, lockedGlossary, NO_MOUNT, readOnlyDir, ROOT } from "./fixtures.js";

let lastGlossary = "";

export const SETUP_CASES: Case[] = [
  // ---- options
  { name: "--min-score out of range", args: run("--min-score", "7", EXAMPLE), exit: 2, message: /^termbridge: option '--min-score <n>' argument '7' is invalid\. give a number from 0 to 1 — see 'termbridge --help'/ },
  { name: "--review-below not a number", args: run("--review-below", "half", EXAMPLE), exit: 2, message: /--review-below <n>.*give a number from 0 to 1/ },
  { name: "--jobs 0", args: run("--jobs", "0", EXAMPLE), exit: 2, message: /--jobs <n>.*give a whole number of at least 1/ },
  { name: "--jobs 1.5", args: run("--jobs", "1.5", EXAMPLE), exit: 2, message: /--jobs <n>.*give a whole number of at least 1/ },
  { name: "--lock-wait -1", args: run("--lock-wait", "-1", EXAMPLE), exit: 2, message: /--lock-wait <seconds>.*give a number of seconds, 0 or more/ },
  { name: '--delimiter "|"', args: run("--delimiter", "|", EXAMPLE), exit: 2, message: /--delimiter <char>.*give "," \(default\), ";" \(European Excel\) or "tab"/ },
  { name: "--tbx-version 4", args: run("--tbx-version", "4", EXAMPLE), exit: 2, message: /--tbx-version <n>.*Allowed choices are 2, 3/ },
  { name: "--tgt-lang zh_CN", args: run("--tgt-lang", "zh_CN", EXAMPLE), exit: 2, message: /target language "zh_CN" uses "_" — write it with a hyphen \(zh-CN\)/ },
  { name: "--src-lang fr-FR", args: run("--src-lang", "fr-FR", EXAMPLE), exit: 2, message: /source language "fr-FR" is neither English nor Chinese/ },
  { name: "--encoding latin9", args: run("--encoding", "latin9", EXAMPLE), exit: 2, message: /unknown encoding "latin9" — / },
  { name: "--pair-by not a regular expression", args: run("--pair-by", "(", F), exit: 2, message: /--pair-by is not a regular expression/ },
  { name: "--pair-by without a lang group", args: run("--pair-by", "_EN_", F), exit: 2, message: /--pair-by needs a \(\?<lang>…\) group/ },
  { name: "an unknown option", args: () => ["run", "--frobnicate", "x.txt"], exit: 2, message: /^termbridge: unknown option '--frobnicate' — see 'termbridge --help'/ },
  { name: "an unknown command", args: () => ["frobnicate"], exit: 2, message: /unknown command 'frobnicate'/ },
  { name: "--version", args: () => ["--version"], exit: 0, message: /^$/, check: (_, r) => expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/) },
  { name: "--en without --zh", args: run("--en", "a.txt"), exit: 2, message: /^termbridge: --en needs --zh — / },
  { name: "no input at all", args: (out) => ["run", "--out", out], exit: 2, message: /^termbridge: no input — / },
  { name: "an empty folder", args: run(join(ROOT, "test/fixtures/empty-folder")), exit: 2, message: /no document to read \(no \.txt, \.md or \.tmx file\) — give bilingual documents/ },
  { name: "segment: an empty file", args: () => ["segment", join(BAD, "empty.txt")], exit: 1, message: /empty\.txt: the file is empty/ },
  { name: "terms: a missing file is said before anything loads", args: () => ["terms", "no/such.md"], exit: 1, message: /no\/such\.md: no such file/ },
  { name: "align: an empty --en file", args: () => ["align", "--en", join(BAD, "empty.txt"), "--zh", join(BAD, "chinese-only.txt")], exit: 1, message: /empty\.txt: the file is empty/ },
  // ---- where the output goes
  { name: "--out is a file", args: (out) => ["run", EXAMPLE, "--out", join(out, "memory.tmx")], exit: 1, message: /memory\.tmx: the output folder \(--out\) is a file, not a folder \(EEXIST\) — give a folder/ },
  { name: "--out under a file", args: (out) => ["run", EXAMPLE, "--out", join(out, "memory.tmx", "sub")], exit: 1, message: /sub: cannot make the output folder \(--out\): a part of the path is a file, not a folder \(ENOTDIR\) — / },
  { name: "--out on a read-only disk", skip: NO_MOUNT, args: () => ["run", EXAMPLE, "--out", join(readOnlyDir(), "out")], exit: 1, message: /out: cannot make the output folder \(--out\): is on a read-only file system \(EROFS\) — choose a writable folder/ },
  { name: "--out on a full disk", skip: NO_MOUNT, args: () => ["run", EXAMPLE, "--out", fullDisk()], exit: 1, message: /: .*(the disk is full|ENOSPC).* — / , check: () => undefined },
  { name: "a glossary folder on a read-only disk", skip: NO_MOUNT, args: (out) => ["run", EXAMPLE, "--out", out, "--glossary", readOnlyDir()], exit: 1, message: /\.glossary\.lock: .*read-only.*\(EROFS\) — / },
  { name: "glossary export to a read-only disk", skip: NO_MOUNT, args: () => ["glossary", "export", "--format", "tbx", "--glossary", mkdtempSync(join(tmpdir(), "g-")), "--out", join(readOnlyDir(), "g.tbx")], exit: 1, message: /g\.tbx: .*(read-only|EROFS).* — / },
  // ---- glossaries
  { name: "a glossary with a ragged row stops the run and is left untouched", args: (out) => ["run", EXAMPLE, "--out", out, "--glossary", glossaryWith("ragged.csv")], exit: 1, message: /glossary\.csv:3: row has 3 cells where the header has 4 — / },
  { name: "a glossary with a duplicate id", args: (out) => ["run", EXAMPLE, "--out", out, "--glossary", glossaryWith("duplicate-id.csv")], exit: 1, message: /glossary\.csv:4: id t1 is used again/ },
  {
    name: "a 0-byte glossary.csv beside a good backup stops the run naming the backup",
    args: (out) => {
      const g = mkdtempSync(join(tmpdir(), "g-"));
      writeFileSync(join(g, "glossary.csv"), "");
      copyFileSync(join(ROOT, "test/fixtures/glossary/unknown-status.csv"), join(g, "glossary.csv.bak"));
      return ["run", EXAMPLE, "--out", out, "--glossary", g];
    },
    exit: 1,
    message: /glossary\.csv.*glossary\.csv\.bak/,
  },
  { name: "import: a malformed TBX", args: () => ["glossary", "import", FX.badTbx, "--glossary", mkdtempSync(join(tmpdir(), "g-"))], exit: 1, message: /bad\.tbx:3: the TBX is not well-formed XML: .* — / },
  { name: "import: a TBX with no entry", args: () => ["glossary", "import", FX.emptyTbx, "--glossary", mkdtempSync(join(tmpdir(), "g-"))], exit: 0, message: /imported 0 entries/ },
  { name: "import: an OmegaT line with one field", args: () => ["glossary", "import", FX.badOmegat, "--glossary", mkdtempSync(join(tmpdir(), "g-"))], exit: 1, message: /bad\.utf8:2: line 2 has one field.* — separate the fields with a TAB/ },
  { name: "import: a CSV without en/zh columns", args: () => ["glossary", "import", FX.noColumns, "--glossary", mkdtempSync(join(tmpdir(), "g-"))], exit: 1, message: /no-columns\.csv:1: .*has no English and Chinese columns.* — name them en and zh/ },
  {
    name: "import: formula cells are kept as text and neutralised in the CSV",
    args: () => ["glossary", "import", FX.formulas, "--glossary", (lastGlossary = mkdtempSync(join(tmpdir(), "g-")))],
    exit: 0,
    message: /imported 4 entries/,
    check: () => {
      const csv = readFileSync(join(lastGlossary, "glossary.csv"), "utf8");
      for (const f of ["'=1+1", "'+cmd", "'@SUM(A1)", "'-minus"]) expect(csv).toContain(f);
    },
  },
  { name: "import: a format it cannot tell", args: () => ["glossary", "import", FX.unknownFormat, "--glossary", mkdtempSync(join(tmpdir(), "g-"))], exit: 2, message: /cannot tell the format of .*terms\.xyz — give --format csv, tbx or omegat/ },
  { name: "import: a missing file", args: () => ["glossary", "import", "no/such.tbx", "--glossary", mkdtempSync(join(tmpdir(), "g-"))], exit: 1, message: /no\/such\.tbx: no such file/ },
  { name: "export: an unknown format", args: () => ["glossary", "export", "--format", "xlsx"], exit: 2, message: /--format <format>.*Allowed choices are tbx, tbx3, omegat, csv/ },
  { name: "a glossary held by a live run, --lock-wait 0", args: (out) => ["run", EXAMPLE, "--out", out, "--glossary", lockedGlossary(), "--lock-wait", "0"], exit: 1, message: /is being updated by another termbridge run \(process \d+, since .*\) — wait for it to finish/ },
];
