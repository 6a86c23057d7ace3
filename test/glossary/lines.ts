import { formatError } from "../../src/cli/errors.js";
import { TermbridgeError } from "../../src/model/index.js";

/** The one stderr line a thrown TermbridgeError becomes ("(no error)" when nothing is thrown). */
export function lineOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof TermbridgeError) return formatError(e);
    throw e;
  }
  return "(no error)";
}
