/**
 * One shared runtime: taskpane.html hosts the task pane (React) and the custom functions.
 *
 *   npm run build         production: minified, manifest URLs rewritten to ADDIN_ORIGIN
 *   npm run build:dev     development build
 *   npm start             https dev server on https://localhost:3000 (scripts/start.ts)
 *
 * Environment:
 *   ADDIN_ORIGIN   deployment origin for the production manifest (default https://localhost:3000)
 *   OFFICE_JS      "cdn" (default) loads office.js from Microsoft's CDN, as Office requires for
 *                  store submissions; "local" serves it from the @microsoft/office-js package so
 *                  the page loads in a browser with no internet (tests use this).
 */
const path = require("path");
const fs = require("fs");
const os = require("os");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { LocalizeFunctionsPlugin } = require("./scripts/webpack/localize-functions-plugin");

const DEV_ORIGIN = "https://localhost:3000";
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

function deploymentOrigin(mode) {
  const origin = (process.env.ADDIN_ORIGIN || DEV_ORIGIN).replace(/\/+$/, "");
  if (!/^https:\/\/[^\s/]+(\/[^\s]*)?$/.test(origin)) {
    throw new Error(`ADDIN_ORIGIN phải là một địa chỉ https (must be an https origin): ${origin}`);
  }
  if (mode === "production" && origin === DEV_ORIGIN) {
    console.warn("[cchc] ADDIN_ORIGIN is not set: the production manifest keeps https://localhost:3000.");
  }
  return origin;
}

function devHttpsOptions() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const cert = path.join(dir, "localhost.crt");
  const key = path.join(dir, "localhost.key");
  const ca = path.join(dir, "ca.crt");
  if (!fs.existsSync(cert) || !fs.existsSync(key)) return undefined;
  return {
    cert: fs.readFileSync(cert),
    key: fs.readFileSync(key),
    ca: fs.existsSync(ca) ? fs.readFileSync(ca) : undefined,
  };
}

module.exports = (_env, argv) => {
  const mode = argv.mode || "production";
  const dev = mode === "development";
  const origin = dev ? DEV_ORIGIN : deploymentOrigin(mode);
  const officeJs = process.env.OFFICE_JS === "local" ? "local" : "cdn";
  const https = devHttpsOptions();

  return {
    mode,
    // No eval-based source maps: the page's CSP has no 'unsafe-eval'.
    devtool: dev ? "cheap-module-source-map" : "source-map",
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "chunks/[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new LocalizeFunctionsPlugin({ input: "functions.json", output: "functions.en-US.json" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        officeJsUrl: officeJs === "local" ? "office-js/office.js" : OFFICE_CDN,
        officeJsOrigin: officeJs === "local" ? "" : "https://appsforoffice.microsoft.com",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "src/core/catalogue/cchc-catalogue-1.schema.json",
            to: "schemas/[name][ext]",
            noErrorOnMissing: true,
          },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => content.toString().split(DEV_ORIGIN).join(origin),
          },
          ...(officeJs === "local"
            ? [
                // Only what office.js needs to start outside an Office host (no 86 MB copy).
                {
                  from: "node_modules/@microsoft/office-js/dist/office.js",
                  to: "office-js/office.js",
                  info: { minimized: true },
                },
                {
                  // office.js loads it to find the host's files (outside Office too).
                  from: "node_modules/@microsoft/office-js/dist/o15apptofilemappingtable.js",
                  to: "office-js/o15apptofilemappingtable.js",
                  info: { minimized: true },
                },
                {
                  from: "node_modules/@microsoft/office-js/dist/en-us/office_strings.js",
                  to: "office-js/en-us/office_strings.js",
                  info: { minimized: true },
                },
              ]
            : []),
        ],
      }),
    ],
    devServer: {
      port: 3000,
      hot: false,
      static: { directory: path.resolve(__dirname, "dist"), watch: false },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: https ? { type: "https", options: https } : "https",
      client: { overlay: false },
    },
  };
};
