import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { pdfForPeople, pictureForPeople } from './for-people';

/**
 * Every verdict explains itself: the last step of each guided scenario, the
 * matrix cell's detail, the printed report and the exports (issue 11).
 */
async function newLabId(page: Page): Promise<string> {
  const res = await page.request.post('/api/labs', { headers: { 'content-type': 'application/json' } });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { labId: string }).labId;
}

const SHOTS = '/tmp/shots-explain';
const SCENARIOS = ['logout', 'stolen-token', 'password-change', 'role-change', 'ban', 'key-rotation', 'expiry'];
const cell = (page: Page, scenario: string, strategy: string) => page.getByTestId(`cell-${scenario}-${strategy}`);

test('the last step of every guided scenario says why, and what would fix it, on both sides; each narrates in its own words', async ({ page }) => {
  test.setTimeout(180_000);
  fs.mkdirSync(SHOTS, { recursive: true });
  const labId = await newLabId(page);
  const narrations = new Map<string, string[]>();
  for (const scenario of SCENARIOS) {
    await page.goto(`/lab/${labId}/scenarios/${scenario}`);
    await page.getByTestId('run-both').click();
    const step = page.getByTestId('step');
    await expect(step).toHaveAttribute('data-step', 'setup', { timeout: 30_000 });
    const said: string[] = [];
    for (let i = 0; i < 8; i++) {
      said.push(await page.getByTestId('narration').innerText());
      if (i < 7) await page.keyboard.press('ArrowRight');
    }
    narrations.set(scenario, said);
    await expect(step).toHaveAttribute('data-step', 'verdict');
    for (const side of ['side-0', 'side-1']) {
      const explanation = page.getByTestId(side).getByTestId('explanation');
      await expect(explanation).toBeVisible();
      await expect(explanation).toHaveAttribute('data-kind', 'expected'); // the measurement agrees with the mechanism
      expect((await explanation.getByTestId('explanation-why').innerText()).length).toBeGreaterThan(60);
      expect((await explanation.getByTestId('explanation-fix').innerText()).length).toBeGreaterThan(20);
      await expect(explanation.getByTestId('requirement-link').first()).toHaveAttribute('href', /^https:\/\//);
    }
    if (scenario === 'logout') {
      await expect(page.getByTestId('side-0').getByTestId('explanation-why')).toContainText('signature');
      await expect(page.getByTestId('side-0').getByTestId('explanation-window')).toContainText('works 15 min — bounded by jwtTtlSeconds = 15 min');
      await pictureForPeople(page, `${SHOTS}/scenario-logout-verdict.png`, { fullPage: true });
    }
    if (scenario === 'expiry') {
      // Nobody revoked anything, and nothing on the page says so.
      await expect(page.getByTestId('side-1').getByTestId('explanation-window')).toContainText('sessionAbsoluteSeconds');
      await expect(page.getByTestId('side-1').getByTestId('explanation-window')).toContainText('each use slid the 30 min idle timeout');
      await expect(page.getByTestId('side-1').getByTestId('explanation-why')).toContainText('can end this session at any moment');
      await expect(page.locator('main')).not.toContainText(/revoking action|revoke/i);
      await pictureForPeople(page, `${SHOTS}/scenario-expiry-verdict.png`, { fullPage: true });
    }
  }
  // Every step of every scenario is its own: no two scenarios share a narration.
  for (let i = 0; i < 8; i++) {
    const atStep = SCENARIOS.map((s) => narrations.get(s)![i]!);
    expect(new Set(atStep).size, `step ${i + 1}`).toBe(SCENARIOS.length);
  }
});

test('the matrix: a cell\'s detail explains and links its requirements; it prints with every column and no control; the export has findings, in Japanese on a Japanese page', async ({ page }) => {
  test.setTimeout(180_000);
  fs.mkdirSync(SHOTS, { recursive: true });
  const labId = await newLabId(page);
  const strategies = ((await (await page.request.get(`/api/labs/${labId}`)).json()) as { strategies: string[] }).strategies;
  expect(strategies).toEqual(expect.arrayContaining(['jwt', 'session', 'jwt-denylist', 'jwt-version', 'jwt-refresh', 'iron-stateless']));
  await page.goto(`/lab/${labId}/matrix`);
  await page.getByTestId('run-all').click();
  await expect(page.getByTestId('progress')).toContainText('Done', { timeout: 120_000 });

  // The window beside the setting that bounds it.
  await expect(cell(page, 'expiry', 'session').getByTestId('window-bound')).toHaveText('sessionAbsoluteSeconds');
  await expect(cell(page, 'logout', 'jwt').getByTestId('window-bound')).toHaveText('jwtTtlSeconds');

  await cell(page, 'logout', 'jwt').click();
  const panel = page.getByTestId('trace-panel');
  await expect(panel.getByTestId('explanation-why')).toContainText('signature and its exp claim');
  await expect(panel.getByTestId('explanation-fix')).toContainText('Cost');
  const links = panel.getByTestId('requirement-link');
  await expect(links.filter({ hasText: 'V7.4.1' })).toHaveAttribute('href', 'https://github.com/OWASP/ASVS/blob/v5.0.0/5.0/en/0x16-V7-Session-Management.md');
  await expect(links.filter({ hasText: 'WSTG-SESS-06' })).toHaveAttribute('href', /06-Testing_for_Logout_Functionality$/);
  await expect(links.filter({ hasText: 'CWE-613' })).toHaveAttribute('href', 'https://cwe.mitre.org/data/definitions/613.html');
  await expect(links.first()).toHaveAttribute('rel', /noopener/);
  await cell(page, 'logout', 'jwt-refresh').click();
  await expect(panel.getByTestId('requirement-link').filter({ hasText: 'V10.4.5' })).toBeVisible();
  await expect(panel.getByTestId('requirement-link').filter({ hasText: 'RFC 9700 §4.14.2' })).toHaveAttribute('href', 'https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2');
  await pictureForPeople(page, `${SHOTS}/matrix-detail.png`, { fullPage: true });

  // Exports, in English on an English page.
  const [mdDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-md').click()]);
  const md = fs.readFileSync((await mdDownload.path())!, 'utf8');
  fs.writeFileSync(`${SHOTS}/report-en.md`, md);
  const jwtLogout = md.split('\n### ').find((s) => s.includes('(`jwt` × `logout`)'));
  expect(jwtLogout, 'a finding for jwt × logout').toBeDefined();
  expect(jwtLogout).toMatch(/- \*\*Severity:\*\* .*(High|Medium|Low|Critical) — V7\.4\.1/);
  expect(jwtLogout).toContain('- **Remediation:** ');
  expect(jwtLogout).toContain('- **Evidence:** ');
  expect(jwtLogout).toMatch(/cp victim-laptop\.txt attacker\.txt/);
  expect(jwtLogout).toMatch(/curl -i -X POST -b victim-laptop\.txt -c victim-laptop\.txt -H 'Content-Type: application\/json' http:\/\/127\.0\.0\.1:\d+\/api\/labs\/[^/]+\/jwt\/logout {3}# → 200/);
  expect(jwtLogout).toMatch(/\/jwt\/me {3}# → 401 expired/);
  expect(md).not.toContain('(`session` × `logout`)');
  expect(md).toMatch(/Run on \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC; lab clock \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
  expect(md).not.toContain(labId);
  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const json = JSON.parse(fs.readFileSync((await jsonDownload.path())!, 'utf8')) as {
    schemaVersion: number;
    locale: string;
    findings: { strategy: string; scenario: string; severity: string; evidence: unknown[]; remediation: string }[];
    results: unknown[];
  };
  expect(json.schemaVersion).toBe(1);
  expect(json.locale).toBe('en');
  expect(json.results).toHaveLength(7 * strategies.length);
  const finding = json.findings.find((f) => f.strategy === 'jwt' && f.scenario === 'logout')!;
  expect(finding.evidence.length).toBeGreaterThan(2);
  expect(finding.remediation.length).toBeGreaterThan(20);
  expect(json.findings.some((f) => f.strategy === 'session' && f.scenario === 'logout')).toBe(false);

  // Printed at A4 and at Letter width: every strategy column inside the page, no button, no picker.
  await cell(page, 'logout', 'jwt').click();
  for (const [paper, width, height] of [['a4', 794, 1123], ['letter', 816, 1056]] as const) {
    await page.setViewportSize({ width, height });
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('matrix')).toBeHidden(); // the screen's matrix of buttons gives way to the printed one
    for (const strategy of strategies) {
      const header = page.getByTestId('print-matrix-table').locator(`thead th[data-strategy="${strategy}"]`);
      await expect(header).toBeVisible();
      const box = (await header.boundingBox())!;
      expect(box.x + box.width, `${strategy} column at ${paper}`).toBeLessThanOrEqual(width);
      const verdict = page.getByTestId(`print-cell-logout-${strategy}`).locator('[data-verdict]').first();
      await expect(verdict).toBeVisible();
      const cellBox = (await verdict.boundingBox())!;
      expect(cellBox.x + cellBox.width, `${strategy} cell at ${paper}`).toBeLessThanOrEqual(width);
    }
    expect(await page.locator('button:visible, select:visible, nav:visible').count(), `controls at ${paper}`).toBe(0);
    await expect(page.getByTestId('print-report')).toBeVisible();
    await expect(page.getByTestId('print-report')).toContainText('(jwt × logout)');
    await pictureForPeople(page, `${SHOTS}/matrix-print-${paper}.png`, { fullPage: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await pictureForPeople(page, `${SHOTS}/matrix-print-${paper}-first-page.png`);
  }
  await pdfForPeople(page, `${SHOTS}/matrix-a4.pdf`, 'A4');
  await pdfForPeople(page, `${SHOTS}/matrix-letter.pdf`, 'Letter');
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByTestId('print-report')).toBeHidden();

  // On a Japanese page the exports are in Japanese: the same stored run, shown again after a reload
  // (a second 49-cell run would measure nothing new; the finished run's Japanese progress line is
  // verdict-error.spec.ts's, on its Japanese run).
  await page.context().addCookies([{ name: 'lang', value: 'ja', url: 'http://127.0.0.1' }]);
  await page.reload();
  await cell(page, 'logout', 'jwt').click();
  await expect(page.getByTestId('trace-panel').getByTestId('explanation-why')).toContainText('署名');
  const [jaMdDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-md').click()]);
  const jaMd = fs.readFileSync((await jaMdDownload.path())!, 'utf8');
  fs.writeFileSync(`${SHOTS}/report-ja.md`, jaMd);
  expect(jaMd).toContain('# Revocation Lab — レビュー報告書');
  expect(jaMd).toContain('## 指摘事項');
  expect(jaMd).toMatch(/- \*\*深刻度:\*\* /);
  expect(jaMd).toContain('🔴 15 分 有効（jwtTtlSeconds）');
  expect(jaMd).not.toMatch(/Findings|Severity|Remediation|works 15 min/);
  const [jaJsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const jaJson = JSON.parse(fs.readFileSync((await jaJsonDownload.path())!, 'utf8')) as { locale: string; findings: { title: string; impact: string }[] };
  expect(jaJson.locale).toBe('ja');
  expect(jaJson.findings[0]!.title).toMatch(/[\u3040-\u30ff]/);
});

test('/learn names its sources as plain links, the Japanese flowchart included, and loads nothing from them', async ({ page }) => {
  const foreign: string[] = [];
  page.on('request', (req) => {
    if (!req.url().startsWith('http://127.0.0.1')) foreign.push(req.url());
  });
  await page.goto('/learn');
  const links = page.getByTestId('source-link');
  await expect(links).toHaveCount(5);
  await expect(links.filter({ hasText: 'RFC 8725' })).toHaveAttribute('href', 'https://www.rfc-editor.org/rfc/rfc8725');
  await expect(links.filter({ hasText: 'co3k.org' })).toHaveAttribute('href', 'https://co3k.org/blog/why-do-you-use-jwt-for-session');
  await expect(links.first()).toHaveAttribute('rel', /noopener/);
  expect(foreign).toEqual([]);
});
