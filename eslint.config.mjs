// ESLint with Next's rules (Core Web Vitals, React, hooks, accessibility) and typescript-eslint's.
// Formatting is Prettier's job (npm run lint runs both).
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // A leading underscore names what is deliberately unused (a destructured-away field, an argument).
      "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  // Preloaded with `node --require`: CommonJS on purpose.
  { files: ["**/*.cjs"], rules: { "@typescript-eslint/no-require-imports": "off" } },
  globalIgnores([
    ".next/**",
    "node_modules/**",
    "lib/generated/**",
    "sdk/src/schema.ts",
    "sdk/dist/**",
    "test-results/**",
    "playwright-report/**",
    ".data/**",
    "next-env.d.ts",
  ]),
]);
