/*
 * The bad-input and fault matrix: every row is a case a user or an operator meets, the exit code
 * it must end with and the message it must give. Each case runs the CLI in this process (the
 * engines load once for the file), and every case is checked for the same guarantees:
 *   - the exit code of the row (0 done, 1 bad input or a system refusal, 2 bad usage);
 *   - on failure exactly one line on stderr, matching the row; on success the row's line among the others;
 *   - no stack trace, no "internal error";
 *   - nothing lost: a failed run leaves the output folder as it was (the earlier memory.tmx
 *     still there), no temporary file and no glossary lock behind;
 *   - no hang: the test's timeout.
 * A row the machine cannot build (no mount as a non-root user, no mkfifo) is skipped with its
 * reason printed. The rows live in matrix/inputs.ts and matrix/setup.ts, their fixtures in
 * matrix/fixtures.ts.
 */
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./inprocess.js";
import { INPUT_CASES } from "./matrix/inputs.js";
import { SETUP_CASES } from "./matrix/setup.js";
import { unmountAll, writeBigInputs } from "./matrix/fixtures.js";

const CASES = [...INPUT_CASES, ...SETUP_CASES];
afterAll(unmountAll);
writeBigInputs();

/** Every file under a folder, with what it holds, to show that a failed run changed nothing. */
function snapshot(dir: string): Map<string, string> {
  const m = new Map<string, string>();
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return m;
  for (const f of readdirSync(dir, { recursive: true }) as string[]) {
    const st = lstatSync(join(dir, f));
    m.set(f, st.isFile() ? readFileSync(join(dir, f), "utf8") : "<not a file>");
  }
  return m;
}

/** The folders a case writes in: --out and --glossary. */
const written = (args: string[]): string[] => args.flatMap((a, k) => (a === "--out" || a === "--glossary" ? [args[k + 1]!] : []));

describe("the bad-input and fault matrix", { timeout: 60_000 }, () => {
  it("has at least 45 cases", () => expect(CASES.length).toBeGreaterThanOrEqual(45));

  for (const c of CASES) {
    if (c.skip) console.warn(`matrix: "${c.name}" skipped: ${c.skip}`);
    (c.skip ? it.skip : it)(`${c.name} → exit ${c.exit}`, async () => {
      const out = mkdtempSync(join(tmpdir(), "termbridge-matrix-out-"));
      writeFileSync(join(out, "memory.tmx"), "OLD");
      const args = c.args(out);
      const before = snapshot(out);
      const r = await runCli(...args);
      expect(r.status, r.stderr).toBe(c.exit);
      expect(r.stderr).not.toMatch(/\n\s+at |internal error|please report/);
      if (c.exit !== 0) {
        const lines = r.stderr.trimEnd().split("\n");
        // A folder run names each document it left out before the line that stops it.
        const last = lines.filter((l) => !/^termbridge: warning: /.test(l));
        expect(last, r.stderr).toHaveLength(1);
        expect(last[0]).toMatch(c.message);
        if (lines.length > 1) expect(lines.length).toBeGreaterThan(2);
        // Nothing lost: the earlier output is as it was, and nothing was left behind.
        expect(snapshot(out)).toEqual(before);
      } else expect(r.stderr).toMatch(c.message);
      for (const dir of [out, ...written(args)]) {
        const left = [...snapshot(dir).keys()].filter((f) => /\.tmp$|\.glossary\.lock$/.test(f));
        // The live run's lock stays where it was.
        expect(left).toEqual(c.name.includes("held by a live run") && dir !== out ? [".glossary.lock"] : []);
      }
      await c.check?.(out, r, args);
    });
  }
});
