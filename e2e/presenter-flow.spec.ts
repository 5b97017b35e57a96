import fs from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { loginAs, newLab, panel, replay, steal } from './lab-helpers';
import { pictureForPeople, picturesForPeople } from './for-people';

/**
 * Presenter mode without dead ends (issue 10.6): everything that matters on
 * one 1280×720 screen, the layout grows at 1920×1080, clicker keys step a
 * scenario, a focused picker keeps its own keys.
 */

const SHOTS = process.env.PRESENTER_SHOTS_DIR || '/tmp/shots-presenter';
const step = (page: Page) => page.getByTestId('step');

async function setPrefs(page: Page, baseURL: string, lang: 'en' | 'ja') {
  await page.context().addCookies([
    { name: 'presenter', value: '1', url: baseURL },
    { name: 'lang', value: lang, url: baseURL },
  ]);
}

async function snap(page: Page, name: string) {
  if (!picturesForPeople) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await pictureForPeople(page, `${SHOTS}/${name}.png`);
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
      test.setTimeout(150_000);
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
      const rail = page.getByTestId('operator-rail');
      const railBox = (await rail.boundingBox())!;
      const operatorButtons = rail.getByRole('button');
      const count = await operatorButtons.count();
      expect(count).toBeGreaterThanOrEqual(8);
      for (let i = 0; i < count; i++) {
        const button = operatorButtons.nth(i);
        if (!(await button.isVisible())) continue;
        const name = `operator button ${(await button.innerText()).trim()}`;
        await expectInViewport(page, button, name);
        // Inside the rail's card too ("Clear stolen copies and timeline" stuck out of it at 1280×720).
        const box = (await button.boundingBox())!;
        expect(box.x + box.width, `${name} right edge inside the rail`).toBeLessThanOrEqual(railBox.x + railBox.width);
      }
      await expectInViewport(page, page.getByTestId('settings-editor').locator('summary'), 'settings');
      if (size.width === 1920) {
        // The type grows with the screen and the layout uses its width.
        expect(parseFloat(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize))).toBeGreaterThanOrEqual(21);
        expect((await panel(page, 1).boundingBox())!.width).toBeGreaterThan(420);
      }

      // The guided scenario on the same screen, at its key step.
      await page.getByRole('link', { name: /Guided scenarios|ガイド付きシナリオ/ }).click();
      await page.getByTestId('run-both').click();
      await expect(step(page)).toHaveAttribute('data-step', 'setup', { timeout: 30_000 });
      for (let i = 0; i < 4; i++) await page.keyboard.press('PageDown');
      await expect(step(page)).toHaveAttribute('data-step', 'replay');
      await snap(page, `scenario-${size.width}x${size.height}-${lang}`);
      for (const id of ['next-scenario', 'back-to-lab']) await expectInViewport(page, page.getByTestId(id), id);
    });
  }
}

/**
 * Each side's trace fits its card (no sideways scroll inside it, which hid the last columns at
 * 1280×720), and no path segment is split across two lines ("…/cloc k"): RequestPath draws each
 * segment in its own <span>, so a segment broken by the line has more than one client rect.
 */
async function expectTracesFit(page: Page, label: string) {
  for (const side of ['side-0', 'side-1']) {
    const table = page.getByTestId(side).getByTestId('trace-table');
    if ((await table.count()) === 0) continue;
    const overflow = await table.evaluate((t) => t.scrollWidth - t.parentElement!.clientWidth);
    expect(overflow, `${label}, ${side}: the trace scrolls sideways inside its card`).toBeLessThanOrEqual(0);
    const split = await table.locator('td[data-col="request"] span').evaluateAll((spans) =>
      spans.filter((s) => s.getClientRects().length > 1).map((s) => s.textContent),
    );
    expect(split, `${label}, ${side}: path segments split across lines`).toEqual([]);
  }
}

async function newLabId(page: Page): Promise<string> {
  const res = await page.request.post('/api/labs', { headers: { 'content-type': 'application/json' } });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { labId: string }).labId;
}


test('scenario page in presenter mode: navigation stays visible, PageDown / PageUp / Space step through, the last step leads on', async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await setPrefs(page, baseURL!, 'en');
  const labId = await newLabId(page);
  await page.goto(`/lab/${labId}/scenarios/logout`);
  await expect(page.locator('html')).toHaveAttribute('data-presenter', '');
  for (const id of ['next-scenario', 'back-to-lab']) await expectInViewport(page, page.getByTestId(id), id);
  await expect(page.getByTestId('prev-scenario')).toHaveCount(0); // logout is the first scenario

  // A clicker's first "next" runs both sides.
  await page.keyboard.press('PageDown');
  await expect(step(page)).toHaveAttribute('data-step', 'setup', { timeout: 30_000 });
  await expect(page.getByTestId('run-both')).toBeFocused(); // focus came back to the button, not <body>
  await page.keyboard.press('PageDown');
  await expect(step(page)).toHaveAttribute('data-step', 'steal');
  await page.keyboard.press('PageUp');
  await expect(step(page)).toHaveAttribute('data-step', 'setup');
  await page.keyboard.press('Space');
  await expect(step(page)).toHaveAttribute('data-step', 'steal');
  await page.keyboard.press('ArrowRight');
  await expect(step(page)).toHaveAttribute('data-step', 'check');
  await page.keyboard.press('ArrowLeft');
  await expect(step(page)).toHaveAttribute('data-step', 'steal');
  for (let i = 0; i < 6; i++) {
    await expectTracesFit(page, `step ${await step(page).getAttribute('data-step')}`);
    await page.keyboard.press('PageDown');
  }
  await expect(step(page)).toHaveAttribute('data-step', 'verdict');
  await snap(page, 'scenario-verdict-1280x720-en');
  // No dead end: "next" on the verdict goes to the next scenario, whose navigation leads back.
  await page.keyboard.press('PageDown');
  await expect(page).toHaveURL(new RegExp(`/lab/${labId}/scenarios/stolen-token$`));
  await expectInViewport(page, page.getByTestId('prev-scenario'), 'prev-scenario');
  await expectInViewport(page, page.getByTestId('back-to-lab'), 'back-to-lab');
});

