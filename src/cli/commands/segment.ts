import { alignInput, ingest, segmentBitext } from "../../pipeline.js";
import type { Sentence } from "../../model/index.js";
import { collectInputs, type InputFlags } from "../inputs.js";
import { ingestResources } from "../resources.js";

/** `termbridge segment`: one JSON object per sentence, English then Chinese, in document order. */
export function segmentCommand(files: string[], flags: InputFlags): void {
  const lines: string[] = [];
  for (const input of collectInputs(files, flags)) {
    const { en, zh } = input.kind === "tmx" ? alignInput(input, ingestResources()) : segmentBitext(ingest(input, ingestResources()));
    for (const s of [...en, ...zh] as Sentence[]) {
      lines.push(JSON.stringify({ lang: s.lang, text: s.text, doc: s.doc, start: s.start, end: s.end }));
    }
  }
  process.stdout.write(lines.length ? lines.join("\n") + "\n" : "");
}
