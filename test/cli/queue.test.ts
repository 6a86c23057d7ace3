import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, cliAsync, ROOT } from "./cli.js";

const REDIS = "/usr/bin/redis-server";
const NO_REDIS = spawnSync(REDIS, ["--version"], { stdio: "ignore" }).status !== 0;
if (NO_REDIS) console.warn("queue tests skipped: redis-server is not installed (Debian package redis-server)");

/** A free loopback port (asked of the system, then released for redis-server). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Waits for a line matching `re` on a process's stderr. */
function waitFor(p: ChildProcess, re: RegExp, seen: { text: string }): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (re.test(seen.text)) resolve();
    };
    p.stderr!.on("data", check);
    check();
  });
}

/** The files a run writes that must not differ (report.json holds timings and paths). */
const FILES = ["memory.tmx", "terms.csv", "glossary.tbx", "glossary.utf8"];

/** Several documents as name.en.txt/name.zh.txt pairs: the example's checked sentences in pieces, and the shared sample's parts. */
function corpus(): string {
  const dir = mkdtempSync(join(tmpdir(), "tb-queue-docs-"));
  const key = JSON.parse(readFileSync(join(ROOT, "test/golden/ministry-briefing.sentences.json"), "utf8")) as { en: string[]; zh: string[] };
  const cuts = [0, 4, 9, 15, 22, 26, 31, key.en.length];
  for (let k = 0; k + 1 < cuts.length; k++) {
    writeFileSync(join(dir, `piece${k}.en.txt`), key.en.slice(cuts[k], cuts[k + 1]).join("\n") + "\n");
    writeFileSync(join(dir, `piece${k}.zh.txt`), key.zh.slice(cuts[k], cuts[k + 1]).join("\n") + "\n");
  }
  // One long document: the whole text again, under its own name.
  writeFileSync(join(dir, `whole.en.txt`), key.en.join("\n") + "\n");
  writeFileSync(join(dir, `whole.zh.txt`), key.zh.join("\n") + "\n");
  return dir;
}

describe.skipIf(NO_REDIS)("run --queue with workers in separate processes", { timeout: 900_000 }, () => {
  let redis: ChildProcess;
  let url: string;
  let docs: string;
  const ref = mkdtempSync(join(tmpdir(), "tb-queue-ref-"));
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), "tb-redis-"));
    redis = spawn(REDIS, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir], { stdio: "ignore" });
    url = `redis://127.0.0.1:${port}`;
    for (let k = 0; k < 100 && spawnSync("redis-cli", ["-p", String(port), "ping"], { encoding: "utf8" }).stdout?.trim() !== "PONG"; k++) await new Promise((r) => setTimeout(r, 100));
    docs = corpus();
    const r = cli("run", docs, "--presplit", "--no-glossary", "--jobs", "1", "--out", ref, "--quiet");
    expect(r.status, r.stderr).toBe(0);
  }, 600_000);

  afterAll(() => {
    for (const w of workers) w.kill("SIGKILL");
    redis?.kill("SIGKILL");
  });

  it("two workers, one killed while it holds a document: the files are byte-identical to a one-process run", async () => {
    // A short lock, so that the killed worker's document goes to the other one within seconds.
    const start = () => {
      const w = cliAsync(["worker", "--queue", url, "--lock-seconds", "2"]);
      const seen = { text: "" };
      w.stderr!.on("data", (d: Buffer) => (seen.text += d.toString()));
      workers.push(w);
      return { w, seen };
    };
    const a = start();
    const b = start();
    await Promise.all([waitFor(a.w, /waiting for documents/, a.seen), waitFor(b.w, /waiting for documents/, b.seen)]);
    const out = mkdtempSync(join(tmpdir(), "tb-queue-out-"));
    const run = cliAsync(["run", docs, "--presplit", "--no-glossary", "--queue", url, "--out", out]);
    const runSeen = { text: "" };
    run.stderr!.on("data", (d: Buffer) => (runSeen.text += d.toString()));
    const ended = new Promise<number | null>((r) => run.on("exit", r));
    // The first document a worker finishes: it has already taken its next one when it says so.
    await Promise.race([waitFor(a.w, /: done/, a.seen), waitFor(b.w, /: done/, b.seen)]);
    const victim = /: done/.test(a.seen.text) ? a : b;
    const survivor = victim === a ? b : a;
    victim.w.kill("SIGKILL");
    expect(await ended, runSeen.text).toBe(0);
    expect(runSeen.text).toMatch(/8 document\(s\) queued on redis:\/\/127\.0\.0\.1:\d+ as run [0-9a-f]{16}/);
    expect(runSeen.text).toMatch(/termbridge: 8 document\(s\), /);
    // Every document was done by one of the two, the killed worker's last one by the survivor.
    const doneBy = (s: { text: string }) => [...s.text.matchAll(/: (.*): done/g)].map((m) => m[1]);
    expect(doneBy(survivor.seen).length).toBeGreaterThan(0);
    expect(new Set([...doneBy(a.seen), ...doneBy(b.seen)]).size).toBe(8);
    for (const f of FILES) expect(readFileSync(join(out, f), "utf8"), f).toBe(readFileSync(join(ref, f), "utf8"));
  });

  it("the documents' bytes in the jobs (--queue-send-files): workers that cannot see the files give the same files", async () => {
    // The run reads relative names in a folder of its own; the workers run elsewhere.
    const copy = mkdtempSync(join(tmpdir(), "tb-queue-copy-"));
    mkdirSync(join(copy, "docs"));
    for (const f of readdirSync(docs)) writeFileSync(join(copy, "docs", f), readFileSync(join(docs, f)));
    const out = mkdtempSync(join(tmpdir(), "tb-queue-out-"));
    const run = spawn(process.execPath, [join(ROOT, "dist/cli/main.js"), "run", "docs", "--presplit", "--no-glossary", "--queue", url, "--queue-send-files", "--out", out, "--quiet"], { cwd: copy, env: { ...process.env, SOURCE_DATE_EPOCH: "1767225600" }, stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    run.stderr!.on("data", (d: Buffer) => (err += d.toString()));
    const status = await new Promise<number | null>((r) => run.on("exit", r));
    expect(status, err).toBe(0);
    // Only the names differ: relative here, absolute in the reference.
    for (const f of ["terms.csv", "memory.tmx"]) expect(readFileSync(join(out, f), "utf8").replaceAll("docs/", ""), f).toBe(readFileSync(join(ref, f), "utf8").replaceAll(docs + "/", ""));
  });
});

describe("run --queue and worker when Redis cannot be reached", () => {
  it("say so on one line and exit 1, before anything is written", async () => {
    const port = await freePort();
    const out = join(mkdtempSync(join(tmpdir(), "tb-queue-none-")), "out");
    const r = cli("run", join(ROOT, "examples/ministry-briefing.md"), "--queue", `redis://127.0.0.1:${port}`, "--out", out);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`termbridge: cannot reach Redis at redis://127.0.0.1:${port} (ECONNREFUSED) — start it (redis-server --port PORT) or correct --queue redis://HOST:PORT\n`);
    expect(existsSync(out)).toBe(false);
    const w = cli("worker", "--queue", `redis://127.0.0.1:${port}`);
    expect(w.status).toBe(1);
    expect(w.stderr).toMatch(/^termbridge: cannot reach Redis at .* \(ECONNREFUSED\) — start it/);
    const bad = cli("worker", "--queue", "http://localhost:6379");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe("termbridge: --queue http://localhost:6379 is not a redis:// URL — give the Redis server as redis://HOST:PORT (rediss:// for TLS)\n");
  }, 120_000);
});
