import v8 from "node:v8";
import vm from "node:vm";

let collect: (() => void) | undefined | null = null;

/** V8's full collection, made callable (the documented `--expose-gc` flag, set from inside); undefined where refused. */
function collector(): (() => void) | undefined {
  if (collect === null) {
    try {
      v8.setFlagsFromString("--expose-gc");
      collect = vm.runInNewContext("gc") as () => void;
    } catch {
      collect = undefined;
    }
  }
  return collect;
}

/**
 * Keeps a long-running thread's heap near what it holds alive. V8 lets a heap grow to about
 * twice its live size before a full collection, and on a long run every thread does so at
 * once: a few hundred MB of garbage each. Called between documents, it collects when the heap
 * has grown by `slackMb` since the last collection (a full collection of a few hundred MB
 * takes a tenth of a second, far less than the documents in between).
 */
export function heapKeeper(slackMb: number): () => void {
  const gc = collector();
  let after = 0;
  return () => {
    if (!gc) return;
    const used = v8.getHeapStatistics().used_heap_size / 1e6;
    if (used < after + slackMb) return;
    gc();
    after = v8.getHeapStatistics().used_heap_size / 1e6;
  };
}