test('a clicker key pressed the moment a run is drawn is not lost', async ({ page }) => {
  test.setTimeout(60_000);
  const labId = await newLabId(page);
  await page.goto(`/lab/${labId}/scenarios/logout`);
  // PageDown sent in the same task that draws the first step: the stepper's key listener must
  // already know the run has ended (it dropped this key while it still saw the run going on).
  const pressedOnDraw = page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const observer = new MutationObserver(() => {
          if (!document.querySelector('[data-testid="step"][data-step="setup"]')) return;
          observer.disconnect();
          window.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageDown' }));
          resolve();
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true });
      }),
  );
  await page.getByTestId('run-both').click();
  await pressedOnDraw;
  await expect(step(page)).toHaveAttribute('data-step', 'steal');
});

test('a focused strategy picker keeps its own keys: → does not step the scenario', async ({ page }) => {
  test.setTimeout(60_000);
  const labId = await newLabId(page);
  await page.goto(`/lab/${labId}/scenarios/logout`);
  await page.getByTestId('run-both').click();
  await expect(step(page)).toHaveAttribute('data-step', 'setup', { timeout: 30_000 });
  await page.getByTestId('pick-1').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('PageDown');
  await expect(step(page)).toHaveAttribute('data-step', 'setup');
  await page.getByTestId('step').click(); // focus leaves the picker: the keys step again
  await page.keyboard.press('ArrowRight');
  await expect(step(page)).toHaveAttribute('data-step', 'steal');
});

test('guided step: the attacker’s 200 is drawn as danger, the refused replay as defended (class and computed colour)', async ({ page }) => {
  test.setTimeout(60_000);
  const labId = await newLabId(page);
  await page.goto(`/lab/${labId}/scenarios/logout`);
  await expect(page.getByTestId('look-legend')).toBeVisible();
  await page.getByTestId('run-both').click();
  await expect(step(page)).toHaveAttribute('data-step', 'setup', { timeout: 30_000 });
  await page.locator('body').click();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(step(page)).toHaveAttribute('data-step', 'replay');
  const jwtAnswer = page.getByTestId('side-0').locator('tr[data-actor="attacker"] [data-status]').first();
  const sessionAnswer = page.getByTestId('side-1').locator('tr[data-actor="attacker"] [data-status]').first();
  await expect(jwtAnswer).toHaveAttribute('data-status', '200');
  await expect(jwtAnswer).toHaveAttribute('data-look', 'danger');
  await expect(jwtAnswer).toHaveClass(/look-danger/);
  await expect(jwtAnswer).toContainText('still works');
  await expect(jwtAnswer).toHaveCSS('color', 'rgb(185, 28, 28)'); // --bad
  await expect(sessionAnswer).toHaveAttribute('data-status', '401');
  await expect(sessionAnswer).toHaveClass(/look-defended/);
  await expect(sessionAnswer).toHaveCSS('color', 'rgb(22, 101, 52)'); // --ok
  // The victim's own 200 is neutral: it says nothing about the attack.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(step(page)).toHaveAttribute('data-step', 'steal');
  await page.keyboard.press('ArrowLeft');
  const victimLogin = page.getByTestId('side-0').locator('tr[data-actor="victim-laptop"] [data-status="200"]').first();
  await expect(victimLogin).toHaveClass(/look-neutral/);
});

test('the scenario page does not scroll sideways at 390 px, traces included', async ({ page }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const labId = await newLabId(page);
  await page.goto(`/lab/${labId}/scenarios/key-rotation`);
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.getByTestId('run-both').click();
  await expect(step(page)).toHaveAttribute('data-step', 'setup', { timeout: 30_000 });
  await page.locator('body').click();
  // The elements sticking out on the right, named, when the check fails.
  const wide = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}.${(el.getAttribute('class') ?? '').split(' ').slice(0, 3).join('.')} ${Math.round(el.getBoundingClientRect().right)}`),
    );
  for (let i = 0; i < 7; i++) {
    expect(await overflow(), `step ${i}: ${(await wide()).join(' | ')}`).toBeLessThanOrEqual(0);
    await page.keyboard.press('ArrowRight');
  }
  await snap(page, 'scenario-390-en');
});

test('no console warnings or errors on any page', async ({ page }) => {
  test.setTimeout(90_000);
  const messages: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') messages.push(`${m.type()} ${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (err) => messages.push(`pageerror ${page.url()}: ${err.message}`));
  const labId = await newLabId(page);
  for (const path of ['/', '/learn', `/lab/${labId}`, `/lab/${labId}/matrix`, `/lab/${labId}/scenarios/logout`]) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  await page.getByTestId('run-both').click();
  await expect(step(page)).toHaveAttribute('data-step', 'setup', { timeout: 30_000 });
  expect(messages).toEqual([]);
});
