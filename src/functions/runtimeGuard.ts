/**
 * custom-functions-metadata-plugin appends `CustomFunctions.associate(...)` calls to functions.ts.
 * Outside an Office host (a plain browser, the e2e tests) `CustomFunctions` does not exist and
 * those calls would throw before the task pane starts; this no-op stand-in prevents that.
 * Inside Office, office.js has already defined the real object and this does nothing.
 */
const g = globalThis as { CustomFunctions?: unknown };
if (typeof g.CustomFunctions === "undefined") {
  g.CustomFunctions = { associate: () => undefined };
}
export {};
