import { extname, join } from "node:path";
import { readCsv } from "../../export/csv.js";
import { buildOmegatGlossary, serializeOmegatGlossary } from "../../export/omegat.js";
import { buildTbx, serializeTbx } from "../../export/tbx.js";
import { readOmegatGlossary, readTbx } from "../../glossary/import.js";
import { importEntries, readCsvGlossary } from "../../glossary/imported.js";
import { serializeGlossary, type Glossary } from "../../glossary/store.js";
import { TermbridgeError, type GlossaryEntry } from "../../model/index.js";
import { resolveOptions } from "../../options.js";
import { VERSION } from "../../version.js";
import { cliClock } from "../clock.js";
import { glossaryFiles, loadGlossary, saveGlossary, withGlossaryLock } from "../glossary.js";
import { readSource, sweepStale, writeFilesAtomic } from "../io.js";

export type ExportFormat = "tbx" | "tbx3" | "omegat" | "csv";

/** Every export of a glossary, built from the store alone: the file name and its content. */
export function exportGlossary(g: Glossary, format: ExportFormat, langs: { srcLang: string; tgtLang: string }, now: Date): { ext: string; content: string } {
  const entries = g.entries;
  switch (format) {
    case "tbx":
    case "tbx3":
      return { ext: "tbx", content: serializeTbx(buildTbx(entries, { version: format === "tbx" ? 2 : 3, ...langs, now, toolVersion: VERSION })) };
    case "omegat":
      return { ext: "utf8", content: serializeOmegatGlossary(buildOmegatGlossary(entries, { srcLang: langs.srcLang.toLowerCase().startsWith("zh") ? "zh" : "en" })) };
    case "csv":
      return { ext: "csv", content: serializeGlossary(g) };
  }
}

export interface GlossaryFlags {
  glossary: string;
  lockWait: number;
}

type Format = "csv" | "tbx" | "omegat";

function detectFormat(path: string, text: string, given: string | undefined): Format {
  if (given) return given as Format;
  const ext = extname(path).toLowerCase();
  if (ext === ".tbx" || /^\s*(<\?xml[^>]*>\s*)?<(martif|tbx)[\s>]/.test(text.replace(/^\uFEFF/, ""))) return "tbx";
  if (ext === ".csv") return "csv";
  if ([".utf8", ".txt", ".tab", ".tsv"].includes(ext)) return "omegat";
  throw new TermbridgeError({ code: "bad-usage", message: `cannot tell the format of ${path}`, file: path, hint: "give --format csv, tbx or omegat" });
}

/** `termbridge glossary import FILE`: another glossary's entries into the store, as decisions. */
export async function importCommand(file: string, flags: GlossaryFlags & { format?: string }): Promise<void> {
  const files = glossaryFiles(flags.glossary);
  await withGlossaryLock(files, flags.lockWait * 1000, async (lock) => {
    sweepStale(files.dir);
    const loaded = loadGlossary(files);
    for (const n of loaded.notes) process.stderr.write(n + "\n");
    const store = loaded.glossary;
    const src = readSource(file);
    const format = detectFormat(file, src.text, flags.format);
    const fail = (line: number | undefined, message: string, hint: string): never => {
      throw new TermbridgeError({ code: "malformed-glossary", message, file, ...(line ? { line } : {}), hint: `${hint}; nothing was imported` });
    };
    let imported: GlossaryEntry[];
    if (format === "tbx") imported = readTbx(src.text, file);
    else if (format === "omegat") imported = readOmegatGlossary(src.text, file);
    else {
      let table;
      try {
        table = readCsv(src.text);
      } catch (e) {
        fail((e as { lines?: number }).lines, `cannot be read as CSV (${(e as Error).message})`, "repair the quoting at that line");
      }
      imported = readCsvGlossary(table!, file, fail);
    }
    const today = cliClock()().toISOString().slice(0, 10);
    const { glossary, summary } = importEntries(store, imported, today);
    for (const w of saveGlossary(files, lock, loaded, glossary)) process.stderr.write(w + "\n");
    process.stderr.write(`termbridge: imported ${imported.length} entr${imported.length === 1 ? "y" : "ies"} from ${file} (${format}) into ${files.csv}: ${summary.added} added, ${summary.decided} candidate(s) decided, ${summary.unchanged} already there, ${summary.conflicts} kept the reviewer's other decision\n`);
    process.stdout.write(`${files.csv}\n`);
  });
}

/** `termbridge glossary export --format F`: one file from the store alone. */
export function exportCommand(flags: GlossaryFlags & { format: ExportFormat; out?: string; srcLang: string; tgtLang: string }): void {
  const files = glossaryFiles(flags.glossary);
  const opts = resolveOptions({ srcLang: flags.srcLang, tgtLang: flags.tgtLang });
  const g = loadGlossary(files).glossary;
  const { ext, content } = exportGlossary(g, flags.format, opts, cliClock()());
  const out = flags.out ?? join("output", `glossary.${ext}`);
  writeFilesAtomic([{ path: out, content }]);
  process.stderr.write(`termbridge: ${g.entries.filter((e) => e.status !== "rejected").length} entr(ies) of ${files.csv} written as ${flags.format}\n`);
  process.stdout.write(`${out}\n`);
}
