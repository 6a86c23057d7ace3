#!/usr/bin/env node
// The distributed run beside the folder run, on this machine. Builds a folder from the eval sets
// (read in place): every aligned file of them as one document (name.en.txt/name.zh.txt, one sentence
// a line), so one long document and several short ones; --repeat N copies the set N times under
// other names. Starts redis-server on a free loopback port, then times, each in a child process:
//   folder  = termbridge run DIR --presplit --no-glossary --jobs 1, and --jobs 2;
//   queue K = K `termbridge worker` processes (started and ready first), then
//             termbridge run DIR --presplit --no-glossary --queue redis://…, for K = 1, 2, 4.
// For each: wall time, the run process's CPU time (user + system, from /usr/bin/time), and for the
// queue the merge's own time (decoding and adding every partial, as the run reports it). Every
// run's terms.csv and memory.tmx are compared byte for byte with the --jobs 1 run's.
// Options: --workers 1,2,4  --repeat 1  --keep (leave the folder).
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { createServer } from "node:net";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const workerCounts = opt("--workers", "1,2,4").split(",").map(Number).filter((n) => n > 0);
const repeat = Number(opt("--repeat", "1"));
const root = join(import.meta.dirname, "../../shared/eval/align");
const CLI = join(import.meta.dirname, "../dist/cli/main.js");
const REDIS = "/usr/bin/redis-server";
const TIME = "/usr/bin/time";
if (!existsSync(REDIS)) {
  console.log("bench/queue.mjs: skipped, redis-server is not installed (Debian package redis-server)");
  process.exit(0);
}

const lines = (p) => readFileSync(p, "utf8").split("\n").filter((l) => l.trim() !== "");
const dir = mkdtempSync(join(tmpdir(), "termbridge-bench-queue-"));
let docs = 0;
let bytes = 0;
for (let r = 0; r < repeat; r++)
  for (const set of readdirSync(root).sort())
    for (const f of readdirSync(join(root, set)).filter((x) => x.endsWith(".en")).sort()) {
      const en = lines(join(root, set, f)).join("\n") + "\n";
      const zh = lines(join(root, set, f.replace(/\.en$/, ".zh"))).join("\n") + "\n";
      const name = `${set}-${f.replace(/\.en$/, "")}-${r}`;
      writeFileSync(join(dir, `${name}.en.txt`), en);
      writeFileSync(join(dir, `${name}.zh.txt`), zh);
      docs++;
      bytes += Buffer.byteLength(en) + Buffer.byteLength(zh);
    }

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

const env = { ...process.env, SOURCE_DATE_EPOCH: "1767225600" };

/** Runs the CLI under /usr/bin/time: wall, CPU of the process (its threads included), stderr. */
function timed(cliArgs) {
  const t0 = performance.now();
  const r = spawnSync(TIME, ["-f", "TIME %e %U %S", process.execPath, CLI, ...cliArgs], { env, encoding: "utf8", maxBuffer: 1 << 26 });
  const wall = (performance.now() - t0) / 1000;
  const m = /TIME ([\d.]+) ([\d.]+) ([\d.]+)/.exec(r.stderr);
  if (r.status !== 0) throw new Error(`termbridge ${cliArgs.join(" ")} failed: ${r.stderr}`);
  return { wall, cpu: m ? Number(m[2]) + Number(m[3]) : NaN, stderr: r.stderr };
}

const same = (a, b) => ["terms.csv", "memory.tmx"].every((f) => readFileSync(join(a, f)).equals(readFileSync(join(b, f))));

const port = await freePort();
const redisDir = mkdtempSync(join(tmpdir(), "termbridge-bench-redis-"));
const redis = spawn(REDIS, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", redisDir], { stdio: "ignore" });
const url = `redis://127.0.0.1:${port}`;
await new Promise((r) => setTimeout(r, 300));

const rows = [];
const base = { "--jobs 1": mkdtempSync(join(tmpdir(), "tb-bq-")), "--jobs 2": mkdtempSync(join(tmpdir(), "tb-bq-")) };
try {
  console.log(`bench/queue.mjs: ${docs} documents, ${(bytes / 1e6).toFixed(2)} MB, load average before ${loadavg().map((x) => x.toFixed(1)).join(" ")}`);
  for (const [label, out] of Object.entries(base)) {
    const r = timed(["run", dir, "--presplit", "--no-glossary", "--quiet", label.split(" ")[0], label.split(" ")[1], "--out", out]);
    rows.push({ run: `folder ${label}`, wall: r.wall, cpu: r.cpu, merge: "", same: same(out, base["--jobs 1"]) });
  }
  for (const k of workerCounts) {
    const workers = [];
    const ready = [];
    for (let i = 0; i < k; i++) {
      const w = spawn(process.execPath, [CLI, "worker", "--queue", url], { env, stdio: ["ignore", "ignore", "pipe"] });
      let text = "";
      ready.push(new Promise((res) => w.stderr.on("data", (d) => ((text += d), /waiting for documents/.test(text) && res()))));
      workers.push(w);
    }
    await Promise.all(ready);
    const out = mkdtempSync(join(tmpdir(), "tb-bq-"));
    const r = timed(["run", dir, "--presplit", "--no-glossary", "--queue", url, "--out", out]);
    const merge = /merged in ([\d.]+) s \(([\d.]+) s of CPU\)/.exec(r.stderr);
    rows.push({ run: `queue, ${k} worker(s)`, wall: r.wall, cpu: r.cpu, merge: merge ? `${merge[1]} s (${merge[2]} s CPU)` : "?", same: same(out, base["--jobs 1"]) });
    for (const w of workers) w.kill("SIGTERM");
    await Promise.all(workers.map((w) => new Promise((res) => (w.exitCode !== null ? res() : w.on("exit", res)))));
    rmSync(out, { recursive: true, force: true });
  }
} finally {
  redis.kill("SIGTERM");
  if (!args.includes("--keep")) rmSync(dir, { recursive: true, force: true });
}
console.log("| run | wall | CPU of the run process | merge | files identical to --jobs 1 |");
console.log("|---|---|---|---|---|");
for (const r of rows) console.log(`| ${r.run} | ${r.wall.toFixed(1)} s | ${r.cpu.toFixed(1)} s | ${r.merge} | ${r.same ? "yes" : "NO"} |`);
const j1 = rows.find((r) => r.run === "folder --jobs 1");
const j2 = rows.find((r) => r.run === "folder --jobs 2");
console.log(`--jobs 2 against --jobs 1: ${(j1.wall / j2.wall).toFixed(2)}× (wall); load average after ${loadavg().map((x) => x.toFixed(1)).join(" ")}`);
if (rows.some((r) => !r.same)) process.exitCode = 1;
