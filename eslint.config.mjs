import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    // Not React: Playwright fixtures receive a callback named `use`, and vitest files call the
    // set-up helpers useTestDatabase() / useAppProcess() at the top level, as vitest hooks go.
    files: ["e2e/**/*.ts", "tests/**/*.ts", "**/*.test.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    ignores: [".next/**", "node_modules/**", "data/**", "lib/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
];
export default config;
