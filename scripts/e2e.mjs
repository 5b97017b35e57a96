// Runs the Playwright suite, first making sure a Chromium exists: on an
// ordinary machine without one it installs Playwright's own build.
import { spawnSync } from 'node:child_process';
import { findChromium } from './browser.mjs';

if (!findChromium()) {
  console.log('No Chromium found: installing Playwright\'s own (npx playwright install chromium)…');
  const install = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
  if (install.status !== 0) {
    console.error('Could not install a browser. Install Chromium (e.g. `apt-get install chromium`) or set CHROMIUM_PATH.');
    process.exit(1);
  }
}
const run = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
