import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // A leading underscore marks a value destructured away on purpose.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  globalIgnores([".next/**", ".next-*/**", "node_modules/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "db/migrations/**"]),
  {
    // Only the data-access layer touches the database (house style, habit 2).
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/db", "@/db/*", "**/db/*", "drizzle-orm", "drizzle-orm/*", "better-sqlite3"], message: "Go through lib/dal: only the data-access layer touches the database." },
          ],
        },
      ],
    },
  },
  {
    // The server's and the browser's code (tests and scripts may build what they like).
    files: ["app/**", "components/**", "lib/**", "db/**"],
    rules: {
      // An Intl formatter costs hundreds of microseconds to build: keep them (lib/domain/intl.ts, issue 14).
      "no-restricted-syntax": [
        "error",
        { selector: "NewExpression[callee.object.name='Intl']", message: "Use numberFormat/dateTimeFormat of lib/domain/intl.ts: building an Intl formatter per call is slow." },
        {
          selector: "CallExpression[callee.property.name=/^toLocale(String|DateString|TimeString)$/][arguments.length>1]",
          message: "toLocaleString with options builds a formatter per call: use numberFormat/dateTimeFormat of lib/domain/intl.ts.",
        },
      ],
    },
  },
  {
    files: ["scripts/**/*.mjs", "e2e/**"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
]);
