import { expect, test } from '@playwright/test';
import { shot } from './lab-helpers';

test.describe('/learn demos, run for real', () => {
  test('tamper: role:admin with the old signature and alg:none are refused; the untouched token is valid but not admin', async ({ page }) => {
    await page.goto('/learn');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const demo = page.getByTestId('tamper-demo');

    await demo.getByRole('button', { name: 'Set role: admin (keep the old signature)' }).click();
    await expect(demo.getByLabel('Payload (JSON)')).toHaveValue(/"role": "admin"/);
    await demo.getByRole('button', { name: 'Send to /admin' }).click();
    await expect(demo.getByTestId('tamper-result')).toContainText('401');
    await expect(demo.locator('[data-reason="bad-signature"]')).toBeVisible();

    await demo.getByRole('button', { name: 'Set alg: none (drop the signature)' }).click();
    await expect(demo.getByLabel('Header (JSON)')).toHaveValue(/"alg": "none"/);
    await demo.getByRole('button', { name: 'Send to /admin' }).click();
    await expect(demo.getByTestId('tamper-result')).toContainText('401');
    await expect(demo.getByTestId('tamper-result')).not.toContainText('bad-signature');

    await demo.getByRole('button', { name: 'Back to the original' }).click();
    await demo.getByRole('button', { name: 'Send to /admin' }).click();
    await expect(demo.getByTestId('tamper-result')).toContainText('403');
    await expect(demo.locator('[data-reason="not-admin"]')).toBeVisible();
  });

  test('storage: the injected script reads the localStorage token and the plain cookie, not the HttpOnly cookie', async ({ page, context }) => {
    await page.goto('/learn');
    const demo = page.getByTestId('storage-demo');
    await demo.getByRole('button', { name: 'Store the value in all three places' }).click();
    await expect(demo.getByTestId('storage-token')).toContainText('demo-');
    // The HttpOnly cookie really is in the browser's jar.
    const jar = await context.cookies();
    expect(jar.find((c) => c.name === 'rl_demo_httponly')?.httpOnly).toBe(true);

    await demo.getByRole('button', { name: 'Run the injected script' }).click();
    await expect(demo.getByTestId('storage-local')).toHaveAttribute('data-read', 'yes');
    await expect(demo.getByTestId('storage-readable')).toHaveAttribute('data-read', 'yes');
    await expect(demo.getByTestId('storage-httponly')).toHaveAttribute('data-read', 'no');
    await expect(demo.getByTestId('storage-httponly')).toContainText('NOT visible to the script');
  });

  test('payload: the JWT payload is readable without a key, the session id is random bytes', async ({ page }) => {
    await page.goto('/learn');
    const demo = page.getByTestId('payload-demo');
    await demo.getByRole('button', { name: 'Prepare the demo' }).click();
    await expect(demo.getByTestId('payload-jwt')).toContainText('"username": "bob"');
    await expect(demo.getByTestId('payload-jwt')).toContainText('"role": "user"');
    // Only the id's first bytes: page script never gets the HttpOnly value itself, on this site either.
    await expect(demo.getByTestId('payload-session')).toHaveText(/^([0-9a-f]{2} ){6}…$/);
    await shot(page, 'learn');
  });
});
