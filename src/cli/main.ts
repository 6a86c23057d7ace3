#!/usr/bin/env node
import { realpathSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { TermbridgeError } from "../model/index.js";
import { VERSION } from "../version.js";
import { escapeName, EXIT, exitCodeOf, formatError, isOsError, osError } from "./errors.js";
import { installInterruptCleanup } from "./io.js";

/**
 * A command whose module is imported when it runs: `run` starts its jieba thread sooner when it
 * does not first wait for the modules of every other command.
 */
function lazy<A extends unknown[]>(load: () => Promise<(...a: A) => void | Promise<void>>): (...a: A) => Promise<void> {
  return async (...a) => (await load())(...a);
}
const runCommand = lazy(async () => (await import("./commands/run.js")).runCommand);
const segmentCommand = lazy(async () => (await import("./commands/segment.js")).segmentCommand);
const alignCommand = lazy(async () => (await import("./commands/align.js")).alignCommand);
const termsCommand = lazy(async () => (await import("./commands/terms.js")).termsCommand);
const importCommand = lazy(async () => (await import("./commands/glossary.js")).importCommand);
const exportCommand = lazy(async () => (await import("./commands/glossary.js")).exportCommand);
const workerCommand = lazy(async () => (await import("./queue/worker.js")).workerCommand);
const reviewImportCommand = lazy(async () => (await import("./commands/review.js")).reviewImportCommand);

function score(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError("give a number from 0 to 1");
  return n;
}

function count(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("give a whole number of at least 1");
  return n;
}

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError("give a number of seconds, 0 or more");
  return n;
}

function delimiter(value: string): string {
  const d = value === "tab" || value === "\\t" ? "\t" : value;
  if (![",", ";", "\t"].includes(d)) throw new InvalidArgumentError('give "," (default), ";" (European Excel) or "tab"');
  return d;
}

function inputOptions(cmd: Command): Command {
  return cmd
    .option("--en <file>", "English file of a pair of monolingual files")
    .option("--zh <file>", "Chinese file of a pair of monolingual files")
    .option("--presplit", "the --en/--zh files hold one sentence per line (blank lines skipped)")
    .option("--encoding <name>", "force the input encoding: utf-8, utf-16le, utf-16be, gb18030, big5 (default: detected)");
}

function tmxOptions(cmd: Command): Command {
  return cmd
    .option("--src-lang <code>", "TMX source language", "en-US")
    .option("--tgt-lang <code>", "TMX target language", "zh-CN")
    .addOption(new Option("--min-score <n>", "leave beads scoring below n (0–1) out of the TMX").argParser(score).default(0))
    .addOption(new Option("--review-below <n>", "flag beads scoring below n (0–1) for review in report.json and the TMX").argParser(score).default(0.9));
}

