import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 20_000,
    // CAT-tool acceptance tests start Java/LibreOffice; keep them from competing for the 2 cores.
    fileParallelism: true,
    pool: "forks",
  },
});
