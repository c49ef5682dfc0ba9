// ESLint flat config: typescript-eslint + react-hooks, Prettier owns formatting.
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import prettier from "eslint-config-prettier";

const securityRules = {
  // Web security (issue 8): no dynamic code, no raw HTML.
  "no-eval": "error",
  "no-implied-eval": "error",
  "no-new-func": "error",
  "no-restricted-syntax": [
    "error",
    {
      selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
      message: "Không dùng dangerouslySetInnerHTML (nguy cơ chèn mã).",
    },
    {
      selector: "MemberExpression[property.name='innerHTML']",
      message: "Không gán innerHTML (nguy cơ chèn mã).",
    },
  ],
};

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-results/**", "**/*.generated.*"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    // Browser globals must be known for no-eval (window.eval) and no-implied-eval (setTimeout("…")).
    languageOptions: {
      globals: { window: "readonly", self: "readonly", setTimeout: "readonly", setInterval: "readonly" },
    },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...securityRules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["*.js", "*.mjs", "scripts/**/*.js"],
    languageOptions: {
      globals: { require: "readonly", module: "writable", __dirname: "readonly", process: "readonly" },
    },
    rules: { "@typescript-eslint/no-require-imports": "off", ...securityRules },
  },
  {
    // The domain core is pure: no Office, no DOM, no Node, no React.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        ...[
          "window",
          "document",
          "Office",
          "Excel",
          "CustomFunctions",
          "OfficeRuntime",
          "fetch",
          "localStorage",
          "process",
        ].map((name) => ({ name, message: "src/core là lõi thuần: không dùng Office, DOM hay Node." })),
      ],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            "react",
            "react-*",
            "@fluentui/*",
            "office-*",
            "@microsoft/*",
            "fs",
            "node:*",
            "path",
            "exceljs",
          ],
        },
      ],
    },
  },
  prettier,
);
