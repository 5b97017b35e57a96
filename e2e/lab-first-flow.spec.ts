import { expect, test } from '@playwright/test';
import { expectVerdict, loginAs, panel, replay, shot, steal } from './lab-helpers';

test('first flow: start a lab, log in on both panels, /me, steal, log out, replay — jwt copy 200, session copy 401', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await shot(page, 'home');
  await page.getByRole('button', { name: 'Start a lab' }).click();
  await page.waitForURL(/\/lab\/[A-Za-z0-9_-]{22}$/);

  await expect(panel(page, 1)).toHaveAttribute('data-strategy', 'jwt');
  await expect(panel(page, 2)).toHaveAttribute('data-strategy', 'session');

  await loginAs(page, 1, 'bob');
  await loginAs(page, 2, 'bob');

  // The inspector shows what the browser really holds: a decoded JWT and a session row.
  await expect(panel(page, 1).getByTestId('jwt-view')).toBeVisible();
  await expect(panel(page, 1).locator('[data-claim="username"]')).toHaveText('"bob"');
  await expect(panel(page, 1).getByTestId('cookie-size')).toContainText(/\d+ bytes/);
  await expect(panel(page, 2).getByTestId('session-row')).toBeVisible();

  for (const n of [1, 2] as const) {
    await panel(page, n).getByRole('button', { name: 'GET /me' }).click();
    await expect(panel(page, n).getByTestId('last-response')).toContainText('GET /me');
    await expect(panel(page, n).getByTestId('last-response')).toContainText('200');
  }
  await expect(panel(page, 2).getByTestId('last-response')).toContainText('1 store lookups');
  await expect(panel(page, 1).getByTestId('last-response')).toContainText('0 store lookups');

  const jwtCopy = await steal(page, 1, 1);
  const sessionCopy = await steal(page, 2, 2);

  for (const n of [1, 2] as const) {
    await panel(page, n).getByRole('button', { name: 'Log out' }).click();
    await expect(panel(page, n).getByTestId('identity')).toHaveText('Not signed in');
    await expect(panel(page, n).getByTestId('no-cookie')).toBeVisible();
  }

  await replay(jwtCopy);
  await expectVerdict(jwtCopy, 'works', 200);
  await expect(jwtCopy.getByTestId('copy-remaining')).toContainText(/works for 1[45]:\d\d more/);

  await replay(sessionCopy);
  await expectVerdict(sessionCopy, 'blocked', 401, 'unknown-session');

  // The timeline (the lab's journal) lists every request with actor and curl line; the attacker's names the stolen value as a variable.
  const attackerRow = page.locator('[data-testid="timeline-row"][data-actor="attacker"]', { hasText: '/session/me' });
  await expect(attackerRow).toContainText('401');
  await expect(attackerRow.getByTestId('curl-line')).toContainText('curl -i -b "rl_session=$STOLEN_RL_SESSION"');
  for (const n of [1, 2] as const) {
    await expect(page.locator(`[data-testid="timeline-row"][data-actor="panel-${n}"]`, { hasText: '/login' })).toHaveCount(1);
    await expect(page.locator(`[data-testid="timeline-row"][data-actor="panel-${n}"]`, { hasText: '/logout' })).toHaveCount(1);
  }
  await shot(page, 'lab-after-logout');
});
