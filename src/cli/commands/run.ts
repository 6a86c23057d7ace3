import { join } from "node:path";
import { run } from "../../pipeline.js";
import { cliClock } from "../clock.js";
import { formatDiagnostic } from "../errors.js";
import { collectInputs, type InputFlags } from "../inputs.js";
import { writeFilesAtomic } from "../io.js";
import { glossaryFiles, readGlossaryFile, withGlossaryLock, writeGlossary, type GlossaryFiles } from "../glossary.js";
import { resources } from "../resources.js";
import { exportGlossary } from "./glossary.js";
import { mergeGlossary } from "../../glossary/merge.js";

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
}

/**
 * `termbridge run`: align every input, link terms, merge them into the glossary and write
 * memory.tmx, terms.csv and report.json. The glossary is locked for the whole run, read and
 * checked before any work, and written (atomically, with a backup) only when all else is done.
 */
export async function runCommand(files: string[], flags: RunFlags): Promise<void> {
  if (flags.glossary === false) return runOnce(files, flags, undefined);
  const g = glossaryFiles(flags.glossary);
  return withGlossaryLock(g, flags.lockWait * 1000, () => runOnce(files, flags, g));
}

async function runOnce(files: string[], flags: RunFlags, g: GlossaryFiles | undefined): Promise<void> {
  const inputs = collectInputs(files, flags);
  const glossary = g ? readGlossaryFile(g.csv) : undefined;
  const result = run(
    inputs,
    await resources(g?.dir),
    { srcLang: flags.srcLang, tgtLang: flags.tgtLang, minScore: flags.minScore, reviewBelow: flags.reviewBelow, now: cliClock() },
    { delimiter: flags.delimiter },
    glossary ? { glossary, minScore: flags.glossaryMinScore } : undefined,
  );
  const tmxPath = join(flags.out, "memory.tmx");
  const reportPath = join(flags.out, "report.json");
  const termsPath = join(flags.out, "terms.csv");
  result.report.tmx.file = tmxPath;
  // The exports hold the glossary after this run (or, without one, this run's pairs as candidates).
  const forExport = result.glossary?.glossary ?? mergeGlossary({ entries: [], extraColumns: [] }, result.terms, { today: "", minScore: flags.glossaryMinScore }).glossary;
  const langs = { srcLang: flags.srcLang, tgtLang: flags.tgtLang };
  const now = cliClock()();
  const tbxPath = join(flags.out, "glossary.tbx");
  const omegatPath = join(flags.out, "glossary.utf8");
  writeFilesAtomic([
    { path: tmxPath, content: result.tmx },
    { path: termsPath, content: result.termsCsv },
    { path: tbxPath, content: exportGlossary(forExport, flags.tbxVersion === "3" ? "tbx3" : "tbx", langs, now).content },
    { path: omegatPath, content: exportGlossary(forExport, "omegat", langs, now).content },
    { path: reportPath, content: JSON.stringify(result.report, null, 2) + "\n" },
  ]);
  for (const d of result.docs.flatMap((x) => x.diagnostics)) {
    if (d.severity !== "info") process.stderr.write(formatDiagnostic(d) + "\n");
  }
  const t = result.report.totals;
  const s = result.tmxStats;
  const left = s.oneSided + s.duplicates + s.tooLong + s.belowMinScore;
  process.stderr.write(
    `termbridge: ${t.documents} document(s), ${t.sentences.en} English and ${t.sentences.zh} Chinese sentences, ` +
      `${s.units} translation units (${left} beads left out: ${s.oneSided} one-sided, ${s.duplicates} duplicate, ${s.tooLong} too long, ${s.belowMinScore} below --min-score); ${t.review} bead(s) to review (score < ${flags.reviewBelow}, listed in report.json); ${result.terms.length} term pairs\n`,
  );
  if (g && result.glossary) {
    writeGlossary(g, result.glossary.glossary, result.glossary.userDict);
    const m = result.glossary.summary;
    process.stderr.write(
      `termbridge: glossary ${g.csv}: ${m.added} added, ${m.refreshed} refreshed, ${m.kept} kept as they were, ${m.suppressed} rejected or forbidden pair(s) not brought back; ${m.decisions} reviewer decision(s) untouched\n`,
    );
  }
  process.stdout.write(`${tmxPath}\n${termsPath}\n${tbxPath}\n${omegatPath}\n${reportPath}\n${g ? `${g.csv}\n` : ""}`);
}
