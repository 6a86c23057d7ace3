import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

/** LibreOffice, when installed: `soffice` on the PATH or in Debian's place. */
export const SOFFICE = ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"].find((p) => existsSync(p));

/** Why a LibreOffice test is skipped here (printed), or undefined when it runs. */
export const NO_SOFFICE = SOFFICE ? undefined : "LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui";
if (NO_SOFFICE) console.warn(`skipped: ${NO_SOFFICE}`);

/**
 * Converts a file with headless LibreOffice, in a private profile (a running LibreOffice or a
 * parallel test cannot lock it), and returns the converted file's bytes.
 */
export function officeConvert(file: string, to: string): Buffer {
  const profile = mkdtempSync(join(tmpdir(), "termbridge-lo-"));
  const out = mkdtempSync(join(tmpdir(), "termbridge-lo-out-"));
  const r = spawnSync(SOFFICE!, [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", to, "--outdir", out, file], { encoding: "utf8", timeout: 180_000 });
  const target = join(out, basename(file).replace(/\.[^.]+$/, "") + "." + to.split(":")[0]);
  if (r.status !== 0 || !existsSync(target)) throw new Error(`soffice failed (${r.status}): ${r.stdout}${r.stderr}`);
  return readFileSync(target);
}
