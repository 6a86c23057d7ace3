import { closeSync, mkdirSync, openSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { join } from "node:path";
import { mergeGlossary } from "../../glossary/merge.js";
import type { Glossary } from "../../glossary/store.js";
import { CorpusRun } from "../../pipeline.js";
import { cliClock } from "../clock.js";
import { formatDiagnostic } from "../errors.js";
import { glossaryFiles, readGlossaryFile, withGlossaryLock, writeGlossary, type GlossaryFiles } from "../glossary.js";
import { findInputs, type InputFlags } from "../inputs.js";
import { Pool } from "../pool.js";
import { writeFilesAtomic } from "../io.js";
import { progressBar } from "../progress.js";
import { heapKeeper } from "../heap.js";
import { resourcesFor } from "../resources.js";
import { exportGlossary } from "./glossary.js";

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
}

/**
 * `termbridge run`: align every input, link terms, merge them into the glossary and write
 * memory.tmx, terms.csv, glossary.tbx, glossary.utf8 and report.json. The glossary is locked for
 * the whole run, read and checked before any work, and written (atomically, with a backup) only
 * when all else is done.
 */
export async function runCommand(files: string[], flags: RunFlags): Promise<void> {
  if (flags.glossary === false) return runOnce(files, flags, undefined);
  const g = glossaryFiles(flags.glossary);
  return withGlossaryLock(g, flags.lockWait * 1000, () => runOnce(files, flags, g));
}

const say = (flags: RunFlags, line: string): void => {
  if (!flags.quiet) process.stderr.write(line + "\n");
};

async function runOnce(files: string[], flags: RunFlags, g: GlossaryFiles | undefined): Promise<void> {
  const t0 = performance.now();
  const found = findInputs(files, flags);
  const glossary = g ? readGlossaryFile(g.csv) : undefined;
  for (const u of found.unpaired) say(flags, `termbridge: warning: ${u.path}: left out, ${u.why} — rename it to pair it, or describe your naming with --pair-by`);
  if (found.skipped.length) say(flags, `termbridge: ${found.skipped.length} file(s) in the folders are not documents termbridge reads; they are listed in report.json`);
  // The pool's threads start loading now, beside the main thread's own loading.
  const pool = new Pool(found.inputs, flags.jobs, g ? { glossaryDir: g.dir } : {});
  try {
    await work(t0, found, glossary, g, flags, pool);
  } finally {
    await pool.close();
  }
}

async function work(t0: number, found: ReturnType<typeof findInputs>, glossary: Glossary | undefined, g: GlossaryFiles | undefined, flags: RunFlags, pool: Pool): Promise<void> {
  const res = await resourcesFor(pool.share, g?.dir);
  const clock = cliClock();

  // memory.tmx is written as the documents go, to a temporary file renamed at the end.
  mkdirSync(flags.out, { recursive: true });
  const tmxPath = join(flags.out, "memory.tmx");
  const tmxTmp = join(flags.out, `.memory.tmx.${process.pid}.tmp`);
  const fd = openSync(tmxTmp, "w");
  let closed = false;
  try {
    const corpus = new CorpusRun(
      res,
      { srcLang: flags.srcLang, tgtLang: flags.tgtLang, minScore: flags.minScore, reviewBelow: flags.reviewBelow, now: clock },
      (chunk) => void writeSync(fd, chunk),
      glossary ? { glossary, minScore: flags.glossaryMinScore } : undefined,
    );
    const progress = progressBar(found.inputs.length, !flags.quiet);
    // The main thread holds the corpus-wide counts: collect after every 128 MB of growth.
    const keep = heapKeeper(128);
    await pool.run(res, (p) => {
      const r = corpus.addAligned(p.aligned, p.kind, p.mentions);
      keep();
      progress.tick(r.sentences.en + r.sentences.zh);
    });
    progress.stop();
    const result = corpus.finish({ delimiter: flags.delimiter });
    closeSync(fd);
    closed = true;

    const reportPath = join(flags.out, "report.json");
    const termsPath = join(flags.out, "terms.csv");
    const tbxPath = join(flags.out, "glossary.tbx");
    const omegatPath = join(flags.out, "glossary.utf8");
    const report = { ...result.report, inputs: { unpaired: found.unpaired, skipped: found.skipped } };
    report.tmx.file = tmxPath;
    // The exports hold the glossary after this run (or, without one, this run's pairs as candidates).
    const forExport = result.glossary?.glossary ?? mergeGlossary({ entries: [], extraColumns: [] }, result.terms, { today: "", minScore: flags.glossaryMinScore }).glossary;
    const langs = { srcLang: flags.srcLang, tgtLang: flags.tgtLang };
    const now = clock();
    writeFilesAtomic([
      { path: termsPath, content: result.termsCsv },
      { path: tbxPath, content: exportGlossary(forExport, flags.tbxVersion === "3" ? "tbx3" : "tbx", langs, now).content },
      { path: omegatPath, content: exportGlossary(forExport, "omegat", langs, now).content },
      { path: reportPath, content: JSON.stringify(report, null, 2) + "\n" },
    ]);
    renameSync(tmxTmp, tmxPath);
    if (g && result.glossary) writeGlossary(g, result.glossary.glossary, result.glossary.userDict);

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
    const outFiles = { tmx: tmxPath, terms: termsPath, tbx: tbxPath, omegat: omegatPath, report: reportPath, ...(g ? { glossary: g.csv } : {}) };
    if (flags.json) {
      const summary = {
        documents: t.documents,
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
    if (!closed) closeSync(fd);
    try {
      unlinkSync(tmxTmp);
    } catch {
      // renamed already
    }
    throw e;
  }
}
