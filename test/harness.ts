import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

/** The CAT-tool acceptance scripts shipped beside the project (../shared/harness). */
export const HARNESS = join(__dirname, "../../shared/harness");

export interface HarnessResult {
  status: number | null;
  last: string;
  out: string;
}

const PY = process.env.HARNESS_PYTHON ?? "/usr/bin/python3";
const ok = (cmd: string, ...args: string[]): boolean => spawnSync(cmd, args, { stdio: "ignore" }).status === 0;
const onPath = (tool: string): boolean => ok("sh", "-c", `command -v ${tool}`);
const omegatJar = (): boolean => existsSync(process.env.OMEGAT_JAR ?? "/usr/share/omegat/OmegaT.jar") || ok("sh", "-c", "dpkg -L omegat 2>/dev/null | grep -q '/OmegaT\\.jar$'");
const pyModule = (m: string) => (): boolean => ok(PY, "-c", `import ${m}`);

/** What each script needs (the `need` lines of the scripts), with the Debian package that brings it. */
const NEEDS: Record<string, Array<[string, () => boolean]>> = {
  "check-tmx.sh": [["xmllint (libxml2-utils)", () => onPath("xmllint")], ["python3-lxml", pyModule("lxml.etree")], ["translate-toolkit", pyModule("translate.storage.tmx")], ["java (default-jre-headless)", () => onPath("java")], ["omegat", omegatJar]],
  "check-glossary.sh": [["java (default-jre-headless)", () => onPath("java")], ["javac (default-jdk-headless)", () => onPath("javac")], ["omegat", omegatJar], ["python3-lxml", pyModule("lxml.etree")], ["xmllint (libxml2-utils)", () => onPath("xmllint")]],
  "check-csv.sh": [["python3", () => existsSync(PY)], ["soffice (libreoffice-calc-nogui)", () => onPath("soffice")]],
};
const missing = new Map<string, string | undefined>();

/**
 * Why an acceptance script cannot run here (its folder or a tool it needs is missing), or
 * undefined when it can: for `it.skipIf(missingTools(…))`, which reports the test as skipped and
 * prints the reason. Under CI (`CI` set) nothing is ever missing: the tools are installed there,
 * and a test that cannot run must fail, not be skipped.
 */
export function missingTools(script: string): string | undefined {
  if (process.env.CI) return undefined;
  if (!missing.has(script)) {
    let why: string | undefined;
    if (!existsSync(join(HARNESS, script))) why = `harness script ${script} not found at ${HARNESS}`;
    else {
      const lacking = (NEEDS[script] ?? []).filter(([, has]) => !has()).map(([name]) => name);
      if (lacking.length) why = `${script} needs ${lacking.join(", ")}: not installed (see ${HARNESS}/README.md)`;
    }
    if (why) console.warn(`acceptance check skipped: ${why}`);
    missing.set(script, why);
  }
  return missing.get(script);
}

/**
 * Runs a harness script. A test calls it only where `missingTools` said the script can run, so
 * a `SKIP:` line here is a failure: a check that did not run never counts as passed.
 */
export function harness(script: string, ...args: string[]): HarnessResult {
  if (!existsSync(join(HARNESS, script))) throw new Error(`harness script ${script} not found at ${HARNESS}`);
  const r = spawnSync(join(HARNESS, script), args, { encoding: "utf8", timeout: 600_000, env: { ...process.env, HARNESS_ALLOW_SKIP: "0" } });
  const out = `${r.stdout ?? ""}${r.stderr ?? ""}`;
  const lines = (r.stdout ?? "").trimEnd().split("\n");
  const last = lines[lines.length - 1] ?? "";
  if (last.startsWith("SKIP:")) throw new Error(`acceptance check did not run: ${last} (guard the test with it.skipIf(missingTools("${script}")))`);
  return { status: r.status, last, out };
}
