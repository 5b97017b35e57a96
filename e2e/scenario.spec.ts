import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { pictureForPeople } from './for-people';

async function newLabId(page: Page): Promise<string> {
  const res = await page.request.post('/api/labs', { headers: { 'content-type': 'application/json' } });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { labId: string }).labId;
}

test('a scenario runs both sides and is stepped through with the arrow keys', async ({ page }) => {
  test.setTimeout(60_000);
  const labId = await newLabId(page);
  await page.goto(`/lab/${labId}/scenarios/logout`);
  await expect(page.getByText('The victim logs out. Does the copy still work?')).toBeVisible();
  await expect(page.getByTestId('pick-0')).toHaveValue('jwt');
  await expect(page.getByTestId('pick-1')).toHaveValue('session');

  await page.getByTestId('run-both').click();
  const step = page.getByTestId('step');
  await expect(step).toHaveAttribute('data-step', 'setup', { timeout: 30_000 });
  await expect(page.getByTestId('narration')).toContainText('The victim logs in');
  await expect(page.getByTestId('side-0').getByTestId('trace-row').first()).toBeVisible();

  await page.keyboard.press('ArrowRight');
  await expect(step).toHaveAttribute('data-step', 'steal');
  await expect(page.getByTestId('side-0')).toContainText('copies every cookie of victim (laptop)');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(step).toHaveAttribute('data-step', 'revoke');
  await expect(page.getByTestId('narration')).toContainText('The victim logs out on the laptop.');
  await page.keyboard.press('ArrowRight');
  await expect(step).toHaveAttribute('data-step', 'replay');
  // The replay right after logout: the jwt copy still answers 200, the session copy 401.
  await expect(page.getByTestId('side-0').locator('[data-status="200"]')).toBeVisible();
  await expect(page.getByTestId('side-1').locator('[data-status="401"]')).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(step).toHaveAttribute('data-step', 'revoke');
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
  await expect(step).toHaveAttribute('data-step', 'verdict');
  await expect(page.getByTestId('side-0').locator('[data-verdict]')).toHaveAttribute('data-verdict', 'works-until-expiry');
  await expect(page.getByTestId('side-0')).toContainText('works 15 min');
  await expect(page.getByTestId('side-1').locator('[data-verdict]')).toHaveAttribute('data-verdict', 'blocked');
  await pictureForPeople(page, 'e2e/screenshots/scenario-logout.png', { fullPage: true });
  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);

  // Presenter mode: large type, secondary UI hidden, stepping still by keyboard.
  await page.locator('body').press('p');
  await expect(page.locator('html')).toHaveAttribute('data-presenter', '');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(step).toHaveAttribute('data-step', 'collateral');
  await pictureForPeople(page, 'e2e/screenshots/scenario-presenter.png');
});

test('the scenario page in Japanese', async ({ page, context }) => {
  test.setTimeout(60_000);
  const labId = await newLabId(page);
  await context.addCookies([{ name: 'lang', value: 'ja', url: page.url() === 'about:blank' ? 'http://127.0.0.1' : page.url() }]);
  await page.goto(`/lab/${labId}/scenarios/key-rotation`);
  await expect(page.getByText('運営者が署名鍵を入れ替えます。', { exact: false }).first()).toBeVisible();
  await page.getByTestId('run-both').click();
  await expect(page.getByTestId('narration')).toContainText('被害者がログインします', { timeout: 30_000 });
  await page.keyboard.press('End');
  for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('side-1')).toContainText('対象外');
  await pictureForPeople(page, 'e2e/screenshots/scenario-key-rotation-ja.png', { fullPage: true });
});
