import { expect, test } from '@playwright/test';
import { expectVerdict, loginAs, newLab, panel, replay, steal } from './lab-helpers';

/**
 * Every revocation, clicked through on the lab page as a person would: log
 * in on both panels (jwt | session), steal both cookies, act, replay both.
 * The verdicts on screen come from the real replay requests.
 */
test.describe('revocations on the lab page', () => {
  test('password change: the jwt copy still works, the session copy is cut off', async ({ page }) => {
    await newLab(page);
    await loginAs(page, 1, 'bob');
    await loginAs(page, 2, 'bob');
    const jwtCopy = await steal(page, 1, 1);
    const sessionCopy = await steal(page, 2, 2);

    await panel(page, 2).getByLabel('New password').fill('a-brand-new-passphrase');
    await panel(page, 2).getByRole('button', { name: 'Change password' }).click();
    await expect(panel(page, 2).getByTestId('last-response')).toContainText('200');
    // The device that changed it keeps a fresh session.
    await panel(page, 2).getByRole('button', { name: 'GET /me' }).click();
    await expect(panel(page, 2).getByTestId('last-response')).toContainText('GET /me');
    await expect(panel(page, 2).getByTestId('last-response')).toContainText('200');

    await replay(jwtCopy);
    await expectVerdict(jwtCopy, 'works', 200);
    await replay(sessionCopy);
    await expectVerdict(sessionCopy, 'blocked', 401, 'unknown-session');
  });

  test('role change: a demoted admin’s jwt copy still opens /admin, the session copy does not', async ({ page }) => {
    await newLab(page);
    await loginAs(page, 1, 'alice');
    await loginAs(page, 2, 'alice');
    const jwtCopy = await steal(page, 1, 1);
    const sessionCopy = await steal(page, 2, 2);

    const rail = page.getByTestId('operator-rail');
    await rail.getByTestId('user-alice').getByRole('button', { name: 'Make user' }).click();
    await expect(rail.getByTestId('user-alice')).toContainText('user');
    await expect(rail.getByTestId('user-alice').getByRole('button', { name: 'Make admin' })).toBeVisible();

    await replay(jwtCopy, 'admin');
    await expectVerdict(jwtCopy, 'works', 200);
    await replay(sessionCopy, 'admin');
    // A session id changes with its privilege (issue 13.6): the role change ended alice's sessions.
    await expectVerdict(sessionCopy, 'blocked', 401, 'unknown-session');
  });

  test('ban: the jwt copy still works, the session copy is cut off', async ({ page }) => {
    await newLab(page);
    await loginAs(page, 1, 'carol');
    await loginAs(page, 2, 'carol');
    const jwtCopy = await steal(page, 1, 1);
    const sessionCopy = await steal(page, 2, 2);

    const rail = page.getByTestId('operator-rail');
    await rail.getByTestId('user-carol').getByRole('button', { name: 'Ban' }).click();
    await expect(rail.getByTestId('user-carol')).toContainText('banned');

    await replay(jwtCopy);
    await expectVerdict(jwtCopy, 'works', 200);
    await replay(sessionCopy);
    await expectVerdict(sessionCopy, 'blocked', 401);
  });

  test('key rotation: the jwt copy is cut off (and so is every jwt user), the session copy is untouched', async ({ page }) => {
    await newLab(page);
    await loginAs(page, 1, 'bob');
    await loginAs(page, 2, 'bob');
    const jwtCopy = await steal(page, 1, 1);
    const sessionCopy = await steal(page, 2, 2);

    const rail = page.getByTestId('operator-rail');
    const before = await rail.getByTestId('key-info').innerText();
    await rail.getByRole('button', { name: 'Rotate signing key' }).click();
    await expect(rail.getByTestId('key-info')).not.toHaveText(before);
    await expect(rail.getByTestId('key-info')).toContainText('generation 2');

    await replay(jwtCopy);
    await expectVerdict(jwtCopy, 'blocked', 401, 'bad-signature');
    await replay(sessionCopy);
    await expectVerdict(sessionCopy, 'works', 200);
    // The innocent user in panel 1 is logged out too.
    await panel(page, 1).getByRole('button', { name: 'GET /me' }).click();
    await expect(panel(page, 1).getByTestId('last-response')).toContainText('401');
  });

  test('expiry: moving the lab clock, the jwt copy works until its exp, then stops', async ({ page }) => {
    await newLab(page);
    await loginAs(page, 1, 'bob');
    await loginAs(page, 2, 'bob');
    const jwtCopy = await steal(page, 1, 1);
    const sessionCopy = await steal(page, 2, 2);
    const rail = page.getByTestId('operator-rail');

    await rail.getByRole('button', { name: '+5 min' }).click();
    await expect(rail.getByTestId('lab-clock')).toContainText('ahead of real time');
    await replay(jwtCopy);
    await expectVerdict(jwtCopy, 'works', 200);
    await expect(jwtCopy.getByTestId('copy-remaining')).toContainText(/works for (9:\d\d|10:00) more/);

    await rail.getByRole('button', { name: '+15 min' }).click();
    await expect(rail.getByTestId('lab-clock')).toContainText('20:00 ahead');
    // The earlier "still works" is marked as older than the last change until the copy is replayed again.
    await expect(jwtCopy.getByTestId('copy-stale')).toBeVisible();
    await replay(jwtCopy);
    await expect(jwtCopy.getByTestId('copy-stale')).toBeHidden();
    await expectVerdict(jwtCopy, 'blocked', 401, 'expired');
    // The session copy has been unused for 20 minutes: still inside its 30-minute idle window.
    await replay(sessionCopy);
    await expectVerdict(sessionCopy, 'works', 200);
  });
});

test('reset: a fresh lab, with nothing stolen and nobody signed in', async ({ page }) => {
  const first = await newLab(page);
  await loginAs(page, 1, 'bob');
  await steal(page, 1, 1);
  await page.getByTestId('operator-rail').getByRole('button', { name: 'Reset (new lab)' }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/lab/') && !url.pathname.includes(first));
  await expect(page.getByTestId('attacker-rail')).toContainText('No stolen copies yet');
  await expect(panel(page, 1).getByTestId('identity')).toHaveText('Not signed in');
  await expect(panel(page, 1).getByTestId('no-cookie')).toBeVisible();
});

test('replay after every change: the verdicts update on their own when the operator acts', async ({ page }) => {
  await newLab(page);
  await loginAs(page, 1, 'bob');
  await loginAs(page, 2, 'bob');
  const jwtCopy = await steal(page, 1, 1);
  const sessionCopy = await steal(page, 2, 2);
  await page.getByTestId('auto-replay').check();
  await page.getByTestId('operator-rail').getByTestId('user-bob').getByRole('button', { name: 'Ban' }).click();
  await expectVerdict(jwtCopy, 'works', 200);
  await expectVerdict(sessionCopy, 'blocked', 401);
  await expect(page.locator('[data-testid="timeline-row"][data-actor="attacker"]', { hasText: '/session/me' }).first()).toContainText('401');
});