/** Builds the command tree; every command gets `--help`. */
export function buildProgram(): Command {
  const program = new Command("termbridge")
    .description("Align Chinese–English bilingual documents and write translation memories for CAT tools.")
    .version(VERSION)
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({ writeErr: () => undefined });

  tmxOptions(
    inputOptions(
      program
        .command("run")
        .description("align the inputs and write OUT/memory.tmx, OUT/terms.csv and OUT/report.json")
        .argument("[inputs...]", "bilingual documents (.txt/.md, pages of both languages interleaved), TMX files, or folders of them (searched recursively; name.en.txt/name.zh.txt pairs)")
        .option("--out <dir>", "output folder", "output")
        .addOption(new Option("--delimiter <char>", 'CSV field separator: ",", ";" or "tab"').argParser(delimiter).default(","))
        .option("--glossary <dir>", "the curated glossary folder to update (glossary.csv, user.dict.utf8)", "glossary")
        .option("--no-glossary", "leave the glossary alone (no merge, no lock)")
        .addOption(new Option("--glossary-min-score <n>", "new pairs scoring below n (0–1) stay out of the glossary (they are still in terms.csv)").argParser(score).default(0.5))
        .addOption(new Option("--lock-wait <seconds>", "how long to wait for another run that holds the glossary").argParser(seconds).default(60))
        .addOption(new Option("--tbx-version <n>", "OUT/glossary.tbx as TBX v2 (martif: OmegaT, Trados, memoQ) or TBX-Basic v3").choices(["2", "3"]).default("2"))
        .option("--pair-by <regex>", "pair monolingual files by this regular expression with a (?<lang>…) group instead of name.en.txt/name.zh.txt, _en/_zh, -en/-zh or en/ and zh/ folders")
        .option("--strict", "stop at the first document that cannot be used (default: leave it out, name it on stderr and in report.json, and go on)")
        .option("--follow-links", "follow symbolic links that lead out of the input folders (default: leave them out and list them in report.json)")
        .option("--quiet", "no progress bar and no summary on stderr (errors and left-out documents only)")
        .addOption(new Option("--jobs <n>", "threads that read, align and tag documents (each loads compromise once; one more thread holds jieba for all); 1 does everything in one thread; the output is the same whatever n is").argParser(count).default(availableParallelism(), "the number of cores"))
        .option("--json", "print a machine-readable summary on stdout instead of the file list")
        .option("--queue <url>", "put one job per document on a BullMQ queue in Redis (redis://HOST:PORT) for `termbridge worker`s on any machine, and merge their results here (--jobs is then unused)")
        .option("--queue-send-files", "with --queue: put the documents' bytes in the jobs, for workers that cannot see these files"),
    ),
  ).action(runCommand);

  program
    .command("worker")
    .description("process documents that `termbridge run --queue` put on a Redis queue, until stopped (run one or more on each machine)")
    .requiredOption("--queue <url>", "the Redis server: redis://HOST:PORT")
    .addOption(new Option("--concurrency <n>", "documents at once (each in its own thread with its own engines, about 600 MB)").argParser(count).default(1))
    .addOption(new Option("--lock-seconds <n>", "how long a document stays this worker's without a sign of life before another worker takes it").argParser(seconds).default(30))
    .option("--quiet", "no line per document on stderr")
    .action(workerCommand);

  inputOptions(
    program
      .command("segment")
      .description('print one sentence per line as JSON: {"lang","text","doc","start","end"}')
      .argument("[inputs...]", "bilingual documents or TMX files"),
  ).action(segmentCommand);

  tmxOptions(
    inputOptions(
      program
        .command("align")
        .description("align one pair of monolingual files (--en, --zh) and write the beads and/or a TMX")
        .option("--beads <file>", "write one bead per line, [en indices]:[zh indices], 0-based")
        .option("--tmx <file>", "write the aligned pairs as TMX")
        .option("--embeddings <model.onnx>", "add sentence-embedding similarity from this ONNX model as evidence (needs onnxruntime-node and --tokenizer)")
        .option("--tokenizer <tokenizer.json>", "the model's Hugging Face tokenizer.json (WordPiece)"),
    ),
  ).action(alignCommand);

  inputOptions(
    program
      .command("terms")
      .description("align the inputs, link their English and Chinese terms and print the best pairs as a table")
      .argument("[inputs...]", "bilingual documents or TMX files")
      .addOption(new Option("--top <n>", "how many pairs to print").argParser(count).default(30))
      .option("--json", "print the pairs as JSON instead of a table"),
  ).action(termsCommand);

  const glossary = program.command("glossary").description("the curated glossary: bring entries in from another glossary, or write it in another format");
  glossary
    .command("import")
    .description("take a CSV, TBX or OmegaT glossary from elsewhere into the store; its entries count as decisions (approved, or forbidden where the TBX deprecates a term)")
    .argument("<file>", "a .csv (with en and zh columns), .tbx (v2 or v3) or OmegaT .utf8/.txt/.tab glossary")
    .option("--glossary <dir>", "the glossary folder", "glossary")
    .addOption(new Option("--format <format>", "the file's format (default: from its extension and content)").choices(["csv", "tbx", "omegat"]))
    .addOption(new Option("--lock-wait <seconds>", "how long to wait for a run that holds the glossary").argParser(seconds).default(60))
    .action(importCommand);
  glossary
    .command("export")
    .description("write the glossary in one format, from the store alone")
    .addOption(new Option("--format <format>", "tbx (TBX v2), tbx3 (TBX-Basic v3), omegat (tab-separated .utf8) or csv").choices(["tbx", "tbx3", "omegat", "csv"]).makeOptionMandatory())
    .option("--glossary <dir>", "the glossary folder", "glossary")
    .option("--out <file>", "where to write (default: output/glossary.tbx, .utf8 or .csv)")
    .option("--src-lang <code>", "source language", "en-US")
    .option("--tgt-lang <code>", "target language", "zh-CN")
    .addOption(new Option("--lock-wait <seconds>", "unused by export").argParser(seconds).default(60).hideHelp())
    .action(exportCommand);

  const review = program.command("review").description("the review workbook (OUT/review.xlsx): bring a reviewer's decisions back");
  review
    .command("import")
    .description("read a reviewed review.xlsx: statuses and notes into the glossary (what changed meanwhile elsewhere is kept and reported), alignment fixes into GLOSSARY/alignment-corrections.json for the next run")
    .argument("<file>", "the review.xlsx a run wrote, edited in Excel or LibreOffice and saved as .xlsx")
    .option("--glossary <dir>", "the glossary folder", "glossary")
    .addOption(new Option("--lock-wait <seconds>", "how long to wait for a run that holds the glossary").argParser(seconds).default(60))
    .action(reviewImportCommand);

  for (const c of [program, ...program.commands, ...glossary.commands, ...review.commands]) c.exitOverride().configureOutput({ writeErr: () => undefined });
  return program;
}

