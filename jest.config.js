/** Unit tests: node for the core, functions and Office.js adapters; jsdom for React views. */
const tsJest = ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }];
const common = {
  transform: { "^.+\\.tsx?$": tsJest },
  moduleNameMapper: {
    // office-addin-mock only needs this enum; the package root pulls ESM-only modules (../shared/TOOLCHAIN.md).
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
};
module.exports = {
  // Two cores on the CI machines: use both.
  maxWorkers: 2,
  // No test leaks a handle (each worker has none left when told to end, and fires 'exit' within
  // milliseconds), but a worker that ends holding 400–550 MB of heap (the jsdom + Fluent suites)
  // needs 0.8–1.5 s to be torn down on a busy 2-core machine — longer than jest's 500 ms grace, so
  // jest force-killed it and printed "A worker process has failed to exit gracefully". A worker
  // above this heap after a test file is replaced by a fresh one; the last ones end in < 300 ms.
  workerIdleMemoryLimit: "300MB",
  // Fluent's CSS makes jsdom slow when both workers are busy; tests wait on the UI, not on time.
  testTimeout: 30000,
  projects: [
    {
      ...common,
      displayName: "node",
      testEnvironment: "node",
      testMatch: ["<rootDir>/test/**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/"],
    },
    {
      ...common,
      displayName: "dom",
      testEnvironment: "jsdom",
      testMatch: ["<rootDir>/test/**/*.test.tsx"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/"],
      setupFilesAfterEnv: ["<rootDir>/test/setup-dom.ts"],
    },
  ],
};
