import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

/** The CAT-tool acceptance scripts shipped beside the project (../shared/harness). */
export const HARNESS = join(__dirname, "../../shared/harness");

export interface HarnessResult {
  status: number | null;
  last: string;
  out: string;
  skipped: string | undefined;
}

/**
 * Runs a harness script. Locally, missing tools make it print `SKIP:` and the caller
 * skips with that reason; under CI (`CI` set) a missing tool is a failure.
 */
export function harness(script: string, ...args: string[]): HarnessResult {
  if (!existsSync(join(HARNESS, script))) {
    if (process.env.CI) throw new Error(`harness script ${script} not found at ${HARNESS}`);
    return { status: 0, last: "", out: "", skipped: `harness not found at ${HARNESS}` };
  }
  const r = spawnSync(join(HARNESS, script), args, {
    encoding: "utf8",
    timeout: 600_000,
    env: { ...process.env, HARNESS_ALLOW_SKIP: process.env.CI ? "0" : "1" },
  });
  const out = `${r.stdout ?? ""}${r.stderr ?? ""}`;
  const lines = (r.stdout ?? "").trimEnd().split("\n");
  const last = lines[lines.length - 1] ?? "";
  const skipped = last.startsWith("SKIP:") ? last : undefined;
  if (skipped) console.warn(`acceptance check skipped: ${skipped}`);
  return { status: r.status, last, out, skipped };
}
