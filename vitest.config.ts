import { defineConfig } from 'vitest/config';
import path from 'node:path';

const root = path.dirname(new URL(import.meta.url).pathname);
const shared = {
  resolve: {
    alias: {
      '@': root,
      // `server-only` throws outside React's server build; in Node tests it is a no-op.
      'server-only': path.join(root, 'tests/support/empty.ts'),
    },
  },
};

export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts'],
          environment: 'node',
          // A few store tests create real labs (three scrypt hashes each): on a
          // loaded 2-core machine that alone can pass Vitest's 5 s default.
          testTimeout: 20_000,
        },
      },
      {
        ...shared,
        test: {
          name: 'api',
          include: ['tests/api/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/api/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
