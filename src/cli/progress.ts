import cliProgress from "cli-progress";

/** What a run reports as it goes. */
export interface Progress {
  /** One more document done, with its sentence count. */
  tick(sentences: number): void;
  /** A line for stderr (a warning) that must not be drawn over by the bar. */
  note(line: string): void;
  stop(): void;
}

/**
 * A progress bar on stderr (documents done/total, sentences a second, ETA), only when stderr is a
 * terminal and not `--quiet`: scripts and logs get the final summary line only.
 */
export function progressBar(total: number, enabled: boolean): Progress {
  if (!enabled || !process.stderr.isTTY || total < 2) return { tick: () => undefined, note: (line) => void process.stderr.write(line + "\n"), stop: () => undefined };
  const start = Date.now();
  let sentences = 0;
  const bar = new cliProgress.SingleBar(
    { format: "termbridge {bar} {value}/{total} documents | {rate} sentences/s | ETA {eta_formatted}", stream: process.stderr, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { rate: 0 });
  return {
    tick(n) {
      sentences += n;
      const secs = Math.max(0.001, (Date.now() - start) / 1000);
      bar.increment(1, { rate: Math.round(sentences / secs) });
    },
    note(line) {
      // Clear the bar's line, write the note, and draw the bar again below it.
      process.stderr.write(`\r\x1b[K${line}\n`);
      bar.render();
    },
    stop: () => bar.stop(),
  };
}
