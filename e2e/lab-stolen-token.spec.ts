import { expect, test } from '@playwright/test';
import { expectVerdict, loginAs, newLab, panel, replay, steal } from './lab-helpers';

/**
 * The stolen-token scenario with two real devices: the laptop is this page,
 * the phone is a second browser context (its own cookie jar) on the same lab.
 * The victim presses "Sign out everywhere" on the phone; the attacker's copy
 * of the laptop's cookies is replayed.
 */
test('stolen token: "sign out everywhere" on the phone cuts off the session copy, not the jwt copy', async ({ page, browser }) => {
  // Two browsers, each page polling the lab journal and re-checking its panels: slower on a shared machine.
  test.slow();
  const labId = await newLab(page);
  await loginAs(page, 1, 'bob');
  await loginAs(page, 2, 'bob');
  const jwtCopy = await steal(page, 1, 1);
  const sessionCopy = await steal(page, 2, 2);

  const phoneContext = await browser.newContext();
  const phone = await phoneContext.newPage();
  await phone.goto(`/lab/${labId}`);
  await loginAs(phone, 1, 'bob');
  await loginAs(phone, 2, 'bob');
  // Session panel first: sign-out-everywhere is a user-level event, so pressing
  // it on the jwt panel would already delete bob's sessions (and the phone's).
  for (const n of [2, 1] as const) {
    await panel(phone, n).getByRole('button', { name: 'Sign out everywhere' }).click();
    await expect(panel(phone, n).getByTestId('last-response')).toContainText('200');
  }
  await phoneContext.close();

  await replay(jwtCopy);
  await expectVerdict(jwtCopy, 'works', 200);
  await replay(sessionCopy);
  await expectVerdict(sessionCopy, 'blocked', 401, 'unknown-session');

  // The laptop itself: its jwt still says "bob", its session is gone.
  await panel(page, 1).getByRole('button', { name: 'GET /me' }).click();
  await expect(panel(page, 1).getByTestId('last-response')).toContainText('200');
  await panel(page, 2).getByRole('button', { name: 'GET /me' }).click();
  await expect(panel(page, 2).getByTestId('last-response')).toContainText('401');
});
