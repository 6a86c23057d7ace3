import { readFileSync } from "node:fs";
import { join } from "node:path";
import { correctionsByDoc, CORRECTIONS_FILE, mergeCorrections, serializeCorrections, type AlignmentCorrection } from "../../glossary/corrections.js";
import { readCorrectionsFile } from "../corrections.js";
import { applyReview, type ReviewDecision } from "../../glossary/review.js";
import { readReviewWorkbook } from "../../export/review/read.js";
import { TermbridgeError } from "../../model/index.js";
import { cliClock } from "../clock.js";
import { glossaryFiles, loadGlossary, saveGlossary, withGlossaryLock } from "../glossary.js";
import { sweepStale } from "../io.js";

export interface ReviewFlags {
  glossary: string;
  lockWait: number;
}

/**
 * `termbridge review import FILE`: the reviewer's statuses and notes into the glossary (a
 * three-way merge: what someone else changed meanwhile is kept and reported), and the
 * alignment fixes into `alignment-corrections.json` beside it, which every later run applies.
 */
export async function reviewImportCommand(file: string, flags: ReviewFlags): Promise<void> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new TermbridgeError({ code: code === "ENOENT" ? "not-found" : "unreadable", message: code === "ENOENT" ? "no such file" : `cannot read the file (${code})`, file, hint: "check the path (a run writes OUT/review.xlsx)" });
  }
  const book = await readReviewWorkbook(bytes, file);
  const files = glossaryFiles(flags.glossary);
  await withGlossaryLock(files, flags.lockWait * 1000, async (lock) => {
    sweepStale(files.dir);
    const loaded = loadGlossary(files);
    for (const n of loaded.notes) process.stderr.write(n + "\n");
    const store = loaded.glossary;
    const today = cliClock()().toISOString().slice(0, 10);
    const rows: ReviewDecision[] = book.terms.map((t) => ({ ...t, where: `${file}:${t.statusCell}` }));
    const { glossary, summary } = applyReview(store, rows, today);
    const fixes: AlignmentCorrection[] = book.beads.map((b) => ({
      doc: b.doc,
      bead: b.bead,
      key: b.key,
      en: b.en,
      zh: b.zh,
      ...(b.fix ? { fix: b.fix } : {}),
      ...(b.editedEn ? { editedEn: b.editedEn } : {}),
      ...(b.editedZh ? { editedZh: b.editedZh } : {}),
      updated: today,
    }));
    const correctionsPath = join(files.dir, CORRECTIONS_FILE);
    const corrections = fixes.length ? [{ path: correctionsPath, content: serializeCorrections(mergeCorrections(readCorrectionsFile(files.dir), fixes)) }] : [];
    for (const w of saveGlossary(files, lock, loaded, glossary, corrections)) process.stderr.write(w + "\n");
    for (const c of summary.conflicts) {
      process.stderr.write(
        `termbridge: conflict: ${c.where}: ${c.field} of "${c.en}" / "${c.zh}" was "${c.was}" when the workbook was written and is now "${c.glossary}" in ${files.csv}; the workbook says "${c.workbook}" — the glossary's value was kept; change it in ${files.csv} if the workbook is right\n`,
      );
    }
    const docs = correctionsByDoc(fixes).size;
    process.stderr.write(
      `termbridge: review ${file} into ${files.csv}: ${summary.decided} status(es) and ${summary.notes} note(s) changed, ${summary.added} pair(s) added, ${summary.unchanged} row(s) left as they were, ${summary.conflicts.length} conflict(s) kept the glossary's value; ` +
        `${fixes.length} alignment fix(es) in ${docs} document(s)${fixes.length ? ` into ${correctionsPath} (applied by the next run)` : ""}\n`,
    );
    process.stdout.write(`${files.csv}\n${fixes.length ? `${correctionsPath}\n` : ""}`);
  });
}
