import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // guards against a hang, not speed limits: CI is a loaded 2-core machine where one test file
    // that spawns CLIs can take minutes (speed is measured by npm run bench, never asserted here)
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // expect.poll waits for a condition (a file written, the review page redrawn); its default of 1 s
    // is a race with a browser or a child process on a loaded machine
    expect: { poll: { timeout: 60_000 } },
    pool: "forks",
  },
});
