/** `npm run test:deep`: the node unit suites, with unseeded fast-check properties run FC_TIMES× (test/deep). */
const base = require("./jest.config.js");
const node = base.projects.find((p) => p.displayName === "node");

module.exports = {
  maxWorkers: base.maxWorkers,
  testTimeout: 30 * 60 * 1000,
  projects: [
    {
      ...node,
      displayName: "deep",
      testMatch: [...node.testMatch, "<rootDir>/test/deep/**/*.deep.ts"],
      moduleNameMapper: {
        ...node.moduleNameMapper,
        "^fast-check$": "<rootDir>/test/deep/fastCheckTimes.ts",
        "^fast-check-real$": "<rootDir>/node_modules/fast-check/lib/cjs/fast-check.js",
      },
    },
  ],
};
