// Lint rules that keep the layers honest (see README, Architecture):
// domain code imports neither hono nor node:* (it runs on Workers), routes never touch
// the database adapters, and nothing outside config.ts reads process.env.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', '.wrangler/**', '.data/**', 'src/web/**/*.js', 'evals/reports/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['hono', 'hono/*', '@hono/*'], message: 'Domain code must not depend on the HTTP framework.' },
            { group: ['node:*', 'fs', 'path', 'os', 'crypto', 'net'], message: 'Domain code must run on Workers: no Node built-ins.' },
            { group: ['**/http/**', '**/entry/**'], message: 'Domain code must not import outer layers.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'Take configuration from ctx, not process.env.' }],
    },
  },
  {
    files: ['src/http/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/db/pg-db*', '**/db/embedded-db*', '**/db/migrate*', 'pg', '@electric-sql/*'], message: 'Routes call domain verbs; SQL lives in the domain.' },
            { group: ['node:*'], message: 'The HTTP layer runs on Workers too.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'Use deps.config.' }],
    },
  },
  {
    files: ['test/**/*.ts', 'evals/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
