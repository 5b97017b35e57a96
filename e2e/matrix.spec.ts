import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { pictureForPeople } from './for-people';

/** A lab planted through the API; the matrix page is then driven as a person would. */
async function newLabId(page: Page): Promise<string> {
  const res = await page.request.post('/api/labs', { headers: { 'content-type': 'application/json' } });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { labId: string }).labId;
}

async function strategiesOf(page: Page, labId: string): Promise<string[]> {
  const strategies = ((await (await page.request.get(`/api/labs/${labId}`)).json()) as { strategies: string[] }).strategies;
  expect(strategies).toEqual(expect.arrayContaining(['jwt', 'session', 'jwt-denylist', 'jwt-version', 'jwt-refresh', 'iron-stateless']));
  return strategies;
}

const cell = (page: Page, scenario: string, strategy: string) => page.getByTestId(`cell-${scenario}-${strategy}`);

/**
 * A matrix run is 49 cells of real requests, the most expensive thing a test can start: this one runs
 * it from the page (watching its progress) and checks everything that run can show, rather than one run
 * per claim. That the run follows the lab's settings is e2e/settings.spec.ts (its editor, then a run).
 */
test('the matrix runs everything with progress (after a full server line), shows measured verdicts, exports Markdown, opens a trace, and keeps its last run across navigation', async ({ page }) => {
  test.setTimeout(150_000);
  const labId = await newLabId(page);
  const strategies = await strategiesOf(page, labId);
  await page.goto(`/lab/${labId}/matrix`);
  await expect(cell(page, 'logout', 'jwt')).toHaveText(/not run yet/);
  await expect(page.getByTestId('last-run')).toContainText('no matrix run yet');

  // A full server line (503 server-busy): the first start is answered with it, the page comes back
  // after Retry-After and its retry reaches the real endpoint.
  let answered = 0;
  await page.route('**/api/labs/*/matrix', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    answered++;
    if (answered === 1) {
      await route.fulfill({
        status: 503,
        headers: { 'content-type': 'application/json', 'retry-after': '1' },
        body: JSON.stringify({ error: 'service-unavailable', reason: 'server-busy' }),
      });
      return;
    }
    await route.continue();
  });
  await page.getByTestId('run-all').click();
  await expect(page.getByTestId('progress')).toContainText(/Running 49 cells|Done/);
  await expect(page.getByTestId('progress')).toContainText('Done', { timeout: 90_000 });
  expect(answered).toBe(2);
  const generatedAt = await page.getByTestId('last-run').getAttribute('data-generated-at');
  expect(generatedAt).toMatch(/^\d{4}-/);

  // Verdicts are a symbol and a word, never colour alone; windows are durations.
  await expect(cell(page, 'logout', 'jwt')).toHaveAttribute('data-verdict', 'works-until-expiry');
  await expect(cell(page, 'logout', 'jwt')).toContainText('⚠');
  // Drawn in the one colour language: the copy that still works is danger, the blocked one defended.
  await expect(cell(page, 'logout', 'jwt').locator('.status')).toHaveClass(/look-danger/);
  await expect(cell(page, 'logout', 'session').locator('.status')).toHaveClass(/look-defended/);
  await expect(page.getByTestId('look-legend')).toBeVisible();
  await expect(cell(page, 'logout', 'jwt')).toContainText('works 15 min');
  await expect(cell(page, 'logout', 'session')).toHaveAttribute('data-verdict', 'blocked');
  await expect(cell(page, 'logout', 'session')).toContainText(/✓\s*blocked/);
  await expect(cell(page, 'key-rotation', 'session')).toContainText('not applicable');
  await expect(cell(page, 'key-rotation', 'jwt')).toHaveAttribute('data-verdict', 'blocked');
  await expect(cell(page, 'key-rotation', 'jwt')).toContainText('+2 other users logged out');
  await expect(cell(page, 'expiry', 'session')).toContainText('works 8 h');
  await expect(cell(page, 'stolen-token', 'jwt-version')).toHaveAttribute('data-verdict', 'blocked');
  await expect(cell(page, 'ban', 'jwt-refresh')).toContainText('works 5 min');
  await pictureForPeople(page, 'e2e/screenshots/matrix.png', { fullPage: true });
  // Seven strategies fit a 1280-wide screen: the table does not scroll sideways inside its card (it did, hiding two columns).
  const overflow = await page.getByTestId('matrix').evaluate((table) => table.scrollWidth - table.parentElement!.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  // Export: a Markdown file a reviewer can paste, with the matrix, the configuration and findings.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-md').click()]);
  expect(download.suggestedFilename()).toMatch(/^revocation-lab-matrix-.*\.md$/);
  const md = fs.readFileSync((await download.path())!, 'utf8');
  expect(md).toContain(`| scenario | ${strategies.map((s) => `\`${s}\``).join(' | ')} |`);
  expect(md).toMatch(/\| `logout` \| 🔴 works 15 min \(jwtTtlSeconds\) \| 🟢 blocked \|/);
  expect(md).toContain('| `jwtTtlSeconds` | 900 |');
  expect(md).toContain('## Findings');
  expect(md).not.toContain(labId);

  const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const report = JSON.parse(fs.readFileSync((await json.path())!, 'utf8')) as { results: unknown[]; settings: unknown; versions: Record<string, string> };
  expect(report.results).toHaveLength(7 * strategies.length);
  expect(report.versions.jose).toMatch(/^6\./);

  // A cell opens its trace: every request, the theft, and a curl line each.
  await cell(page, 'logout', 'jwt').click();
  const panel = page.getByTestId('trace-panel');
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(panel.getByTestId('verdict-summary')).toContainText('15 min');
  const rows = panel.getByTestId('trace-row');
  expect(await rows.count()).toBeGreaterThanOrEqual(8);
  await expect(panel.locator('[data-actor="attacker"]').first()).toBeVisible();
  const attackerRow = panel.locator('tr[data-actor="attacker"]').last();
  // Each request shows the round trip the runner measured for it.
  await expect(attackerRow).toContainText(/\d+\.\d ms/);
  await attackerRow.locator('summary').click();
  await expect(attackerRow.getByTestId('curl-line')).toContainText(/curl -i -b attacker\.txt -c attacker\.txt http:\/\/127\.0\.0\.1:\d+\/api\/labs\/.+\/jwt\/me/);
  await panel.locator('summary', { hasText: 'cp' }).click();
  await expect(panel.getByTestId('curl-line').filter({ hasText: 'cp victim-laptop.txt attacker.txt' })).toBeVisible();
  await pictureForPeople(page, 'e2e/screenshots/matrix-trace.png', { fullPage: true });

  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);

  // The lab keeps its last run: shown again after navigating away and back, with its date and settings, until run again.
  await page.getByRole('link', { name: 'Back to the lab' }).click();
  await expect(page.getByTestId('panel-1')).toBeVisible();
  await page.goBack();
  await expect(cell(page, 'logout', 'jwt')).toHaveAttribute('data-verdict', 'works-until-expiry');
  await page.goto(`/lab/${labId}/matrix`); // a fresh load too
  await expect(cell(page, 'logout', 'jwt')).toHaveAttribute('data-window', '900');
  await expect(page.getByTestId('last-run')).toHaveAttribute('data-generated-at', generatedAt!);
  await expect(page.getByTestId('last-run')).toContainText(`Last run ${generatedAt!.slice(0, 10)} ${generatedAt!.slice(11, 16)} UTC`);
  await expect(page.getByTestId('ran-under').locator('[data-setting="jwtTtlSeconds"]')).toContainText('JWT lifetime');
  await expect(page.getByTestId('ran-under').locator('[data-setting="jwtTtlSeconds"]')).toContainText('15 min');
  await expect(page.getByTestId('export-md')).toBeEnabled();

  // The link to change the settings opens the editor in the lab's operator rail.
  await page.getByTestId('change-settings').click();
  await expect(page).toHaveURL(new RegExp(`/lab/${labId}#settings$`));
  await expect(page.getByTestId('setting-jwtTtlSeconds')).toBeVisible();
});