/** Where a run in this process writes: the real streams, or a test's buffers. */
export interface Stdio {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/**
 * Runs the CLI and returns the exit code; never lets a stack trace reach the user. Given
 * `stdio`, the process's stdout and stderr are sent there while the command runs, so that a
 * test can run many commands in one process (the engines load once) and read what each wrote.
 */
export async function main(argv: string[], stdio?: Stdio): Promise<number> {
  if (!stdio) return runMain(argv);
  const saved = { out: process.stdout.write, err: process.stderr.write };
  const sink = (f: (s: string) => void) => ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    f(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    const cb = rest.find((r) => typeof r === "function") as (() => void) | undefined;
    cb?.();
    return true;
  }) as typeof process.stdout.write;
  process.stdout.write = sink(stdio.stdout);
  process.stderr.write = sink(stdio.stderr);
  try {
    return await runMain(argv);
  } finally {
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
  }
}

async function runMain(argv: string[]): Promise<number> {
  installInterruptCleanup();
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: "user" });
    return EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return EXIT.ok;
      const msg = e.message.replace(/^error: /, "");
      process.stderr.write(`termbridge: ${escapeName(msg)} — see 'termbridge --help' or 'termbridge COMMAND --help'\n`);
      return EXIT.usage;
    }
    if (e instanceof TermbridgeError) {
      process.stderr.write(formatError(e) + "\n");
      return exitCodeOf(e);
    }
    // The file system's refusals are the user's to act on, not bugs: say which path and what to do.
    if (isOsError(e)) {
      process.stderr.write(formatError(osError(e)) + "\n");
      return EXIT.input;
    }
    const err = e as Error;
    // A thread of the run died (see Pool): say which, while reading what, and what to try.
    if (err?.name === "ThreadFailure") {
      process.stderr.write(`termbridge: ${escapeName(err.message)} — run again with --jobs 1 (one thread, less memory); if it fails again, please report this with the input\n`);
      return EXIT.input;
    }
    process.stderr.write(`termbridge: internal error: ${escapeName(err?.message ?? String(e))} — please report this with the input that caused it\n`);
    if (process.env.TERMBRIDGE_DEBUG) process.stderr.write(`${err?.stack}\n`);
    return EXIT.input;
  }
}

/** Whether this module is the program node was started with (not imported by a test or a script). */
function isEntry(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntry()) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
    // Nothing should keep the process alive once the command is done (a thread, a timer, a
    // progress bar): if something does, a bug would hang the user's terminal, so leave anyway.
    setTimeout(() => process.exit(code), 2000).unref();
  });
}
