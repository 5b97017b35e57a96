import { expect, test, type Page } from '@playwright/test';
import { expectVerdict, loginAs, newLab, panel, replay, steal } from './lab-helpers';

/**
 * The lab page tells the truth and keeps it (issue 10): the timeline is the
 * lab's journal on the server, stolen copies are held by the lab, and each
 * panel shows what the server says about its credential now — re-checked
 * after any action anywhere in the lab.
 */

async function pickStrategy(page: Page, n: 1 | 2, strategy: string) {
  await panel(page, n).getByRole('combobox').selectOption(strategy);
  await expect(panel(page, n)).toHaveAttribute('data-strategy', strategy);
}

const standing = (page: Page, n: 1 | 2) => panel(page, n).getByTestId('identity');

async function operatorClick(page: Page, name: string | RegExp, user?: string) {
  const rail = page.getByTestId('operator-rail');
  const scope = user ? rail.getByTestId(`user-${user}`) : rail;
  await scope.getByRole('button', { name }).click();
}

test('copies, timeline and panel states survive the matrix and back, a reload, and show on a second screen', async ({ page, browser }) => {
  const labId = await newLab(page);
  await loginAs(page, 1, 'bob');
  await loginAs(page, 2, 'bob');
  await steal(page, 1, 1);
  await steal(page, 2, 2);
  await panel(page, 2).getByRole('button', { name: 'Log out', exact: true }).click();
  await expect(standing(page, 2)).toHaveText('Not signed in');
  // Panel 1 (jwt) stays signed in: its state must come back after navigation too.
  await page.getByRole('link', { name: 'Results matrix' }).click();
  await expect(page).toHaveURL(new RegExp(`/lab/${labId}/matrix`));
  await page.goBack();
  await expect(page.getByTestId('copy-1')).toBeVisible();
  await expect(page.getByTestId('copy-2')).toBeVisible();
  await expect(standing(page, 1)).toHaveAttribute('data-standing', 'accepted');
  await expect(standing(page, 2)).toHaveText('Not signed in');
  await page.reload();
  await expect(page.getByTestId('copy-1')).toContainText('jwt');
  await expect(page.getByTestId('copy-2')).toContainText('session');
  await expect(standing(page, 1)).toContainText('Signed in as bob');
  const logoutRow = page.locator('[data-testid="timeline-row"][data-actor="panel-2"]', { hasText: '/session/logout' });
  await expect(logoutRow).toHaveCount(1);
  const seqs = await page.getByTestId('timeline-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-seq')));
  expect(seqs.length).toBeGreaterThan(6);

  // A second screen (another browser, no cookies) opening the lab link sees the same journal and copies.
  const other = await browser.newContext();
  const second = await other.newPage();
  await second.goto(`/lab/${labId}`);
  await expect(second.getByTestId('copy-1')).toBeVisible();
  await expect(second.getByTestId('copy-2')).toBeVisible();
  await expect(second.locator('[data-testid="timeline-row"][data-actor="panel-2"]', { hasText: '/session/logout' })).toHaveCount(1);
  const secondSeqs = await second.getByTestId('timeline-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-seq')));
  expect(secondSeqs.slice(-seqs.length)).toEqual(seqs);
  // It holds no cookie of its own: its panels say so rather than borrowing the first screen's state.
  await expect(standing(second, 1)).toHaveText('Not signed in');
  await other.close();
});

test('the attacker’s 200 after logout is drawn as danger, the refused replay as defended (class and colour)', async ({ page }) => {
  await newLab(page);
  await loginAs(page, 1, 'bob');
  await loginAs(page, 2, 'bob');
  const jwtCopy = await steal(page, 1, 1);
  const sessionCopy = await steal(page, 2, 2);
  for (const n of [1, 2] as const) await panel(page, n).getByRole('button', { name: 'Log out', exact: true }).click();
  await replay(jwtCopy);
  await expectVerdict(jwtCopy, 'works', 200);
  await replay(sessionCopy);
  await expectVerdict(sessionCopy, 'blocked', 401, 'unknown-session');
  const works = jwtCopy.locator('[data-verdict]');
  const blocked = sessionCopy.locator('[data-verdict]');
  await expect(works).toHaveClass(/look-danger/);
  await expect(blocked).toHaveClass(/look-defended/);
  // In the timeline too: the attacker's own requests, coloured by their answers.
  const attackerMe = page.locator('[data-testid="timeline-row"][data-actor="attacker"]');
  const danger = attackerMe.filter({ hasText: '/jwt/me' }).getByTestId('answer-badge');
  const defended = attackerMe.filter({ hasText: '/session/me' }).getByTestId('answer-badge');
  await expect(danger).toHaveClass(/look-danger/);
  await expect(defended).toHaveClass(/look-defended/);
  const colour = (l: typeof danger) => l.evaluate((el) => getComputedStyle(el).color);
  const [dangerColour, defendedColour, rail] = [await colour(danger), await colour(defended), await colour(works)];
  expect(dangerColour).not.toBe(defendedColour);
  expect(rail).toBe(dangerColour);
  // A victim's own answers are neutral, whatever their status.
  const victimBadge = page.locator('[data-testid="timeline-row"][data-actor="panel-1"]').first().getByTestId('answer-badge');
  await expect(victimBadge).toHaveClass(/look-neutral/);
  // And in the panel itself: the victim's own "200 logged out" is not drawn as a win.
  const panelBadge = panel(page, 1).getByTestId('last-response').locator('[data-status]');
  await expect(panelBadge).toHaveClass(/look-neutral/);
  expect(await colour(panelBadge)).not.toBe(defendedColour);
});

