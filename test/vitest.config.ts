import { defineConfig } from 'vitest/config';

/**
 * Three kinds of test:
 *  - unit: pure code, no database;
 *  - integration: anything that needs PostgreSQL. These run twice, once on the embedded
 *    PGlite and once on a native server when TEST_DATABASE_URL names one (.ci/run
 *    always sets it, so CI runs both);
 *  - browser: headless Chromium through playwright-core, when BROWSER_TESTS=1 or CI.
 */
const nativeUrl = process.env.TEST_DATABASE_URL;
const browser = process.env.BROWSER_TESTS === '1' || process.env.CI === 'true';

const projects = [
  { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], testTimeout: 20_000 } },
  {
    test: {
      name: 'integration:pglite',
      include: ['test/integration/**/*.test.ts'],
      env: { NESTWISE_TEST_DB: 'pglite' },
      testTimeout: 60_000,
      hookTimeout: 120_000,
    },
  },
  ...(nativeUrl
    ? [
        {
          test: {
            name: 'integration:postgres',
            include: ['test/integration/**/*.test.ts'],
            env: { NESTWISE_TEST_DB: 'postgres', TEST_DATABASE_URL: nativeUrl },
            testTimeout: 60_000,
            hookTimeout: 120_000,
          },
        },
      ]
    : []),
  ...(browser
    ? [{ test: { name: 'browser', include: ['test/browser/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 180_000, fileParallelism: false } }]
    : []),
];

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    projects,
    pool: 'forks',
  },
});
