/**
 * The clock the CLI injects: `SOURCE_DATE_EPOCH` (seconds, the reproducible-builds
 * convention) pins it so that two runs give byte-identical files.
 */
export function cliClock(): () => Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) {
    const fixed = new Date(Number(epoch) * 1000);
    return () => fixed;
  }
  return () => new Date();
}
