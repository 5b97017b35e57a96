// Which Chromium the end-to-end tests drive: an explicit path from
// CHROMIUM_PATH, else Playwright's own build if installed, else the system
// Chromium (/usr/bin/chromium, as Debian installs it). Shared by
// playwright.config.ts and scripts/e2e.mjs.
import fs from 'node:fs';
import { chromium } from '@playwright/test';

export const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function findChromium() {
  const explicit = process.env.CHROMIUM_PATH;
  if (explicit) return { path: explicit, source: 'CHROMIUM_PATH' };
  let bundled = null;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = null;
  }
  if (bundled && fs.existsSync(bundled)) return { path: undefined, source: 'playwright' };
  const system = SYSTEM_CHROMIUM.find((p) => fs.existsSync(p));
  if (system) return { path: system, source: 'system' };
  return null;
}
