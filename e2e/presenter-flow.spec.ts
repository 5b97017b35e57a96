import fs from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { loginAs, newLab, panel, replay, steal } from './lab-helpers';

/**
 * Presenter mode without dead ends (issue 10.6): everything that matters on
 * one 1280×720 screen, the layout grows at 1920×1080, clicker keys step a
 * scenario, a focused picker keeps its own keys.
 */

const SHOTS = process.env.PRESENTER_SHOTS_DIR || '/tmp/shots-presenter';

async function setPrefs(page: Page, baseURL: string, lang: 'en' | 'ja') {
  await page.context().addCookies([
    { name: 'presenter', value: '1', url: baseURL },
    { name: 'lang', value: lang, url: baseURL },
  ]);
}

async function snap(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

/** The element's box lies wholly inside the viewport (no scrolling needed to see it). */
async function expectInViewport(page: Page, target: Locator, name: string) {
  const viewport = page.viewportSize()!;
  const box = await target.boundingBox();
  expect(box, name).not.toBeNull();
  expect(box!.x, `${name} left edge`).toBeGreaterThanOrEqual(0);
  expect(box!.y, `${name} top edge`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${name} right edge`).toBeLessThanOrEqual(viewport.width);
  expect(box!.y + box!.height, `${name} bottom edge`).toBeLessThanOrEqual(viewport.height);
}

for (const lang of ['en', 'ja'] as const) {
  for (const size of [
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ]) {
    test(`lab page in presenter mode at ${size.width}×${size.height} (${lang}): panels, attacker verdicts and operator buttons without scrolling`, async ({ page, baseURL }) => {
      await page.setViewportSize(size);
      await setPrefs(page, baseURL!, lang);
      await newLab(page);
      await expect(page.locator('html')).toHaveAttribute('data-presenter', '');
      await loginAs(page, 1, 'bob');
      await loginAs(page, 2, 'bob');
      const copy1 = await steal(page, 1, 1);
      const copy2 = await steal(page, 2, 2);
      await panel(page, 1).getByRole('button', { name: /^(Log out|ログアウト)$/ }).click();
      await panel(page, 2).getByRole('button', { name: /^(Log out|ログアウト)$/ }).click();
      await replay(copy1, 'me', /Replay \/me|\/me に再送/);
      await replay(copy2, 'me', /Replay \/me|\/me に再送/);
      await page.evaluate(() => window.scrollTo(0, 0));
      await snap(page, `lab-${size.width}x${size.height}-${lang}`);
      // Each panel: its picker, who is signed in, its buttons and its last answer.
      for (const n of [1, 2] as const) {
        const p = panel(page, n);
        await expectInViewport(page, p.locator('select').first(), `panel ${n} picker`);
        await expectInViewport(page, p.getByTestId('identity'), `panel ${n} identity`);
        await expectInViewport(page, p.getByTestId('last-response'), `panel ${n} last response`);
        await expectInViewport(page, p.getByTestId('steal'), `panel ${n} steal`);
      }
      // The attacker's verdicts.
      for (const copy of [copy1, copy2]) await expectInViewport(page, copy.getByTestId('copy-status'), 'attacker verdict');
      // Every operator button that is shown (the settings editor is folded away).
      const operatorButtons = page.getByTestId('operator-rail').getByRole('button');
      const count = await operatorButtons.count();
      expect(count).toBeGreaterThanOrEqual(8);
      for (let i = 0; i < count; i++) {
        const button = operatorButtons.nth(i);
        if (await button.isVisible()) await expectInViewport(page, button, `operator button ${(await button.innerText()).trim()}`);
      }
      await expectInViewport(page, page.getByTestId('settings-editor').locator('summary'), 'settings');
    });
  }
}
