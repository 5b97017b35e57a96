import { expect, test } from '@playwright/test';
import { expectVerdict, loginAs, newLab, replay, steal } from './lab-helpers';

/**
 * Only an inner 401 (or a 403 not-admin from /admin) is an answer about the
 * stolen copy. When the replay endpoint itself fails, the page must say
 * "error" with the status — never a green "blocked".
 */
test.describe('replay failures are errors, not verdicts', () => {
  for (const [status, reason] of [
    [429, 'too-many-requests'],
    [503, 'database-busy'],
    [404, 'unknown-lab'],
  ] as const) {
    test(`the replay endpoint answering ${status} shows an error with its status and reason`, async ({ page }) => {
      await newLab(page);
      await loginAs(page, 2, 'bob');
      const copy = await steal(page, 2, 1);
      await page.route('**/api/labs/*/replay', (route) =>
        route.fulfill({ status, contentType: 'application/json', body: JSON.stringify({ error: 'x', reason }) }),
      );
      await replay(copy);
      await expectVerdict(copy, 'error', status, reason);
      const badge = copy.locator('[data-verdict]');
      await expect(badge).toContainText('!');
      await expect(badge).toContainText(/ERROR/);
      await expect(copy.getByTestId('copy-status')).not.toContainText('BLOCKED');
    });
  }

  test('a network failure (status 0) shows an error, not blocked', async ({ page }) => {
    await newLab(page);
    await loginAs(page, 1, 'bob');
    const copy = await steal(page, 1, 1);
    await page.route('**/api/labs/*/replay', (route) => route.abort('failed'));
    await replay(copy);
    await expectVerdict(copy, 'error', 0, 'network-error');
    await expect(copy.getByTestId('copy-status')).toContainText(/network error/);
  });

  test('an unexpected inner status (not 401, not 403 not-admin) is an error too', async ({ page }) => {
    await newLab(page);
    await loginAs(page, 1, 'bob');
    const copy = await steal(page, 1, 1);
    await page.route('**/api/labs/*/replay', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ status: 500, body: { error: 'internal', reason: 'unexpected' }, request: { method: 'GET', path: '/api/labs/x/jwt/me' } }),
      }),
    );
    await replay(copy);
    await expectVerdict(copy, 'error', 500, 'unexpected');
  });

  test('a 403 not-admin from /admin: the copy is valid, but not admin (a real request)', async ({ page }) => {
    await newLab(page);
    await loginAs(page, 1, 'bob');
    const copy = await steal(page, 1, 1);
    await replay(copy, 'admin');
    await expectVerdict(copy, 'not-admin', 403, 'not-admin');
    await expect(copy.locator('[data-verdict]')).toContainText('VALID, BUT NOT ADMIN');
  });

  test('in Japanese, the error state is worded in Japanese', async ({ page, context }) => {
    await context.addCookies([{ name: 'lang', value: 'ja', url: 'http://127.0.0.1' }]);
    await newLab(page);
    await loginAs(page, 1, 'bob');
    const copy = await steal(page, 1, 1);
    await page.route('**/api/labs/*/replay', (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: 'unavailable', reason: 'database-busy' }) }),
    );
    await replay(copy, 'me', /\/me に再送/);
    await expectVerdict(copy, 'error', 503, 'database-busy');
    await expect(copy.locator('[data-verdict]')).toContainText('エラー');
  });
});
