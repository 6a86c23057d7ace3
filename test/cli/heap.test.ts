import v8 from "node:v8";
import { describe, expect, it } from "vitest";
import { heapKeeper } from "../../src/cli/heap.js";

describe("heapKeeper", () => {
  it("collects once the heap has grown by the slack, and not before", () => {
    const keep = heapKeeper(16);
    keep(); // the first call collects (nothing measured yet) and sets the baseline
    const base = v8.getHeapStatistics().used_heap_size;
    let junk: number[][] | undefined = Array.from({ length: 400 }, () => Array.from({ length: 10_000 }, (_, k) => k + 0.5));
    expect(junk.length).toBe(400);
    const grown = v8.getHeapStatistics().used_heap_size;
    expect(grown - base).toBeGreaterThan(16e6);
    junk = undefined;
    keep();
    expect(v8.getHeapStatistics().used_heap_size).toBeLessThan(base + 8e6);
  });
});
