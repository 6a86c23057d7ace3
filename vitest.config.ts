import { defineConfig } from "vitest/config";

/*
 * Files that load the engines through the CLI or hold process-wide state (jieba's user
 * dictionary is fixed by its first load in a process, signal handlers, mounts, threads, child
 * processes): each gets a fresh process. The other files are plain unit tests: they share their
 * worker's modules (`isolate: false`), which saves starting and importing about 0.45 s of CPU a
 * file (measured on 11 small files: 11.4 s isolated, 6.7 s shared).
 */
const OWN_PROCESS = [
  "test/cli/**/*.test.ts",
  "test/review/cli.test.ts",
  "test/review/report-html.test.ts",
  "test/terms/userdict.test.ts",
  "test/terms/adapters.test.ts",
  "test/glossary/lock.test.ts",
  "test/glossary/commit.test.ts",
];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    // The first in-process CLI run of a file loads the engines (jieba, compromise, CC-CEDICT) in a beforeAll.
    hookTimeout: 120_000,
    fileParallelism: true,
    // Vitest's default is one worker per core less one: a single worker on the 2-core machines this
    // runs on, so every file waited for the one before. Two forks keep both cores busy; the slow
    // files (CLI processes, Java, LibreOffice) wait on child processes much of the time anyway.
    // Forks, not threads: nodejieba loads its dictionaries per thread and never frees them
    // (measured: RSS up about 240 MB for each tagging thread started and closed in one process).
    maxWorkers: 2,
    pool: "forks",
    projects: [
      { extends: true, test: { name: "cli", include: OWN_PROCESS, isolate: true } },
      { extends: true, test: { name: "unit", include: ["test/**/*.test.ts"], exclude: OWN_PROCESS, isolate: false } },
    ],
  },
});
