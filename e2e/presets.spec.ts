import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { loginAs, newLab, panel } from './lab-helpers';

async function newLabId(page: Page): Promise<string> {
  const res = await page.request.post('/api/labs', { headers: { 'content-type': 'application/json' } });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { labId: string }).labId;
}

const cell = (page: Page, scenario: string, strategy: string) => page.getByTestId(`cell-${scenario}-${strategy}`);

test('the matrix page runs the library presets: the headline, authjs-jwt × logout with its trace, a Markdown export', async ({ page }) => {
  test.setTimeout(180_000);
  const labId = await newLabId(page);
  await page.goto(`/lab/${labId}/matrix`);
  // The toggle: the strategies are the default; the presets are one click away.
  await expect(page.getByTestId('set-strategies')).toHaveAttribute('aria-current', 'page');
  await page.getByTestId('set-presets').click();
  await expect(page).toHaveURL(/\?set=presets$/);
  await expect(page.getByTestId('set-presets')).toHaveAttribute('aria-current', 'page');
  await expect(cell(page, 'logout', 'authjs-jwt')).toHaveText(/not run yet/);

  await page.getByTestId('run-all').click();
  await expect(page.getByTestId('progress')).toContainText('Done', { timeout: 150_000 });

  // One line per preset, from the measured run, with its source and issue thread.
  const headline = page.getByTestId('presets-headline');
  await expect(headline.getByTestId('headline-authjs-jwt')).toContainText('Auth.js default, after logout');
  await expect(headline.getByTestId('headline-authjs-jwt')).toContainText('longer if the thief keeps using it');
  await expect(headline.getByTestId('headline-better-auth-cached')).toContainText('works for 5 min');
  await expect(headline.getByRole('link', { name: 'issue thread' }).first()).toHaveAttribute('href', 'https://github.com/nextauthjs/next-auth/issues/662');
  // The lab's settings card says the presets did not run under it.
  await expect(page.getByTestId('configuration-presets')).toContainText('The presets ran under their own');

  // The printed reviewer's report covers the presets like the exports: the headline, each preset's
  // settings, source and thread with the addresses written out — in English and in Japanese.
  await page.emulateMedia({ media: 'print' });
  const printed = page.getByTestId('print-presets');
  await expect(printed).toBeVisible();
  // A record, not a page to act on: the links to change settings or read more are not printed.
  await expect(page.getByTestId('change-settings')).toBeHidden();
  await expect(page.getByRole('link', { name: 'What a lookup costs in time, measured →' })).toBeHidden();
  await expect(page.getByTestId('presets-headline')).toBeHidden();
  await expect(printed.getByTestId('print-headline-authjs-jwt')).toContainText('Auth.js default, after logout: a stolen copy works for 30 d — and longer if the thief keeps using it');
  await expect(printed.getByTestId('print-preset-better-auth-cached')).toContainText('sessionCacheSeconds 5 min');
  await expect(printed.getByTestId('print-preset-better-auth-cached')).toContainText('https://www.better-auth.com/docs/concepts/session-management#cookie-cache');
  await expect(printed.getByTestId('print-preset-authjs-jwt')).toContainText('https://github.com/nextauthjs/next-auth/issues/662');
  await expect(page.getByTestId('print-cell-logout-authjs-jwt').getByTestId('kept-in-use')).toBeVisible();
  await expect(page.getByTestId('print-report')).toContainText('authjs-jwt × logout');
  await page.context().addCookies([{ name: 'lang', value: 'ja', url: page.url() }]);
  await page.reload();
  await expect(printed.getByTestId('print-headline-authjs-jwt')).toContainText('Auth.js の既定、ログアウトの後：盗まれたコピーは 30 日 使えます。泥棒が使い続ければさらに長く');
  await expect(printed).toContainText('プリセットとその出典');
  await page.emulateMedia({ media: 'screen' });
  await page.context().addCookies([{ name: 'lang', value: 'en', url: page.url() }]);
  await page.reload();

  // The cells are measured verdicts, in the one colour language (class, symbol and word).
  const authjs = cell(page, 'logout', 'authjs-jwt');
  await expect(authjs).toHaveAttribute('data-verdict', 'works-until-expiry');
  await expect(authjs.locator('.look-danger')).toBeVisible();
  // The copy as stolen ends at maxAge; the copy the thief kept using is shown beside it, as measured.
  await expect(authjs).toHaveAttribute('data-window', String(30 * 86_400));
  await expect(authjs.getByTestId('kept-in-use')).toContainText('kept in use: ≥');
  await expect(cell(page, 'ban', 'firebase-check-revoked')).toHaveAttribute('data-verdict', 'blocked');
  await expect(cell(page, 'ban', 'firebase-check-revoked').locator('.look-defended')).toBeVisible();
  await expect(cell(page, 'ban', 'firebase-id-token')).toHaveAttribute('data-window', '3600');

  await authjs.click();
  const trace = page.getByTestId('trace-panel');
  await expect(trace).toBeVisible();
  await expect(trace.getByTestId('explanation-why')).toContainText('re-issues it for another 30 days');
  await expect(trace).toContainText('/authjs-jwt/me');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-md').click()]);
  expect(download.suggestedFilename()).toMatch(/^revocation-lab-matrix-presets-.*\.md$/);
  const md = fs.readFileSync((await download.path())!, 'utf8');
  expect(md).toContain('## Library defaults, measured');
  expect(md).toContain('- Auth.js default, after logout:');
  expect(md).toContain('https://github.com/better-auth/better-auth/issues/6893');
  expect(md).toContain('`better-auth-cached`');
  expect(md).not.toContain(labId);

  // The strategies' matrix is still its own: switching back shows it never ran.
  await page.getByTestId('set-strategies').click();
  await expect(cell(page, 'logout', 'jwt')).toHaveText(/not run yet/);
});

