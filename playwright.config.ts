import { defineConfig, devices } from '@playwright/test';
// @ts-expect-error -- plain ESM helper shared with scripts/e2e.mjs
import { findChromium } from './scripts/browser.mjs';

const port = Number(process.env.E2E_PORT || 3210);
const chromiumInfo = findChromium() as { path?: string } | null;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  // npm test reads the JSON report to print one "N passed, N failed" line.
  reporter: [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT || 'reports/playwright.json' }]],
  timeout: 60_000,
  // On a loaded 2-core CI machine a click that starts real requests can take several seconds.
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // Recording a trace for every test (kept only for failures) cost about a third of an end-to-end run's CPU
    // (lab-revocations on one worker: 46 CPU-s with, 31 without). CI keeps the failure screenshot and
    // error; locally, or with E2E_TRACE=retain-on-failure, a failing test leaves its trace.
    trace: process.env.E2E_TRACE === 'retain-on-failure' || !process.env.CI ? 'retain-on-failure' : 'off',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          executablePath: chromiumInfo?.path,
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        },
      },
    },
  ],
  webServer: {
    // The production build (npm test builds first); a throwaway database per run.
    command: `node_modules/.bin/next start -p ${port} -H 127.0.0.1`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    // Every spec's browser is 127.0.0.1, one client to the server: its per-client lab caps are lifted (as for a room behind one NAT).
    env: {
      DATABASE_PATH: `${process.env.TMPDIR || '/tmp'}/revocation-lab-e2e-${port}-${Date.now()}.db`,
      NEXT_TELEMETRY_DISABLED: '1',
      LABS_PER_CLIENT: '100000',
      LAB_CREATIONS_PER_CLIENT_PER_MINUTE: '100000',
      PASSWORD_HASHES_PER_CLIENT: '100000',
      REQUESTS_IN_FLIGHT_PER_CLIENT: '100000',
    },
  },
});
