import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// The compiled modules: the pool's threads run compiled files (npm test builds first).
import { Pool, taggerThreads } from "../../dist/cli/pool.js";
import { encodePartial } from "../../dist/corpus/partial.js";
import { ingestResources, resourcesFor } from "../../dist/cli/resources.js";
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

describe("a large document tagged by a process of its own", () => {
  it("the process dying while the main thread waits for its tags ends the run", { timeout: 60_000 }, async () => {
    const r = await outcome(new Pool(docs(1), 1, { tagProcessFrom: 0, taggerUrl: new URL("dying-tagger-process.mjs", THREADS) }));
    expect(r.refused).toBe(0);
    expect(r.error?.name).toBe("ThreadFailure");
    expect(r.error?.message).toBe("the Chinese tagging process stopped (exit code 4)");
  });

  it("gives the partial the main thread gives, and is gone before the document is analysed further", { timeout: 300_000 }, async () => {
    const refs = docs(1);
    const path = refs[0]!.spec.kind === "single" ? refs[0]!.spec.path : "";
    writeFileSync(path, "The Yellow River Conservancy Commission raised the flood warning.\n\n黄河水利委员会提高了洪水预警级别。\n\nThe flood warning was lifted on Monday.\n\n洪水预警于周一解除。\n");
    const glossaryDir = mkdtempSync(join(tmpdir(), "termbridge-glossary-"));
    /** Children of this process still running (a stopped one not yet reaped is a zombie, Z). */
    const running = () => {
      let pids: string[] = [];
      try {
        pids = execFileSync("pgrep", ["-P", String(process.pid)], { encoding: "utf8" }).split("\n").filter(Boolean);
      } catch {
        // pgrep exits 1 when there is none
      }
      return pids.filter((pid) => {
        try {
          return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, "utf8"));
        } catch {
          return false;
        }
      });
    };
    const partial = async (tagProcessFrom: number) => {
      const pool = new Pool(refs, 1, { glossaryDir, tagProcessFrom });
      const res = await resourcesFor(pool.share, glossaryDir);
      const out: string[] = [];
      const alive: string[][] = [];
      await pool.run(res, (p) => (out.push(JSON.stringify(encodePartial(p))), alive.push(running())), (ref, e) => out.push(`refused ${ref.name}: ${e.message}`));
      return { out, alive, share: pool.share };
    };
    const main = await partial(Infinity);
    const proc = await partial(0);
    expect([main.share, proc.share]).toEqual(["all", "no-jieba"]);
    expect(main.out[0]).toContain('"mentioned":true');
    expect(proc.out).toEqual(main.out);
    expect(proc.alive).toEqual([[]]);
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

describe("a long document's English is shared among the workers (issue 17)", () => {
  it("a free worker parses part of it, and the partial is the one a single thread gives", { timeout: 300_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "termbridge-share-"));
    const places = ["northern provinces", "river delta", "coastal cities", "mountain counties", "western plains"];
    const zhPlaces = ["北部各省", "河流三角洲", "沿海城市", "山区各县", "西部平原"];
    const en: string[] = [];
    const zh: string[] = [];
    for (let k = 0; k < 300; k++) {
      en.push(`The water level in the ${places[k % 5]} rose by ${k + 1} centimetres after the flood control office opened the reservoir.`);
      zh.push(`防汛办公室开启水库后，${zhPlaces[k % 5]}的水位上涨了${k + 1}厘米。`);
    }
    writeFileSync(join(dir, "long.en.txt"), en.join("\n") + "\n");
    writeFileSync(join(dir, "long.zh.txt"), zh.join("\n") + "\n");
    // A document refused at once leaves the second worker free from the start.
    writeFileSync(join(dir, "empty.md"), "");
    const refs: InputRef[] = [
      { name: join(dir, "long"), spec: { kind: "pair", en: join(dir, "long.en.txt"), zh: join(dir, "long.zh.txt"), presplit: true } },
      { name: join(dir, "empty.md"), spec: { kind: "single", path: join(dir, "empty.md") } },
    ];
    const partials = async (pool: Pool) => {
      const out: string[] = [];
      await pool.run(await resourcesFor(pool.share), (p) => out.push(JSON.stringify(encodePartial(p))), (ref, e) => out.push(`refused ${ref.name}: ${e.message}`));
      return out;
    };
    const alone = await partials(new Pool(refs, 1, {}));
    const pool = new Pool(refs, 2, { shareFrom: 2, shareChunk: 5 });
    const shared = await partials(pool);
    expect(pool.helpedChunks).toBeGreaterThan(0);
    expect(pool.helpedChunks).toBeLessThan(60);
    expect(alone[0]!.includes('"mentioned":true')).toBe(true);
    expect(shared.length).toBe(2);
    // Not toEqual: a failure would print two partials of 300 sentences.
    expect(shared[0] === alone[0]).toBe(true);
    expect(shared[1]).toBe(alone[1]);
  });
});
