import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { loginAs, newLab, panel } from './lab-helpers';

/**
 * On the Japanese page, failures and server facts are worded in Japanese:
 * reason codes map to dictionary entries (falling back to the code), roles
 * are translated, and the scenario runner's English notes are not shown.
 */
async function japanese(context: BrowserContext) {
  await context.addCookies([{ name: 'lang', value: 'ja', url: 'http://127.0.0.1' }]);
}

const ENGLISH_WORDS = /[A-Za-z]{5,}/;

test('start-a-lab failure: the reason in Japanese, not the code', async ({ page, context }) => {
  await japanese(context);
  await page.route('**/api/labs', (route) =>
    route.request().method() === 'POST'
      ? route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: 'unavailable', reason: 'database-busy' }) })
      : route.continue(),
  );
  await page.goto('/');
  await page.getByRole('button', { name: 'ラボを始める' }).first().click();
  const status = page.getByRole('status').filter({ hasText: 'ラボを開始できませんでした' });
  await expect(status).toContainText('データベースが混み合っている');
  await expect(status).not.toContainText('database-busy');
});

test('start-a-lab network failure: no browser English ("Failed to fetch")', async ({ page, context }) => {
  await japanese(context);
  await page.route('**/api/labs', (route) => (route.request().method() === 'POST' ? route.abort('failed') : route.continue()));
  await page.goto('/');
  await page.getByRole('button', { name: 'ラボを始める' }).first().click();
  const status = page.getByRole('status').filter({ hasText: 'ラボを開始できませんでした' });
  await expect(status).toContainText('通信エラー');
  await expect(status).not.toContainText(ENGLISH_WORDS);
});

test('learn demos: preparation and storage failures in Japanese', async ({ page, context }) => {
  await japanese(context);
  await page.route('**/api/labs', (route) => (route.request().method() === 'POST' ? route.abort('failed') : route.continue()));
  await page.route('**/api/learn/storage-demo', (route) =>
    route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: 'unavailable', reason: 'database-busy' }) }),
  );
  await page.goto('/learn');
  await page.getByRole('button', { name: 'デモを準備する', exact: true }).first().click();
  await expect(page.getByTestId('demo-status')).toContainText('通信エラー');
  await expect(page.getByTestId('demo-status')).not.toContainText(ENGLISH_WORDS);
  await page.getByTestId('storage-demo').getByRole('button', { name: '3 か所に値を置く' }).click();
  await expect(page.getByTestId('storage-error')).toContainText('データベースが混み合っている');
  await expect(page.getByTestId('storage-error')).not.toContainText('database-busy');
});

test('token inspector: the session row’s role is translated', async ({ page, context }) => {
  await japanese(context);
  await newLab(page);
  await loginAs(page, 2, 'bob');
  const row = panel(page, 2).getByTestId('session-row');
  await expect(row).toContainText('bob (一般');
  await expect(row).not.toContainText('(user');
});

async function newLabId(page: Page): Promise<string> {
  const res = await page.request.post('/api/labs', { headers: { 'content-type': 'application/json' } });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { labId: string }).labId;
}

test('scenario page: the runner’s English note is not shown in Japanese', async ({ page, context }) => {
  test.setTimeout(60_000);
  await japanese(context);
  const labId = await newLabId(page);
  await page.route('**/api/labs/*/scenarios/*/run*', async (route) => {
    const response = await route.fetch();
    const json = (await response.json()) as { results: Record<string, unknown>[] };
    for (const r of json.results) Object.assign(r, { verdict: 'not-applicable', noteCode: null, note: 'English prose from the runner' });
    await route.fulfill({ response, json });
  });
  await page.goto(`/lab/${labId}/scenarios/logout`);
  await page.getByTestId('run-both').click();
  await expect(page.getByTestId('step')).toBeVisible({ timeout: 30_000 });
  const summary = page.getByTestId('side-0').getByTestId('verdict-summary');
  await expect(summary).toContainText('このシナリオはこの方式には当てはまりません');
  await expect(summary).not.toContainText('English prose');
});
