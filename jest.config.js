/** Unit tests: node for the core, functions and Office.js adapters; jsdom for React views. */
const tsJest = ["ts-jest", { tsconfig: "tsconfig.json", isolatedModules: true, diagnostics: false }];
const common = {
  transform: { "^.+\\.tsx?$": tsJest },
  moduleNameMapper: {
    // office-addin-mock only needs this enum; the package root pulls ESM-only modules (TOOLCHAIN.md).
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
};
module.exports = {
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
