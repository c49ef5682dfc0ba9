/** End-to-end suites against real engines (LibreOffice, Chromium). Needs `npm run build` first. */
module.exports = {
  displayName: "e2e",
  testEnvironment: "node",
  testMatch: ["<rootDir>/test/e2e/**/*.e2e.ts"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }],
  },
  testTimeout: 300000,
};
