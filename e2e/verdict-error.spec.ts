import { expect, test, type Page, type Route } from '@playwright/test';

/**
 * The runner yields `error` when a probe gets an answer no verdict can come
 * from (not 200 / 401 / 403 not-admin). The pages show it as its own state —
 * symbol and word, the status and reason — and an unknown verdict string
 * from the server renders as an error too, never a crash or a "blocked".
 */
async function newLabId(page: Page): Promise<string> {
  const res = await page.request.post('/api/labs', { headers: { 'content-type': 'application/json' } });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { labId: string }).labId;
}

type Result = { strategy: string; verdict: string; trace: { kind: string; phase: string; status?: number; reason?: string | null }[] };

/** A real run, whose answer is then altered on its way to the page (as a newer runner would answer). */
async function alterRuns(page: Page, alter: (result: Result) => void) {
  await page.route('**/api/labs/*/scenarios/*/run*', async (route: Route) => {
    const response = await route.fetch();
    const json = (await response.json()) as { results: Result[] };
    for (const r of json.results) alter(r);
    await route.fulfill({ response, json });
  });
}

test('scenario page: an error verdict and an unknown verdict both show as "! error" with the failing status', async ({ page }) => {
  test.setTimeout(60_000);
  const labId = await newLabId(page);
  await alterRuns(page, (r) => {
    if (r.strategy === 'jwt') {
      r.verdict = 'error';
      const replay = r.trace.find((e) => e.kind === 'request' && e.phase === 'replay');
      if (replay) Object.assign(replay, { status: 503, reason: 'database-busy' });
    } else {
      r.verdict = 'some-future-verdict';
    }
  });
  await page.goto(`/lab/${labId}/scenarios/logout`);
  await page.getByTestId('run-both').click();
  await expect(page.getByTestId('step')).toHaveAttribute('data-step', 'setup', { timeout: 30_000 });
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step')).toHaveAttribute('data-step', 'verdict');
  for (const side of ['side-0', 'side-1']) {
    const badge = page.getByTestId(side).locator('h3 [data-verdict]');
    await expect(badge).toHaveAttribute('data-verdict', 'error');
    await expect(badge).toHaveText(/!\s*error/);
  }
  await expect(page.getByTestId('side-0').getByTestId('verdict-summary')).toContainText('503 database-busy');
});

test('matrix: error cells are distinct (symbol + word), the legend explains them, in English and Japanese', async ({ page, context }) => {
  test.setTimeout(60_000);
  const labId = await newLabId(page);
  // The matrix answers with error / unknown verdicts for jwt and session, blocked for the rest, in every scenario.
  await page.route('**/api/labs/*/matrix', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    const scenarios = ['logout', 'stolen-token', 'password-change', 'role-change', 'ban', 'key-rotation', 'expiry'];
    const strategies = ['jwt', 'session', 'jwt-denylist', 'jwt-version', 'jwt-refresh', 'iron-stateless'];
    const result = (scenario: string, strategy: string, verdict: string) => ({
      scenario,
      strategy,
      verdict,
      windowSeconds: null,
      window: null,
      refusedWith: verdict === 'blocked' ? { status: 401, reason: 'revoked' } : null,
      collateral: { loggedOut: [], bystanders: [] },
      lookups: { perRequest: 0, perRefresh: null },
      cookieBytes: 100,
      note: null,
      noteCode: null,
      victim: null,
      startedAt: 0,
      revokedAt: 0,
      trace: [{ kind: 'request', seq: 1, phase: 'replay', actor: 'attacker', username: 'bob', method: 'GET', path: '/x', requestBody: null, cookiesSent: [], status: 429, reason: 'too-many-requests', lookups: null, at: 0, ms: 1.5 }],
      durationMs: 1,
    });
    await route.fulfill({
      json: {
        generatedAt: new Date().toISOString(),
        labClock: 0,
        settings: {},
        versions: {},
        scenarios,
        strategies,
        results: scenarios.flatMap((scenario) => strategies.map((s) => result(scenario, s, s === 'jwt' ? 'error' : s === 'session' ? 'mystery' : 'blocked'))),
        durationMs: 1,
      },
    });
  });
  await page.goto(`/lab/${labId}/matrix`);
  await page.getByTestId('run-all').click();
  await expect(page.getByTestId('progress')).toContainText('Done');
  for (const strategy of ['jwt', 'session']) {
    const cell = page.getByTestId(`cell-logout-${strategy}`);
    await expect(cell).toHaveAttribute('data-verdict', 'error');
    await expect(cell).toHaveText(/!\s*error/);
  }
  await expect(page.getByTestId('cell-logout-jwt-version')).toHaveText(/✓\s*blocked/);
  await expect(page.getByText(/! Error: a request got an answer no verdict can come from/)).toBeVisible();
  await page.getByTestId('cell-logout-jwt').click();
  await expect(page.getByTestId('trace-panel').getByTestId('verdict-summary')).toContainText('429 too-many-requests');

  await context.addCookies([{ name: 'lang', value: 'ja', url: 'http://127.0.0.1' }]);
  await page.reload();
  await page.getByTestId('run-all').click();
  await expect(page.getByTestId('progress')).toContainText('完了：');
  await expect(page.getByTestId('cell-logout-session')).toHaveText(/!\s*エラー/);
  await expect(page.getByText(/! エラー：/)).toBeVisible();
});
