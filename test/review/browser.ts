import { existsSync } from "node:fs";
import puppeteer, { type Browser } from "puppeteer-core";

/** Debian's Chromium (no browser is downloaded: puppeteer-core drives the one installed). */
export const CHROMIUM = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p): p is string => !!p && existsSync(p));

/** Why a browser test is skipped here (printed), or undefined when it runs. */
export const NO_CHROMIUM = CHROMIUM ? undefined : "Chromium is not installed: apt-get install chromium (or set CHROMIUM_PATH)";
if (NO_CHROMIUM) console.warn(`skipped: ${NO_CHROMIUM}`);

/** Starts headless Chromium; the page gets no network (the report must need none). */
export async function launch(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: CHROMIUM!,
    headless: true,
    // The sandbox needs user namespaces, which containers and root often lack.
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check"],
  });
}
