import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 20_000,
    // The first in-process CLI run of a file loads the engines (jieba, compromise, CC-CEDICT) in a beforeAll.
    hookTimeout: 120_000,
    fileParallelism: true,
    // Vitest's default is one worker per core less one: a single worker on the 2-core machines this
    // runs on, so every file waited for the one before. Two forks keep both cores busy; the slow
    // files (CLI processes, Java, LibreOffice) wait on child processes much of the time anyway.
    maxWorkers: 2,
    pool: "forks",
  },
});
