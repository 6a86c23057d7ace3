import { TermbridgeError, type Diagnostic } from "../model/index.js";

/** Exit codes: 0 ok, 1 bad input, 2 bad usage. */
export const EXIT = { ok: 0, input: 1, usage: 2 } as const;

function place(file: string | undefined, line: number | undefined): string {
  if (!file) return "";
  return line !== undefined ? `${file}:${line}: ` : `${file}: `;
}

/** `termbridge: FILE[:LINE]: what is wrong — what to do` */
export function formatError(e: TermbridgeError): string {
  return `termbridge: ${place(e.file, e.line)}${e.message}${e.hint ? ` — ${e.hint}` : ""}`;
}

/** One stderr line for a non-fatal diagnostic. */
export function formatDiagnostic(d: Diagnostic): string {
  return `termbridge: ${d.severity}: ${place(d.file, d.line)}${d.message}${d.hint ? ` — ${d.hint}` : ""}`;
}

export function usageError(message: string, hint: string): TermbridgeError {
  return new TermbridgeError({ code: "bad-usage", message, file: "", hint });
}

export function exitCodeOf(e: TermbridgeError): number {
  return e.code === "bad-usage" ? EXIT.usage : EXIT.input;
}
