import { expect, test } from '@playwright/test';
import { loginAs, newLab, panel } from './lab-helpers';

/**
 * The page's lab clock counts from the server's lab "now" with the browser's
 * monotonic clock only: a laptop whose wall clock is an hour ahead (or a day
 * behind) must show the same countdowns as a correct one.
 */
for (const [label, skewMs] of [
  ['an hour ahead', 3_600_000],
  ['a day behind', -86_400_000],
] as const) {
  test(`countdowns neither jump nor freeze when the laptop clock is ${label}`, async ({ page }) => {
    await page.addInitScript((skew: number) => {
      const realNow = Date.now.bind(Date);
      Date.now = () => realNow() + skew;
    }, skewMs);
    await newLab(page);
    await loginAs(page, 1, 'bob');
    const expiry = panel(page, 1).getByTestId('expiry');
    // jwt's default lifetime is 15 minutes: a correct page shows 14:5x, and keeps counting down.
    await expect(expiry).toContainText(/expires in 1[45]:\d\d/);
    const first = await expiry.innerText();
    await expect(expiry).not.toHaveText(first, { timeout: 5_000 });
    await expect(expiry).toContainText(/expires in 14:[45]\d/);
  });
}
