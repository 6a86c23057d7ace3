import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// The compiled modules: the pool's threads run compiled files (npm test builds first).
import { Pool, taggerThreads } from "../../dist/cli/pool.js";
import { encodePartial } from "../../dist/corpus/partial.js";
import { ingestResources } from "../../dist/cli/resources.js";
import type { InputRef } from "../../src/cli/inputs.js";

const THREADS = new URL("../fixtures/threads/", import.meta.url);
const docs = (n: number): InputRef[] => {
  const dir = mkdtempSync(join(tmpdir(), "termbridge-pool-"));
  return Array.from({ length: n }, (_, k) => {
    const path = join(dir, `doc${k}.md`);
    writeFileSync(path, "The river rose overnight.\n\n河水一夜之间上涨。\n");
    return { name: path, spec: { kind: "single", path } };
  });
};

/** Runs a pool to its end; the test's timeout is the "never hangs" check. */
async function outcome(pool: Pool): Promise<{ taken: number; refused: number; error: Error | undefined }> {
  let taken = 0;
  let refused = 0;
  try {
    await pool.run(ingestResources(), () => taken++, () => refused++);
    return { taken, refused, error: undefined };
  } catch (e) {
    return { taken, refused, error: e as Error };
  }
}

describe("a thread that dies ends the run with one clear error, never a wait without end", { timeout: 60_000 }, () => {
  it("a worker that exits without a word (before: the run waited forever, 0 CPU)", async () => {
    const r = await outcome(new Pool(docs(3), 2, { workerUrl: new URL("exiting-worker.mjs", THREADS), taggerUrl: new URL("idle-tagger.mjs", THREADS) }));
    expect(r.error?.name).toBe("ThreadFailure");
    expect(r.error?.message).toMatch(/^a worker thread stopped \(exit code 3\) while reading .*doc\d\.md$/);
  });

  it("a worker that throws outside any handler", async () => {
    const r = await outcome(new Pool(docs(3), 2, { workerUrl: new URL("throwing-worker.mjs", THREADS), taggerUrl: new URL("idle-tagger.mjs", THREADS) }));
    expect(r.error?.name).toBe("ThreadFailure");
    expect(r.error?.message).toMatch(/^a worker thread failed while reading .*doc\d\.md: boom in a worker$/);
  });

  it("the tagging thread dying while workers wait for it", async () => {
    const r = await outcome(new Pool(docs(3), 2, { workerUrl: new URL("waiting-worker.mjs", THREADS), taggerUrl: new URL("dying-tagger.mjs", THREADS) }));
    expect(r.error?.name).toBe("ThreadFailure");
    expect(r.error?.message).toBe("the Chinese tagging thread stopped (exit code 4)");
  });

  it("the tagging thread dying while the main thread waits for its tags (one document)", async () => {
    const r = await outcome(new Pool(docs(1), 2, { taggerUrl: new URL("dying-tagger.mjs", THREADS) }));
    // Not a refusal of the document: the document is fine, the run cannot go on.
    expect(r.refused).toBe(0);
    expect(r.error?.name).toBe("ThreadFailure");
    expect(r.error?.message).toMatch(/the Chinese tagging thread stopped/);
  });
});

describe("a document that fails is handed to the caller in its turn, and the others go on", () => {
  it("with real workers, in input order", { timeout: 120_000 }, async () => {
    const refs = docs(3);
    writeFileSync(refs[1]!.spec.kind === "single" ? refs[1]!.spec.path : "", "");
    const seen: string[] = [];
    await new Pool(refs, 2, {}).run(
      ingestResources(),
      (p) => seen.push(`took ${p.docs[0]!.aligned.doc}`),
      (ref, e) => seen.push(`refused ${ref.name}: ${e.message}`),
    );
    expect(seen).toEqual([`took ${refs[0]!.name}`, `refused ${refs[1]!.name}: the file is empty`, `took ${refs[2]!.name}`]);
  });
});

describe("more than one tagging thread", () => {
  it("is used when there are many workers and cores, one otherwise", () => {
    expect(taggerThreads(2, 2)).toBe(1);
    expect(taggerThreads(8, 2)).toBe(1);
    expect(taggerThreads(4, 4)).toBe(2);
    expect(taggerThreads(8, 16)).toBe(4);
    expect(taggerThreads(0, 16)).toBe(1);
  });

  it("two tagging threads give the same partials as one", { timeout: 300_000 }, async () => {
    const refs = docs(4);
    refs.forEach((r, k) => r.spec.kind === "single" && writeFileSync(r.spec.path, `The river rose ${k + 1} metres overnight in the northern provinces.\n\n河水一夜之间在北部各省上涨了${k + 1}米。\n`));
    const partials = async (taggers: number) => {
      const out: string[] = [];
      await new Pool(refs, 2, { taggers }).run(ingestResources(), (p) => out.push(JSON.stringify(encodePartial(p))), (ref, e) => out.push(`refused ${ref.name}: ${e.message}`));
      return out;
    };
    const one = await partials(1);
    expect(one.length).toBe(4);
    expect(one.every((p) => p.includes('"mentioned":true'))).toBe(true);
    expect(await partials(2)).toEqual(one);
  });
});
