import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { correctionsByDoc, CORRECTIONS_FILE, parseCorrections, type AlignmentCorrection } from "../glossary/corrections.js";

/** Reads the alignment fixes beside a glossary (none when the file is missing). */
export function readCorrectionsFile(dir: string): AlignmentCorrection[] {
  const path = join(dir, CORRECTIONS_FILE);
  return existsSync(path) ? parseCorrections(readFileSync(path, "utf8"), path) : [];
}

/** The fixes a run applies, by document, when the glossary folder holds any. */
export function correctionsFor(dir: string): Map<string, AlignmentCorrection[]> | undefined {
  const list = readCorrectionsFile(dir);
  return list.length ? correctionsByDoc(list) : undefined;
}
