import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        // A generous timeout: on a shared 2-core machine a test that takes 1 s alone can take 10 s.
        // Speed is the bench's to measure, never a test's.
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", testTimeout: 60_000 },
      },
      {
        // Builds the site from fixtures and checks the output in dist folders.
        test: {
          name: "build",
          include: ["tests/build/**/*.test.ts"],
          environment: "node",
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        // Real Chromium against the built site served on 127.0.0.1.
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          maxConcurrency: 3,
        },
      },
    ],
  },
});
