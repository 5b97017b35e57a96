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
          // Vitest's default is one worker less than the cores: on a 2-core machine, one file at a time.
          // Unit files are CPU-bound, so one per core. (Its own group: projects with different
          // maxWorkers run one after the other.)
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
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
          // API files mostly wait for the server (a separate process) and for each other's requests:
          // by default they ran one at a time, 18 files in a row. Each file makes its own labs, so
          // they may run side by side; the few that measure time compare samples taken together.
          // Two at once (a client per core beside the server): on a heavily loaded 2-core machine
          // three and four made single requests take seconds and long files time out.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
          globalSetup: ['tests/api/global-setup.ts'],
          // Side by side, a test waits longer for its turn on the server: a timeout is a hang
          // detector, not a speed goal (those live in `npm run bench`).
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
