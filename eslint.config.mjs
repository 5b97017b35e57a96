import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // `_name` marks a value destructured away on purpose (e.g. dropping a private JWK member).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The store is an interface (lib/db/store.ts): only its SQLite adapter in lib/db holds the
    // connection, and only tests reach the test fixture (lib/db/testing.ts). Scripts measure the
    // adapter itself (bench, durability) and may open the file.
    files: ['**/*.{ts,tsx,mjs}'],
    ignores: ['lib/db/**', 'scripts/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'better-sqlite3', message: 'Only the SQLite adapter (lib/db) opens the database; use the Store interface or lib/db/testing.ts in tests.' }],
          patterns: [
            { group: ['**/db/open', '**/db/sqlite-store', '**/db/statement-count'], message: 'Adapter internals: use the Store interface (lib/db/store.ts) or getStore() (lib/db).' },
          ],
        },
      ],
    },
  },
  globalIgnores(['**/.next/**', '**/.next-*/**', 'out/**', 'build/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**']),
]);
