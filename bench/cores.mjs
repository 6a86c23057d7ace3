#!/usr/bin/env node
// How this machine's cores scale on termbridge's kind of work (issue 17): the same work run in 1
// process, then in N processes at once (N = the number of cores, or --procs N), for two loads:
// compromise tagging of the English of the 1 MB bench corpus (allocation-heavy, the floor of a
// run), and an arithmetic loop (no memory traffic). Throughput scaling is N × (time alone) /
// (time of the slowest of N together): N on cores that share nothing, about 1 on one core's
// hyperthreads. `--jobs N` of `termbridge run` cannot scale better than the first figure.
// Usage: node bench/cores.mjs [--procs N]
import { spawn } from "node:child_process";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { evalChunks, benchRandom, writeCorpus } from "./corpus-data.mjs";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";

const args = process.argv.slice(2);
if (args[0] === "--child") {
  const [, kind, dir] = args;
  let t;
  if (kind === "tag") {
    const { default: nlp } = await import("compromise");
    const lines = readdirSync(dir).filter((f) => f.endsWith(".en.txt")).sort().flatMap((f) => readFileSync(join(dir, f), "utf8").split("\n").filter(Boolean));
    // A first pass warms the JIT, as in a long run; the second is timed.
    for (const s of lines.slice(0, 500)) nlp(s).json();
    t = performance.now();
    for (const s of lines) nlp(s).json({ offset: true, terms: { normal: true, tags: true, offset: true } });
  } else {
    t = performance.now();
    let x = 0;
    for (let i = 0; i < 3e8; i++) x = (x + i * 7) % 1000003;
    if (x < 0) console.log(x);
  }
  console.log(((performance.now() - t) / 1000).toFixed(3));
  process.exit(0);
}
const procs = Number(args.includes("--procs") ? args[args.indexOf("--procs") + 1] : availableParallelism());
const dir = mkdtempSync(join(tmpdir(), "tb-cores-"));
writeCorpus(dir, 0.5, evalChunks(), benchRandom());
const run = (kind, n) =>
  Promise.all(
    Array.from({ length: n }, () => new Promise((done) => {
      const c = spawn(process.execPath, [import.meta.filename, "--child", kind, dir]);
      let out = "";
      c.stdout.on("data", (d) => (out += d));
      c.on("close", () => done(Number(out.trim())));
    })),
  );
for (const kind of ["tag", "arith"]) {
  const [alone] = await run(kind, 1);
  const together = await run(kind, procs);
  const slowest = Math.max(...together);
  console.log(`${kind === "tag" ? "compromise tagging (0.5 MB)" : "arithmetic loop"}: alone ${alone.toFixed(2)} s, ${procs} at once ${together.map((x) => x.toFixed(2)).join(" / ")} s, throughput ×${((procs * alone) / slowest).toFixed(2)} of ${procs}`);
}
rmSync(dir, { recursive: true, force: true });