test('a panel can be a preset: "Auth.js default" logs in, and its description names the source', async ({ page }) => {
  await newLab(page);
  const picker = panel(page, 1).getByLabel('Strategy');
  await picker.selectOption('authjs-jwt');
  await expect(panel(page, 1)).toHaveAttribute('data-strategy', 'authjs-jwt');
  await expect(panel(page, 1)).toContainText('Auth.js (next-auth v5, @auth/core)');
  await expect(panel(page, 1)).toContainText('jwtTtlSeconds 30 d');
  await loginAs(page, 1, 'bob');
  await panel(page, 1).getByRole('button', { name: 'GET /me' }).click();
  await expect(panel(page, 1)).toContainText('Signed in as bob');
});

test('/learn measures the libraries live: each preset’s windows after logout, sign-out-everywhere and password change, with its source and thread', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/learn');
  const section = page.getByTestId('library-measured');
  await section.getByTestId('measure-libraries').click();
  await expect(section.getByTestId('library-table')).toBeVisible({ timeout: 150_000 });
  await expect(section.getByTestId('library-better-auth-cached-logout')).toContainText('5 min');
  // Auth.js: the copy as stolen lives its 30 days; the one kept in use, longer — both measured.
  await expect(section.getByTestId('library-authjs-jwt-logout')).toContainText('30 d');
  await expect(section.getByTestId('library-authjs-jwt-logout').getByTestId('kept-in-use')).toContainText('kept in use: ≥');
  await expect(section.getByTestId('library-better-auth-cached-logout').locator('.look-danger')).toBeVisible();
  await expect(section.getByTestId('library-firebase-check-revoked-stolen-token').locator('.look-defended')).toBeVisible();
  await expect(section.getByTestId('library-authjs-jwt').getByTestId('thread-link')).toHaveAttribute('href', 'https://github.com/nextauthjs/next-auth/issues/662');
});
