import { describe, expect, it } from "vitest";
import type { Mention } from "../../src/model/index.js";
import { help, SharedParse, unclaimed, type ChunkAnswer, type ShareTask } from "../../src/cli/share.js";

// A stand-in parse: one "mention" per text, its key the text, so the order of the result shows.
const parse = (texts: string[]): Mention[][] => texts.map((t) => [{ key: t } as Mention]);
const texts = Array.from({ length: 23 }, (_, k) => `sentence ${k}`);

describe("a long parse shared among threads", () => {
  it("gives every text's mentions in order, whoever claimed which chunk", async () => {
    let offered: ShareTask | undefined;
    const helped: ChunkAnswer[] = [];
    const shared = new SharedParse(parse, (task) => {
      offered = task;
      // Another thread takes the first chunks before the document's thread starts on its own.
      const claims = new Int32Array(task.claims);
      help({ ...task, chunks: task.chunks.slice(0, 2) }, parse, (a) => helped.push(a));
      Atomics.store(claims, 0, 2);
    }, { from: 10, chunk: 5 });
    const done = shared.mentions(texts);
    expect(offered!.chunks.map((c) => c.length)).toEqual([5, 5, 5, 5, 3]);
    expect(unclaimed(offered!)).toBe(false);
    // The helper's answers come later, through the run, and out of order.
    for (const a of helped.reverse()) shared.answer(a);
    const got = await done;
    expect(got.map((m) => m[0]!.key)).toEqual(texts);
  });

  it("parses a short document itself and offers nothing", async () => {
    const shared = new SharedParse(parse, () => expect.unreachable("offered"), { from: 100, chunk: 5 });
    expect((await shared.mentions(texts)).length).toBe(23);
  });

  it("fails the document when a chunk could not be parsed, and ignores later answers", async () => {
    const failing = (t: string[]): Mention[][] => {
      if (t.includes("sentence 7")) throw new Error("compromise broke");
      return parse(t);
    };
    const shared = new SharedParse(failing, () => {}, { from: 10, chunk: 5 });
    await expect(shared.mentions(texts)).rejects.toThrow("parsing English sentences failed: compromise broke");
    expect(() => shared.answer({ id: 0, k: 1, mentions: [] })).not.toThrow();
  });
});
