import { existsSync, mkdirSync, readFileSync, rmdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { mergeGlossary } from "../../glossary/merge.js";
import type { Glossary } from "../../glossary/store.js";
import { TermbridgeError } from "../../model/index.js";
import { CorpusRun } from "../../pipeline.js";
import { cliClock } from "../clock.js";
import { escapeName, formatDiagnostic, isOsError, osError } from "../errors.js";
import { commitRun, glossaryFiles, loadGlossary, repairUserDict, stageGlossary, withGlossaryLock, type GlossaryFiles, type HeldLock, type LoadedGlossary } from "../glossary.js";
import { checkInput, findInputs, type CollectedInputs, type InputFlags, type InputRef } from "../inputs.js";
import type { SkipKind } from "../discover.js";
import { Pool } from "../pool.js";
import { FileSet, sweepStale } from "../io.js";
import { progressBar } from "../progress.js";
import { heapKeeper } from "../heap.js";
import { jiebaOptions, resourcesFor } from "../resources.js";
import { QueueRun } from "../queue/run.js";
import { checkRedis, redisOptions } from "../queue/connect.js";
import { exportGlossary } from "./glossary.js";
import { correctionsFor } from "../corrections.js";

export interface RunFlags extends InputFlags {
  out: string;
  srcLang: string;
  tgtLang: string;
  minScore: number;
  reviewBelow: number;
  delimiter: string;
  /** The glossary folder, or false (`--no-glossary`). */
  glossary: string | false;
  glossaryMinScore: number;
  lockWait: number;
  tbxVersion: "2" | "3";
  pairBy?: string;
  quiet?: boolean;
  json?: boolean;
  /** Threads for reading, aligning and tagging: the main one and jobs − 1 workers. */
  jobs: number;
  /** Stop at the first document that cannot be used (default: leave it out, report it and go on). */
  strict?: boolean;
  /** Follow symbolic links that lead out of the input folders. */
  followLinks?: boolean;
  /** `redis://HOST:PORT`: the documents go to `termbridge worker`s through a BullMQ queue. */
  queue?: string;
  /** With `queue`: the documents' bytes go in the jobs (workers that cannot see the files). */
  queueSendFiles?: boolean;
}

/** A document left out of the run, as report.json lists it. */
export interface Refused {
  /** The document: its file, or a pair's key (`folder/name.{lang}.txt`). */
  input: string;
  /** The file the problem is in, and where in it. */
  file: string;
  line?: number;
  code: string;
  reason: string;
  hint?: string;
}

/** A document's failure as report.json records it. */
function refusal(ref: InputRef, e: Error): Refused {
  if (e instanceof TermbridgeError) {
    return { input: ref.name, file: e.file ?? ref.name, ...(e.line !== undefined ? { line: e.line } : {}), code: e.code, reason: e.message, ...(e.hint ? { hint: e.hint } : {}) };
  }
  if (isOsError(e)) return refusal(ref, osError(e));
  return { input: ref.name, file: ref.name, code: "internal", reason: `internal error: ${e.message}`, hint: "please report this with the file" };
}

const refusalLine = (r: Refused): string =>
  `termbridge: warning: ${escapeName(r.file)}${r.line !== undefined ? `:${r.line}` : ""}: ${escapeName(r.reason)} — left out of this run${r.hint ? `; ${escapeName(r.hint)}` : ""}`;

/**
 * `termbridge run`: align every input, link terms, merge them into the glossary and write
 * memory.tmx, terms.csv, glossary.tbx, glossary.utf8 and report.json. The glossary is locked for
 * the whole run, read and checked before any work, and written (atomically, with a backup) only
 * when all else is done.
 */
export async function runCommand(files: string[], flags: RunFlags): Promise<void> {
  const t0 = performance.now();
  // Found and checked before the lock and the engines: a missing file is reported at once.
  const found = findRunInputs(files, flags);
  const early = checkInputs(found.inputs, flags);
  // A queue that cannot be reached is said before the glossary is locked or a folder made.
  if (flags.queue) await checkRedis(flags.queue, redisOptions(flags.queue));
  if (flags.glossary === false) return runOnce(t0, found, early, flags, undefined, undefined);
  const g = glossaryFiles(flags.glossary);
  return withGlossaryLock(g, flags.lockWait * 1000, (lock) => runOnce(t0, found, early, flags, g, lock));
}

/** The documents of a run: its own output and glossary folders are never searched (a second run must not read the first one's files). */
function findRunInputs(files: string[], flags: RunFlags): CollectedInputs {
  const exclude = [{ path: flags.out, why: "this run's output folder (--out): its files are not read as inputs" }];
  if (flags.glossary !== false) exclude.push({ path: flags.glossary, why: "this run's glossary folder (--glossary): not read as inputs" });
  return findInputs(files, { ...flags, exclude });
}

/**
 * The cheap checks of every input (exists, is a file, can be opened), before anything loads.
 * Inputs that fail are refused at once (or stop the run, see {@link Refusals}).
 */
function checkInputs(inputs: readonly InputRef[], flags: RunFlags): Map<InputRef, Error> {
  const failed = new Map<InputRef, Error>();
  for (const ref of inputs) {
    const e = checkInput(ref.spec);
    if (e) failed.set(ref, e);
  }
  // Nothing usable, or --strict: stop now rather than after the engines have loaded.
  if (failed.size === inputs.length || (flags.strict && failed.size)) {
    const refs = new Refusals(inputs.length, flags);
    for (const [ref, e] of failed) refs.refuse(ref, e);
    refs.finish();
  }
  return failed;
}

/**
 * The documents a run leaves out. In a folder a document that cannot be used (empty, binary,
 * one language…) is left out with a warning line and listed in report.json, and the run goes on;
 * the run fails only when nothing could be used, or at the first refusal with `--strict`. A
 * single input that cannot be used fails the run with its own message.
 */
class Refusals {
  readonly list: Refused[] = [];

  constructor(
    private readonly total: number,
    private readonly flags: RunFlags,
  ) {}

  refuse(ref: InputRef, e: Error, write: (line: string) => void = (l) => void process.stderr.write(l + "\n")): void {
    if (this.flags.strict || this.total === 1) throw this.fatal(e);
    const r = refusal(ref, e);
    this.list.push(r);
    write(refusalLine(r));
  }

  /** Fails the run when no document could be used. */
  finish(): void {
    if (this.list.length < this.total) return;
    throw new TermbridgeError({
      code: "no-pairs",
      message: `none of the ${this.total} documents could be used (each is named above)`,
      file: "",
      hint: "repair or remove them and run again; nothing was written",
    });
  }

  /** An error that stops the run: a file system refusal is said in words, an internal one is left as it is. */
  private fatal(e: Error): Error {
    return isOsError(e) ? osError(e) : e;
  }
}

const say = (flags: RunFlags, line: string): void => {
  if (!flags.quiet) process.stderr.write(line + "\n");
};

async function runOnce(t0: number, found: CollectedInputs, early: Map<InputRef, Error>, flags: RunFlags, g: GlossaryFiles | undefined, lock: HeldLock | undefined): Promise<void> {
  // Temporary files of runs that were killed (issue 18); the glossary folder's under its lock.
  sweepStale(flags.out);
  if (g) sweepStale(g.dir);
  const loaded = g ? loadGlossary(g) : undefined;
  for (const n of loaded?.notes ?? []) say(flags, n);
  // jieba loads the user dictionary next: it must be the one the CSV gives.
  if (g && loaded) repairUserDict(g, loaded.glossary);
  const glossary = loaded?.glossary;
  if (flags.strict && found.unpaired[0]) {
    const u = found.unpaired[0];
    throw new TermbridgeError({ code: "no-pairs", message: `${u.why}`, file: u.path, hint: "rename it to pair it, describe your naming with --pair-by, or run without --strict to leave it out" });
  }
  for (const u of found.unpaired) say(flags, `termbridge: warning: ${escapeName(u.path)}: left out, ${escapeName(u.why)} — rename it to pair it, or describe your naming with --pair-by`);
  const count = (kind: SkipKind) => found.skipped.filter((s) => s.kind === kind).length;
  // Broken links and unreadable folders are the user's to repair: each gets its line.
  for (const b of found.skipped) if (b.kind === "link-broken" || b.kind === "unreadable") say(flags, `termbridge: warning: ${escapeName(b.path)}: ${escapeName(b.why)}`);
  if (count("link-outside")) say(flags, `termbridge: ${count("link-outside")} symbolic link(s) lead out of the input folders and were not followed (listed in report.json; --follow-links reads them)`);
  if (count("not-document")) say(flags, `termbridge: ${count("not-document")} file(s) in the folders are not documents termbridge reads; they are listed in report.json`);
  const refusals = new Refusals(found.inputs.length, flags);
  for (const [ref, e] of early) refusals.refuse(ref, e);
  const usable = found.inputs.filter((ref) => !early.has(ref));
  const corrections = g ? correctionsFor(g.dir) : undefined;
  // The pool's threads start loading now, beside the main thread's own loading.
  const pool: DocSource = flags.queue
    ? new QueueRun(usable, { url: flags.queue, sendFiles: flags.queueSendFiles ?? false, userDict: g ? userDictOf(g.dir) : null, corrections, say: (l) => say(flags, l) })
    : new Pool(usable, flags.jobs, g ? { glossaryDir: g.dir, corrections } : {});
  try {
    await work(t0, found, usable, refusals, { glossary, g, loaded, lock }, flags, pool);
  } finally {
    await pool.close?.();
  }
}

/** Where a run's documents are analysed: this process's threads, or workers on a queue. */
type DocSource = Pick<Pool, "share" | "run"> & { close?(): Promise<void> };

/** The jieba user dictionary of a glossary folder, as text (null: none), for queue workers. */
function userDictOf(dir: string): string | null {
  const path = jiebaOptions(dir).userDict;
  return path ? readFileSync(path, "utf8") : null;
}

/**
 * The real reason a folder cannot be made: a recursive mkdir reports ENOENT for a read-only or
 * full disk, so the first missing folder is made alone, which fails with the disk's own reason.
 */
function mkdirReason(out: string, e: NodeJS.ErrnoException): NodeJS.ErrnoException {
  if (e.code !== "ENOENT") return e;
  let missing = resolve(out);
  while (!existsSync(dirname(missing)) && dirname(missing) !== missing) missing = dirname(missing);
  try {
    mkdirSync(missing);
    rmdirSync(missing);
  } catch (inner) {
    if (isOsError(inner)) return inner;
  }
  return e;
}

/** Makes the output folder, or says in words why it cannot be. */
function makeOutFolder(out: string): void {
  try {
    try {
      mkdirSync(out, { recursive: true });
    } catch (e) {
      throw isOsError(e) ? mkdirReason(out, e) : e;
    }
    if (!statSync(out).isDirectory()) throw Object.assign(new Error("not a folder"), { code: "EEXIST", syscall: "mkdir", path: out });
  } catch (e) {
    if (isOsError(e)) {
      const words = e.code === "EEXIST" ? osErrorAs(e, out, "the output folder (--out) is a file, not a folder", "give a folder, or remove the file that is in the way") : osError(e, out, "cannot make the output folder (--out)");
      throw words;
    }
    throw e;
  }
}

const osErrorAs = (e: NodeJS.ErrnoException, path: string, message: string, hint: string): TermbridgeError =>
  new TermbridgeError({ code: "unreadable", message: `${message} (${e.code})`, file: path, hint });

/** The glossary a run updates: its files, what was read, and the lock held from read to rename. */
interface RunGlossary {
  glossary: Glossary | undefined;
  g: GlossaryFiles | undefined;
  loaded: LoadedGlossary | undefined;
  lock: HeldLock | undefined;
}

async function work(t0: number, found: CollectedInputs, usable: readonly InputRef[], refusals: Refusals, { glossary, g, loaded, lock }: RunGlossary, flags: RunFlags, pool: DocSource): Promise<void> {
  // The output folder is checked before the engines load: a wrong --out is said at once.
  makeOutFolder(flags.out);
  // exceljs takes a while to load: it loads while the documents are read, and is used at the end.
  const reviewModule = import("../../export/review/index.js");
  reviewModule.catch(() => undefined);
  const res = await resourcesFor(pool.share, g?.dir);
  const clock = cliClock();

  // memory.tmx is written as the documents go, to a temporary file; every output and the
  // glossary are renamed together at the end (see commitRun).
  const tmxPath = join(flags.out, "memory.tmx");
  const set = new FileSet();
  const tmx = set.stream(tmxPath);
  const progress = progressBar(usable.length, !flags.quiet);
  try {
    const corpus = new CorpusRun(
      res,
      { srcLang: flags.srcLang, tgtLang: flags.tgtLang, minScore: flags.minScore, reviewBelow: flags.reviewBelow, now: clock },
      (chunk) => tmx.write(chunk),
      glossary && g ? { glossary, minScore: flags.glossaryMinScore, corrections: correctionsFor(g.dir) } : undefined,
    );
    // The main thread holds the corpus-wide counts: collect after every 128 MB of growth.
    const keep = heapKeeper(128);
    await pool.run(
      res,
      (p) => {
        const reports = corpus.addPartial(p);
        keep();
        for (const r of reports) progress.tick(r.sentences.en + r.sentences.zh);
      },
      (ref, e) => {
        refusals.refuse(ref, e, progress.note);
        progress.tick(0);
      },
    );
    progress.stop();
    refusals.finish();
    const result = corpus.finish({ delimiter: flags.delimiter });
    tmx.end();

    const reportPath = join(flags.out, "report.json");
    const termsPath = join(flags.out, "terms.csv");
    const tbxPath = join(flags.out, "glossary.tbx");
    const omegatPath = join(flags.out, "glossary.utf8");
    const report = { ...result.report, inputs: { refused: refusals.list, unpaired: found.unpaired, skipped: found.skipped } };
    report.tmx.file = tmxPath;
    // The exports hold the glossary after this run (or, without one, this run's pairs as candidates).
    const forExport = result.glossary?.glossary ?? mergeGlossary({ entries: [], extraColumns: [] }, result.terms, { today: "", minScore: flags.glossaryMinScore }).glossary;
    const langs = { srcLang: flags.srcLang, tgtLang: flags.tgtLang };
    const now = clock();
    const reviewPath = join(flags.out, "review.xlsx");
    const htmlPath = join(flags.out, "report.html");
    const review = await (await reviewModule).buildReviewFiles({ terms: result.terms, glossary: result.glossary?.glossary, report, beads: result.reportBeads, reviewBelow: flags.reviewBelow });
    set.stage(termsPath, result.termsCsv);
    set.stage(tbxPath, exportGlossary(forExport, flags.tbxVersion === "3" ? "tbx3" : "tbx", langs, now).content);
    set.stage(omegatPath, exportGlossary(forExport, "omegat", langs, now).content);
    set.stage(reviewPath, review.xlsx);
    set.stage(htmlPath, review.html);
    const warnings = g && result.glossary ? stageGlossary(set, g, loaded, result.glossary.glossary, result.glossary.userDict) : [];
    const outputs = set.staged.filter((f) => [tmxPath, termsPath, tbxPath, omegatPath, reviewPath, htmlPath].includes(f.path));
    const withSet = { ...report, outputs: outputSet(outputs) };
    set.stage(reportPath, JSON.stringify(withSet, null, 2) + "\n");
    commitRun(set, g, lock, [tmxPath, termsPath, tbxPath, omegatPath, reviewPath, htmlPath, reportPath]);
    for (const w of warnings) say(flags, w);

    for (const w of result.report.warnings) say(flags, formatDiagnostic(w));
    const t = result.report.totals;
    const s = result.tmxStats;
    const left = s.oneSided + s.duplicates + s.tooLong + s.belowMinScore;
    const seconds = (performance.now() - t0) / 1000;
    say(
      flags,
      `termbridge: ${t.documents} document(s), ${t.sentences.en} English and ${t.sentences.zh} Chinese sentences, ` +
        `${s.units} translation units (${left} beads left out: ${s.oneSided} one-sided, ${s.duplicates} duplicate, ${s.tooLong} too long, ${s.belowMinScore} below --min-score); ${t.review} bead(s) to review (score < ${flags.reviewBelow}, listed in report.json); ${result.terms.length} term pairs`,
    );
    const m = result.glossary?.summary;
    if (g && m) {
      say(flags, `termbridge: glossary ${g.csv}: ${m.added} added, ${m.refreshed} refreshed, ${m.kept} kept as they were, ${m.suppressed} rejected or forbidden pair(s) not brought back; ${m.decisions} reviewer decision(s) untouched`);
    }
    say(flags, `termbridge: done in ${seconds.toFixed(1)} s; files in ${flags.out}${g ? ` and ${g.dir}` : ""}`);
    const outFiles = { tmx: tmxPath, terms: termsPath, tbx: tbxPath, omegat: omegatPath, report: reportPath, review: reviewPath, html: htmlPath, ...(g ? { glossary: g.csv } : {}) };
    if (flags.json) {
      const summary = {
        documents: t.documents,
        refused: refusals.list.length,
        unpaired: found.unpaired.length,
        skipped: found.skipped.length,
        sentences: t.sentences,
        units: s.units,
        beadsLeftOut: { oneSided: s.oneSided, duplicates: s.duplicates, tooLong: s.tooLong, belowMinScore: s.belowMinScore },
        review: t.review,
        termPairs: result.terms.length,
        ...(m ? { glossary: m } : {}),
        seconds: Math.round(seconds * 1000) / 1000,
        peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
        files: outFiles,
      };
      process.stdout.write(JSON.stringify(summary) + "\n");
    } else process.stdout.write(Object.values(outFiles).map((f) => `${f}\n`).join(""));
  } catch (e) {
    // A progress bar left running keeps a terminal's process alive after the error.
    progress.stop();
    set.abort();
    throw e;
  }
}

/**
 * What report.json says about the files written with it (issue 18): report.json is renamed
 * last, so the files it lists, with these sizes and SHA-256 sums, are one run's complete set; a
 * file that does not match was left by another run.
 */
function outputSet(files: ReadonlyArray<{ path: string; bytes: number; sha256: string }>) {
  return {
    complete: "these files were written together by this run, report.json last; a file whose sha256 differs comes from another run",
    files: files.map((f) => ({ file: f.path, bytes: f.bytes, sha256: f.sha256 })),
  };
}
