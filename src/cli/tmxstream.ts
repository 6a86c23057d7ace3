import { isUtf8 } from "node:buffer";
import { closeSync, openSync, readSync } from "node:fs";
import { encodingFromHead } from "../ingest/encoding.js";
import { TermbridgeError, type Encoding } from "../model/index.js";
import type { StreamedTmx } from "../pipeline.js";
import { readError } from "./errors.js";

function open(path: string): number {
  try {
    return openSync(path, "r");
  } catch (e) {
    throw readError(e, path);
  }
}

/**
 * A strict UTF-8 decoder for blocks, several times faster than a fatal `TextDecoder`: each
 * block is cut after its last whole character, checked with `isUtf8` and decoded; the cut
 * bytes wait for the next block.
 */
class Utf8Chunks {
  private rest: Buffer = Buffer.alloc(0);

  decode(block?: Uint8Array, _opts?: { stream: boolean }): string {
    if (block === undefined) {
      if (this.rest.length > 0) throw new Error("truncated UTF-8 sequence");
      return "";
    }
    const bytes = this.rest.length ? Buffer.concat([this.rest, block]) : Buffer.from(block.buffer, block.byteOffset, block.byteLength);
    // Back over continuation bytes to the start of the last character; keep it if incomplete.
    let end = bytes.length;
    let k = end - 1;
    while (k >= 0 && end - k <= 4 && (bytes[k]! & 0xc0) === 0x80) k--;
    if (k >= 0) {
      const b = bytes[k]!;
      const need = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
      if (end - k < need) end = k;
    }
    const whole = bytes.subarray(0, end);
    this.rest = Buffer.from(bytes.subarray(end));
    if (!isUtf8(whole)) throw new Error("invalid UTF-8");
    return whole.toString("utf8");
  }
}

/** Bytes read at a time: the reader holds one block, its decoded text and what it keeps. */
const BLOCK = 1 << 20;

/**
 * A TMX file read a block at a time and decoded as it goes (`readTmxChunks`), so that a
 * memory of hundreds of megabytes is never held whole. The encoding comes from the first
 * bytes (BOMs, UTF-16 by its NUL bytes), else UTF-8, or `--encoding`.
 */
export function streamTmx(path: string, forced?: Encoding): StreamedTmx {
  const fd = open(path);
  let encoding: Encoding;
  let decoderName: string;
  let bom: number;
  try {
    const head = Buffer.alloc(4096);
    const n = readSync(fd, head, 0, head.length, 0);
    if (n === 0) throw new TermbridgeError({ code: "empty", message: "the file is empty", file: path, hint: "pass a file with text in it" });
    ({ encoding, bom, decoder: decoderName } = encodingFromHead(head.subarray(0, n), forced));
  } finally {
    closeSync(fd);
  }
  function* chunks(): Generator<string> {
    const fd = open(path);
    const decoder = decoderName === "utf-8" ? new Utf8Chunks() : new TextDecoder(decoderName, { fatal: true, ignoreBOM: true });
    const buf = Buffer.alloc(BLOCK);
    let pos = bom;
    try {
      for (;;) {
        const n = readSync(fd, buf, 0, BLOCK, pos);
        if (n === 0) break;
        pos += n;
        yield decode(() => decoder.decode(buf.subarray(0, n), { stream: true }), pos - n);
      }
      yield decode(() => decoder.decode(), pos);
    } finally {
      closeSync(fd);
    }
  }
  const decode = (step: () => string, at: number): string => {
    try {
      return step();
    } catch {
      throw new TermbridgeError({
        code: "bad-encoding",
        message: `the TMX does not decode as ${encoding} (near byte ${at.toLocaleString("en-US")})`,
        file: path,
        hint: "export it again as UTF-8, or name its encoding with --encoding",
      });
    }
  };
  return { id: path, path, encoding, chunks };
}
