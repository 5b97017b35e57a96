import { expect, test } from '@playwright/test';
import { newLab } from './lab-helpers';

/** Settings on the page (issue 10.5): the operator rail edits the lab's settings through the API. */

test('a setting changed in the operator rail changes the next matrix run’s windows', async ({ page }) => {
  test.setTimeout(120_000);
  const labId = await newLab(page);
  const editor = page.getByTestId('settings-editor');
  await editor.locator('summary').click();
  // Durations are shown in readable units, each with a line on what it governs.
  await expect(page.getByTestId('setting-jwtTtlSeconds')).toHaveValue('15');
  await expect(page.getByTestId('unit-jwtTtlSeconds')).toHaveValue('minutes');
  await expect(editor.locator('[data-setting="sessionAbsoluteSeconds"]')).toContainText('8 h');
  await expect(editor.locator('[data-setting="accessTtlSeconds"]')).toContainText('jwt-refresh');

  await page.getByTestId('setting-jwtTtlSeconds').fill('2');
  await page.getByTestId('setting-accessTtlSeconds').fill('90');
  await page.getByTestId('unit-accessTtlSeconds').selectOption('seconds');
  await page.getByTestId('save-settings').click();
  await expect(page.getByTestId('settings-message')).toContainText('Saved.');
  // Focus comes back to the button that made the request.
  await expect(page.getByTestId('save-settings')).toBeFocused();
  const lab = (await (await page.request.get(`/api/labs/${labId}`)).json()) as { settings: Record<string, unknown> };
  expect(lab.settings).toMatchObject({ jwtTtlSeconds: 120, accessTtlSeconds: 90 });

  await page.goto(`/lab/${labId}/matrix`);
  await page.getByTestId('run-all').click();
  await expect(page.getByTestId('progress')).toContainText('Done', { timeout: 90_000 });
  await expect(page.getByTestId('cell-logout-jwt')).toHaveAttribute('data-window', '120');
  await expect(page.getByTestId('cell-logout-jwt')).toContainText('works 2 min');
  await expect(page.getByTestId('cell-logout-jwt-refresh')).toHaveAttribute('data-window', '90');
  await expect(page.getByTestId('ran-under').locator('[data-setting="jwtTtlSeconds"]')).toContainText('2 min');
});

test('a value out of range is refused with its range in words, in English and Japanese, and nothing changes', async ({ page, context, baseURL }) => {
  const labId = await newLab(page);
  const before = ((await (await page.request.get(`/api/labs/${labId}`)).json()) as { settings: unknown }).settings;
  await page.getByTestId('settings-editor').locator('summary').click();
  await page.getByTestId('setting-accessTtlSeconds').fill('2');
  await page.getByTestId('unit-accessTtlSeconds').selectOption('days');
  await page.getByTestId('save-settings').click();
  const message = page.getByTestId('settings-message');
  await expect(message).toContainText('Not saved: Access token lifetime: between 10 s and 1 d.');
  await expect(message).toHaveClass(/text-bad/);
  expect(((await (await page.request.get(`/api/labs/${labId}`)).json()) as { settings: unknown }).settings).toEqual(before);

  await context.addCookies([{ name: 'lang', value: 'ja', url: baseURL! }]);
  await page.reload();
  await page.getByTestId('settings-editor').locator('summary').click();
  await expect(page.getByTestId('settings-editor')).toContainText('15 分');
  await page.getByTestId('setting-jwtTtlSeconds').fill('5');
  await page.getByTestId('unit-jwtTtlSeconds').selectOption('seconds');
  await page.getByTestId('save-settings').click();
  await expect(message).toContainText('保存されませんでした：JWT の有効期間：10 秒 から 30 日 の範囲で指定してください。');
  expect(((await (await page.request.get(`/api/labs/${labId}`)).json()) as { settings: unknown }).settings).toEqual(before);
});
