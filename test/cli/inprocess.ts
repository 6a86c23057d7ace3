// The compiled CLI, as users run it (npm test builds first): its threads run compiled files.
import { main } from "../../dist/cli/main.js";

/** What one command wrote and returned. */
export interface Ran {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in this process, as `termbridge ARGS…` would, and returns its exit code and what it
 * wrote. The engines (jieba, compromise, CC-CEDICT) load once per test file instead of once per
 * case. `run` gets `--jobs 1` (one thread: the engines stay loaded between cases) and
 * `--no-glossary` unless the case gives its own: tests never touch the project's glossary/.
 * A run on a glossary folder that already holds a jieba user dictionary cannot run here once
 * jieba is loaded without it (nodejieba takes one user dictionary per process): give such a run
 * its own process (`cli` in cli.ts).
 */
export async function runCli(...args: string[]): Promise<Ran> {
  if (args[0] === "run") {
    if (!args.some((a) => a === "--glossary" || a === "--no-glossary")) args = [...args, "--no-glossary"];
    if (!args.includes("--jobs")) args = [...args, "--jobs", "1"];
  }
  process.env.SOURCE_DATE_EPOCH = "1767225600";
  let stdout = "";
  let stderr = "";
  const status = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { status, stdout, stderr };
}
