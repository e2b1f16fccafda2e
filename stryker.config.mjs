// Mutation testing (issue 15). `npm run mutation` (scripts/mutation.mjs) runs Stryker once per
// group below: the modules that guard access, money and places, each with the tests that are
// meant to catch a broken rule in it. Naming the tests keeps a run to minutes: Vitest's
// "related" search would pull in every test that starts the whole app. Results are kept per
// group in reports/mutation/, so a re-run tests only mutants whose code or tests changed.
// docs/mutation.md lists the scores and the survivors judged equivalent.
export const groups = {
  permissions: {
    mutate: ["src/server/platform/permissions.ts"],
    tests: ["src/server/platform/permissions.test.ts", "src/server/features/accounts/access.test.ts"],
  },
  auth: {
    mutate: ["src/server/platform/auth/index.ts", "src/server/features/accounts/access.ts", "src/server/features/accounts/api-tokens.ts"],
    tests: ["src/server/features/accounts/accounts.test.ts", "src/server/features/accounts/access.test.ts", "src/server/platform/auth/rate-limit.test.ts"],
  },
  outbox: {
    mutate: ["src/server/platform/mail/worker.ts", "src/server/platform/mail/outbox.ts"],
    tests: ["src/server/platform/mail/worker.test.ts", "src/server/platform/mail/outbox.test.ts"],
  },
  "business-days": {
    mutate: ["src/server/features/registration/business-days.ts"],
    tests: ["src/server/features/registration/business-days.test.ts"],
  },
  registration: {
    mutate: [
      "src/server/features/registration/rules.ts",
      "src/server/features/registration/status-link.ts",
      "src/server/features/registration/settings.ts",
      "src/server/features/registration/decide.ts",
      "src/server/features/registration/confirm.ts",
      "src/server/features/registration/ledger.ts",
      "src/server/features/registration/record-payment.ts",
      "src/server/features/registration/request-stipend.ts",
      "src/server/features/registration/offer-stipend.ts",
      "src/server/features/registration/budget.ts",
    ],
    tests: [
      "src/server/features/registration/rules.test.ts",
      "src/server/features/registration/registration.test.ts",
      "src/server/features/registration/capacity.test.ts",
      "src/server/features/registration/settings.test.ts",
      "src/server/features/registration/request-invitation.test.ts",
    ],
  },
  timetable: {
    mutate: ["src/solvers/timetable/cost.ts", "src/solvers/timetable/model.ts"],
    tests: ["src/solvers/timetable/solve.test.ts", "src/solvers/timetable/parse.test.ts"],
  },
  assignment: {
    mutate: ["src/solvers/assignment/core.ts"],
    tests: ["src/solvers/assignment/solve.test.ts"],
  },
};

// scripts/mutation.mjs runs one group at a time (MUTATION_GROUP, and MUTATION_FILES when only
// some of its files are named); plain `npx stryker run` mutates every group against the whole suite.
const group = process.env.MUTATION_GROUP;
const out = (ext) => `reports/mutation/${group ?? "all"}.${ext}`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  // The group's tests come through MUTATION_TESTS, read by vitest.config.ts.
  vitest: { configFile: "vitest.config.ts", related: false },
  plugins: ["@stryker-mutator/vitest-runner"],
  coverageAnalysis: "perTest",
  incremental: true,
  incrementalFile: out("incremental.json"),
  mutate: process.env.MUTATION_FILES?.split(",") ?? (group ? groups[group].mutate : Object.values(groups).flatMap((g) => g.mutate)),
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: out("html") },
  jsonReporter: { fileName: out("json") },
  thresholds: { high: 90, low: 85, break: null },
  // Two cores on the project's machines.
  concurrency: 2,
  timeoutMS: 60_000,
  dryRunTimeoutMinutes: 20,
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
};
