import { expect, test, type Page } from '@playwright/test';
import { loginAs, newLab } from './lab-helpers';

/**
 * The nonce CSP in a real browser: every page hydrates and works (Next puts
 * the nonce on its own scripts), and Chromium reports no CSP violation —
 * neither in the console nor as a `securitypolicyviolation` event.
 */

type Violation = { directive: string; blocked: string; sample: string };

async function watchCsp(page: Page) {
  const consoleErrors: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect|frame)/i.test(msg.text())) consoleErrors.push(msg.text());
  });
  // Registered before any page script runs (Playwright injects init scripts through the DevTools protocol, not the page's CSP).
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: Violation[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample }),
    );
  });
  return async (label: string) => {
    const violations = await page.evaluate(() => (window as unknown as { __csp: Violation[] }).__csp);
    expect(violations, `${label}: CSP violations`).toEqual([]);
    expect(consoleErrors, `${label}: CSP console errors`).toEqual([]);
  };
}

test('every page runs under the nonce CSP with no violation', async ({ page }) => {
  const check = await watchCsp(page);

  const home = await page.goto('/');
  const csp = home!.headers()['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('upgrade-insecure-requests');
  await page.waitForLoadState('networkidle');
  await check('/');

  await page.goto('/learn');
  await page.waitForLoadState('networkidle');
  await check('/learn');

  // The lab page: hydration must work for a login click to do anything.
  const labId = await newLab(page);
  await loginAs(page, 1, 'alice');
  await loginAs(page, 2, 'bob');
  await check(`/lab/${labId}`);

  await page.goto(`/lab/${labId}/matrix`);
  await page.waitForLoadState('networkidle');
  await check(`/lab/${labId}/matrix`);

  await page.goto(`/lab/${labId}/scenarios/logout`);
  await page.waitForLoadState('networkidle');
  await check(`/lab/${labId}/scenarios/logout`);

  const missing = await page.goto('/no-such-page');
  expect(missing!.status()).toBe(404);
  await page.waitForLoadState('networkidle');
  await check('404 page');
});

test('an inline script without the nonce is blocked, and the page cannot be framed', async ({ page }) => {
  await page.goto('/');
  // What an HTML injection would bring: an inline event handler, and a parser-inserted
  // inline script. Neither carries the nonce, so neither may run ('strict-dynamic'
  // trusts only scripts that trusted code creates, never parser-inserted or inline handlers).
  const ran = await page.evaluate(async () => {
    const w = window as unknown as { __injected?: string[] };
    w.__injected = [];
    const holder = document.createElement('div');
    holder.innerHTML = '<img src="/no-such-image.png" onerror="window.__injected.push(\'onerror\')">';
    document.body.appendChild(holder);
    const frame = document.createElement('iframe');
    frame.srcdoc = '<script>parent.__injected.push("srcdoc")</script>';
    document.body.appendChild(frame);
    await new Promise((r) => setTimeout(r, 300));
    return w.__injected;
  });
  expect(ran).toEqual([]);

  // frame-ancestors 'none': a frame of the site stays empty (Chromium shows its error page instead).
  const url = page.url();
  await page.goto('about:blank');
  await page.setContent(`<iframe src="${url}" width="400" height="300"></iframe>`);
  await page.waitForTimeout(1000);
  const child = page.frames().find((f) => f !== page.mainFrame());
  expect(child).toBeDefined();
  const framedText = await child!.evaluate(() => document.body?.innerText ?? '').catch(() => '');
  expect(framedText).not.toContain('Revocation Lab');
});
