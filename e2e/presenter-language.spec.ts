import { expect, test } from '@playwright/test';
import { expectVerdict, loginAs, newLab, panel, replay, shot, steal } from './lab-helpers';

test.describe('presenter mode at 1280×720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('P toggles large type and hides secondary UI; the choice survives a reload', async ({ page }) => {
    await newLab(page);
    const intro = page.getByText('Two logins side by side in this browser.');
    await expect(intro).toBeVisible();
    const normalSize = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);

    await page.locator('body').press('p');
    await expect(page.locator('html')).toHaveAttribute('data-presenter', '');
    await expect(intro).toBeHidden();
    await expect(page.getByRole('button', { name: 'Presenter mode: on' })).toHaveAttribute('aria-pressed', 'true');
    const bigSize = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    expect(parseFloat(bigSize)).toBeGreaterThan(parseFloat(normalSize));

    // Both panels and the attacker are on the first screen of a 1280×720 projector.
    for (const id of ['panel-1', 'panel-2', 'attacker-rail']) {
      const box = (await page.getByTestId(id).boundingBox())!;
      expect(box.y).toBeLessThan(720);
      expect(box.x + box.width).toBeLessThanOrEqual(1280);
    }

    await loginAs(page, 1, 'bob');
    await loginAs(page, 2, 'bob');
    await steal(page, 1, 1);
    await steal(page, 2, 2);
    await shot(page, 'lab-presenter');

    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-presenter', '');
    // Typing in a field does not toggle it.
    await panel(page, 1).getByLabel('New password').press('p');
    await expect(page.locator('html')).toHaveAttribute('data-presenter', '');
    await page.getByRole('button', { name: 'Presenter mode: on' }).click();
    await expect(page.locator('html')).not.toHaveAttribute('data-presenter');
  });
});

test('language switch: the whole first flow in Japanese, kept after reload', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: '日本語' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('button', { name: 'ラボを始める' })).toBeVisible();
  await page.reload();
  // Server-rendered in Japanese from the cookie: no English flash.
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ログインは取り消せるか？');
  await shot(page, 'home-ja');

  await page.getByRole('button', { name: 'ラボを始める' }).click();
  await page.waitForURL(/\/lab\//);
  await expect(panel(page, 1).getByTestId('identity')).toHaveText('未ログイン');
  await panel(page, 1).getByTestId('login-bob').click();
  await expect(panel(page, 1).getByTestId('identity')).toContainText('bob');
  await panel(page, 2).getByTestId('login-bob').click();
  await expect(panel(page, 2).getByTestId('identity')).toContainText('bob');
  const jwtCopy = await steal(page, 1, 1);
  const sessionCopy = await steal(page, 2, 2);
  await panel(page, 1).getByRole('button', { name: 'ログアウト', exact: true }).click();
  await panel(page, 2).getByRole('button', { name: 'ログアウト', exact: true }).click();
  await expect(panel(page, 2).getByTestId('identity')).toHaveText('未ログイン');
  await replay(jwtCopy);
  await expectVerdict(jwtCopy, 'works', 200);
  await expect(jwtCopy).toContainText('まだ使える');
  await replay(sessionCopy);
  await expectVerdict(sessionCopy, 'blocked', 401, 'unknown-session');
  await expect(sessionCopy).toContainText('ブロック');
  await expect(sessionCopy).toContainText('サーバーにそのセッションがない');
  await shot(page, 'lab-ja');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(panel(page, 1).getByTestId('identity')).toHaveText('Not signed in');
});
