// The bench corpora: the eval sets' aligned lines (read in place) cut into documents of about 150
// sentences, shuffled with a fixed seed and repeated, written as NAME.en.txt / NAME.zh.txt pairs.
// Shared by bench/corpus.mjs and bench/term-path.mjs, so both time the same documents.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const lines = (p) => readFileSync(p, "utf8").split("\n").filter((l) => l.trim() !== "");
const ALIGN_ROOT = join(import.meta.dirname, "../../shared/eval/align");

/** The eval sets' aligned documents (read in place), in a fixed order: sentence lines and gold beads ([en indices, zh indices]). */
export function evalDocs(root = ALIGN_ROOT) {
  const docs = [];
  for (const set of readdirSync(root).sort())
    for (const f of readdirSync(join(root, set)).filter((x) => x.endsWith(".align")).sort()) {
      const en = lines(join(root, set, f.replace(".align", ".en")));
      const zh = lines(join(root, set, f.replace(".align", ".zh")));
      const beads = lines(join(root, set, f)).map((b) => b.split(":").map((x) => JSON.parse(x)));
      docs.push({ en, zh, beads });
    }
  return docs;
}

/** The eval sets' two-sided gold beads as their sentences, in order. */
export function evalBeads(root = ALIGN_ROOT) {
  return evalDocs(root).flatMap((d) => d.beads.filter(([e, z]) => e.length && z.length).map(([e, z]) => ({ en: e.map((i) => d.en[i]), zh: z.map((j) => d.zh[j]) })));
}

/** The eval sets' aligned lines cut into chunks of about 150 sentences, in a fixed order. */
export function evalChunks(root = ALIGN_ROOT) {
  const chunks = [];
  for (const { en, zh } of evalDocs(root)) {
    const n = Math.ceil(en.length / 150);
    for (let k = 0; k < n; k++) chunks.push({ en: en.slice(Math.floor((k * en.length) / n), Math.floor(((k + 1) * en.length) / n)), zh: zh.slice(Math.floor((k * zh.length) / n), Math.floor(((k + 1) * zh.length) / n)) });
  }
  return chunks;
}

/** The benches' random sequence (a fixed seed): one per run, shared by the corpora it builds. */
export function benchRandom() {
  let seed = 20261201;
  return () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** Writes `mb` megabytes of shuffled chunks into the folder `dir`; returns the documents and bytes. */
export function writeCorpus(dir, mb, chunks, rand) {
  const docs = [];
  let bytes = 0;
  while (bytes < mb * 1e6) {
    const order = chunks.map((c) => [rand(), c]).sort((a, b) => a[0] - b[0]).map(([, c]) => c);
    for (const c of order) {
      if (bytes >= mb * 1e6) break;
      const name = `doc${String(docs.length).padStart(5, "0")}`;
      const en = c.en.join("\n") + "\n";
      const zh = c.zh.join("\n") + "\n";
      writeFileSync(join(dir, `${name}.en.txt`), en);
      writeFileSync(join(dir, `${name}.zh.txt`), zh);
      bytes += Buffer.byteLength(en) + Buffer.byteLength(zh);
      docs.push(c);
    }
  }
  return { docs, bytes };
}
