import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";

export const ROOT = join(__dirname, "../..");
const CLI = join(ROOT, "dist/cli/main.js");

/** Runs the built CLI from the project root, as a user would, with a pinned clock. */
export function cliAsync(args: string[], env: NodeJS.ProcessEnv = {}): import("node:child_process").ChildProcess {
  return spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, SOURCE_DATE_EPOCH: "1767225600", ...env }, stdio: ["ignore", "pipe", "pipe"] });
}

export function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  // Tests never touch the project's own glossary/: a run without an explicit glossary runs without one.
  if (args[0] === "run" && !args.some((a) => a === "--glossary" || a === "--no-glossary")) args = [...args, "--no-glossary"];
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, SOURCE_DATE_EPOCH: "1767225600" } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
