import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// The compiled modules: the pool's threads run compiled files (npm test builds first).
import { Pool } from "../../dist/cli/pool.js";
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
    const r = await outcome(new Pool(docs(3), 2, { workerUrl: new URL("exiting-worker.mjs", THREADS) }));
    expect(r.error?.name).toBe("ThreadFailure");
    expect(r.error?.message).toMatch(/^a worker thread stopped \(exit code 3\) while reading .*doc\d\.md$/);
  });

  it("a worker that throws outside any handler", async () => {
    const r = await outcome(new Pool(docs(3), 2, { workerUrl: new URL("throwing-worker.mjs", THREADS) }));
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
