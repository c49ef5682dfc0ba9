/**
 * The production task pane with office.js from the npm package (OFFICE_JS=local), built into
 * the directory given as argument, never dist/. Run by ./build.ts in a child process with tsx:
 *
 *   tsx test/e2e/browser/webpackBuild.ts <outDir> [<break>]
 *
 * `<break>` (a key of ./breaks.ts) breaks one view on purpose to see the suite fail.
 */
import { createRequire } from "node:module";
import path from "node:path";
import webpack, { type Configuration, type RuleSetRule } from "webpack";
import { VIEW_BREAKS } from "./breaks";

const ROOT = path.resolve(__dirname, "../../..");
const load = createRequire(__filename);

function main(): void {
  const [out, breakName] = process.argv.slice(2);
  if (!out) throw new Error("usage: webpackBuild.ts <outDir> [<break>]");
  const outDir = path.resolve(out);
  if (outDir === path.join(ROOT, "dist")) throw new Error("the e2e build must not replace dist/");
  process.env.OFFICE_JS = "local";
  const factory = load(path.join(ROOT, "webpack.config.js")) as (
    env: unknown,
    argv: { mode: string },
  ) => Configuration;
  const config = factory({}, { mode: "production" });
  config.context = ROOT;
  config.output = { ...config.output, path: outDir };
  if (breakName) {
    const b = VIEW_BREAKS[breakName];
    if (!b)
      throw new Error(
        `unknown E2E_BREAK_VIEW “${breakName}” (known: ${Object.keys(VIEW_BREAKS).join(", ")})`,
      );
    const rule: RuleSetRule = {
      test: path.join(ROOT, b.file),
      enforce: "pre",
      use: [{ loader: path.join(__dirname, "breakViewLoader.ts"), options: b }],
    };
    config.module = { ...config.module, rules: [...(config.module?.rules ?? []), rule] };
    console.log(`[e2e] building with a broken view: ${b.what}`);
  }
  webpack(config, (err, stats) => {
    if (err || !stats || stats.hasErrors()) {
      console.error(err ?? stats?.toString({ all: false, errors: true, errorDetails: true }));
      process.exit(1);
    }
    console.log(stats.toString({ all: false, assets: true, timings: true }));
  });
}

main();