test('sign out everywhere in panel 1 → panel 2, signed in as the same user elsewhere, shows its session ended and why', async ({ page }) => {
  await newLab(page);
  await pickStrategy(page, 1, 'jwt-version');
  await loginAs(page, 1, 'bob');
  await loginAs(page, 2, 'bob');
  await expect(standing(page, 2)).toHaveAttribute('data-standing', 'accepted');
  await panel(page, 1).getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(standing(page, 2)).toHaveAttribute('data-standing', 'refused');
  await expect(standing(page, 2)).not.toContainText('Signed in');
  await expect(standing(page, 2)).toHaveAttribute('data-reason', 'unknown-session');
  await expect(panel(page, 2).getByTestId('refusal-cause')).toHaveAttribute('data-cause', 'logout-all');
  await expect(panel(page, 2).getByTestId('refusal-cause')).toContainText('Ended by sign out everywhere from panel 1');
});

test('a ban, a demotion, the clock past expiry and a key rotation each reach the panels without a click on them', async ({ page }) => {
  await newLab(page);
  // Demotion: a privilege change ends the user's sessions (a fresh id comes with the next login),
  // and the panel says so and why; logging in again shows the new role.
  await loginAs(page, 2, 'alice');
  await expect(standing(page, 2)).toContainText('admin');
  await operatorClick(page, 'Make user', 'alice');
  await expect(standing(page, 2)).toHaveAttribute('data-standing', 'refused');
  await expect(panel(page, 2).getByTestId('refusal-cause')).toHaveAttribute('data-cause', 'role');
  await loginAs(page, 2, 'alice');
  await expect(standing(page, 2)).toHaveAttribute('data-role', 'user');

  // Ban: bob's session ends; his jwt (the lesson) is still accepted — and says so.
  await loginAs(page, 1, 'bob');
  await loginAs(page, 2, 'bob');
  await operatorClick(page, 'Ban', 'bob');
  await expect(standing(page, 2)).toHaveAttribute('data-standing', 'refused');
  await expect(panel(page, 2).getByTestId('refusal-cause')).toHaveAttribute('data-cause', 'ban');
  await expect(standing(page, 1)).toHaveAttribute('data-standing', 'accepted');
  await operatorClick(page, 'Unban', 'bob');

  // Key rotation: the jwt panel is refused, signed by a key the lab no longer has.
  await operatorClick(page, 'Rotate signing key');
  await expect(standing(page, 1)).toHaveAttribute('data-standing', 'refused');
  await expect(panel(page, 1).getByTestId('refusal-cause')).toHaveAttribute('data-cause', 'key-rotation');

  // Clock past expiry: a fresh jwt login, then the lab clock jumps an hour.
  await loginAs(page, 1, 'carol');
  await operatorClick(page, '+1 h');
  await expect(standing(page, 1)).toHaveAttribute('data-standing', 'refused');
  await expect(standing(page, 1)).toHaveAttribute('data-reason', 'expired');
  await expect(panel(page, 1).getByTestId('refusal-cause')).toContainText(/Expired \d+:\d\d ago/);
});

test('a request made outside the page (fetch, as curl would) appears in the open page’s timeline within 2 s', async ({ page, baseURL }) => {
  const labId = await newLab(page);
  await expect(page.getByText('No requests yet.')).toBeVisible();
  const res = await fetch(`${baseURL}/api/labs/${labId}/session/me`);
  expect(res.status).toBe(401);
  const row = page.locator('[data-testid="timeline-row"][data-actor="curl"]');
  await expect(row).toHaveCount(1, { timeout: 2_000 });
  await expect(row).toContainText('no-credential');
  await expect(row).toContainText('curl / other client');
});

test('“clear stolen copies and timeline” empties both, on the server', async ({ page }) => {
  await newLab(page);
  await loginAs(page, 1, 'bob');
  await steal(page, 1, 1);
  await page.getByTestId('clear-copies').click();
  await expect(page.getByTestId('attacker-rail')).toContainText('No stolen copies yet');
  await page.reload();
  await expect(page.getByTestId('attacker-rail')).toContainText('No stolen copies yet');
  const rows = page.getByTestId('timeline-row');
  await expect(rows.filter({ hasText: '/copies/clear' })).toHaveCount(1);
  await expect(rows.filter({ hasText: '/steal' })).toHaveCount(0);
  await expect(rows.filter({ hasText: '/jwt/login' })).toHaveCount(0);
});
