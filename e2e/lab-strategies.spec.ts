import { expect, test } from '@playwright/test';
import { expectVerdict, loginAs, newLab, panel, replay, steal } from './lab-helpers';

/** The picker reaches every registered strategy, and each one's inspector and verdicts are real. */
test.describe('the other strategies through the picker', () => {
  test('iron-stateless: a sealed blob nobody can read — and a copy that outlives logout', async ({ page }) => {
    await newLab(page);
    await panel(page, 1).getByLabel('Strategy').selectOption('iron-stateless');
    await expect(panel(page, 1)).toHaveAttribute('data-strategy', 'iron-stateless');
    await loginAs(page, 1, 'bob');
    await expect(panel(page, 1).getByTestId('sealed-value')).toContainText('Fe26.2*');
    const copy = await steal(page, 1, 1);
    await panel(page, 1).getByRole('button', { name: 'Log out' }).click();
    await expect(panel(page, 1).getByTestId('no-cookie')).toBeVisible();
    await replay(copy);
    await expectVerdict(copy, 'works', 200);
  });

  test('jwt-version: sign out everywhere cuts the copy off; jwt-denylist: logout cuts that copy off', async ({ page }) => {
    await newLab(page);
    await panel(page, 1).getByLabel('Strategy').selectOption('jwt-version');
    await panel(page, 2).getByLabel('Strategy').selectOption('jwt-denylist');
    await loginAs(page, 1, 'bob');
    await loginAs(page, 2, 'carol');
    const versionCopy = await steal(page, 1, 1);
    const denylistCopy = await steal(page, 2, 2);
    await panel(page, 1).getByRole('button', { name: 'Sign out everywhere' }).click();
    await expect(panel(page, 1).getByTestId('last-response')).toContainText('200');
    await panel(page, 2).getByRole('button', { name: 'Log out' }).click();
    await expect(panel(page, 2).getByTestId('identity')).toHaveText('Not signed in');
    await replay(versionCopy);
    await expectVerdict(versionCopy, 'blocked', 401, 'revoked');
    await replay(denylistCopy);
    await expectVerdict(denylistCopy, 'blocked', 401, 'revoked');
  });

  test('jwt-refresh: both cookies are stolen; after logout the access copy works until it expires, the refresh copy is revoked', async ({ page }) => {
    await newLab(page);
    await panel(page, 1).getByLabel('Strategy').selectOption('jwt-refresh');
    await loginAs(page, 1, 'bob');
    // The refresh cookie lives on …/refresh: the inspector reads from there to show the whole jar.
    await expect(panel(page, 1).getByText('rl_access=')).toBeVisible();
    await expect(panel(page, 1).getByText('rl_refresh=')).toBeVisible();
    await panel(page, 1).getByRole('button', { name: 'POST /refresh (new access token)' }).click();
    await expect(panel(page, 1).getByTestId('last-response')).toContainText('POST /refresh');
    await expect(panel(page, 1).getByTestId('last-response')).toContainText('200');

    const copy = await steal(page, 1, 1);
    await panel(page, 1).getByRole('button', { name: 'Log out' }).click();
    await expect(panel(page, 1).getByTestId('identity')).toHaveText('Not signed in');
    await replay(copy);
    await expectVerdict(copy, 'works', 200);
    await replay(copy, 'refresh', /Replay \/refresh/);
    await expectVerdict(copy, 'blocked', 401);

    await page.getByTestId('operator-rail').getByRole('button', { name: '+5 min' }).click();
    await expect(page.getByTestId('operator-rail').getByTestId('lab-clock')).toContainText('5:00 ahead');
    await replay(copy);
    await expectVerdict(copy, 'blocked', 401, 'expired');
  });

  test('jwt-refresh: the attacker’s copy follows the rotated cookies, so two refresh replays in a row both work', async ({ page }) => {
    await newLab(page);
    await panel(page, 1).getByLabel('Strategy').selectOption('jwt-refresh');
    await loginAs(page, 1, 'bob');
    await expect(panel(page, 1).getByText('rl_refresh=')).toBeVisible();
    const copy = await steal(page, 1, 1);
    const attackerRows = page.getByTestId('timeline-row').and(page.locator('[data-actor="attacker"]'));
    for (let i = 1; i <= 2; i++) {
      await copy.getByRole('button', { name: /Replay \/refresh/ }).click();
      // Two more attacker requests in the journal (the steal was the first): the server's own
      // POST …/refresh with the copy, then the page's POST …/replay that asked for it.
      await expect(attackerRows).toHaveCount(1 + 2 * i);
      await expect(copy.getByRole('button', { name: /Replay \/refresh/ })).toBeEnabled();
      await expectVerdict(copy, 'works', 200);
      await expect(copy.getByTestId('copy-status')).toContainText('/refresh');
    }
  });
});
