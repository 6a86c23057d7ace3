import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Ran } from "../inprocess.js";

/** One row of the matrix: what a user or an operator meets, the exit code and the message it must give. */
export interface Case {
  /** What the case is, as the test is named. */
  name: string;
  /** Builds what the case needs and gives the arguments; `out` is a fresh output folder holding an earlier memory.tmx. */
  args: (out: string) => string[];
  exit: 0 | 1 | 2;
  /** The one stderr line of a failure, or a line that a successful run's stderr must hold. */
  message: RegExp;
  /** More checks of what the run left. */
  check?: (out: string, r: Ran, args: string[]) => void | Promise<void>;
  /** Skipped with this reason when the machine cannot build the case. */
  skip?: string | undefined;
}

export const run = (...a: string[]) => (out: string) => ["run", ...a, "--out", out];
export const report = (out: string) => JSON.parse(readFileSync(join(out, "report.json"), "utf8"));
