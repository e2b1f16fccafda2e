import { defineConfig } from "vitest/config";

// One PGlite instance per worker is shared by every test file that worker runs
// (src/server/test-support/db.ts); each file still gets its own schema, so files
// never see each other's rows. `isolate: false` is what lets that instance survive
// between files: a fresh PGlite costs about 1.3 s.
export default defineConfig({
  test: {
    // A mutation run (scripts/mutation.mjs) names the tests meant to catch its mutants.
    include: process.env.MUTATION_TESTS?.split(",") ?? ["src/**/*.test.ts", "src/**/*.test.tsx", "bench/**/*.test.ts"],
    pool: "forks",
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
