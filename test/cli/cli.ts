import { spawnSync } from "node:child_process";
import { join } from "node:path";

export const ROOT = join(__dirname, "../..");
const CLI = join(ROOT, "dist/cli/main.js");

/** Runs the built CLI from the project root, as a user would, with a pinned clock. */
export function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, SOURCE_DATE_EPOCH: "1767225600" } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
