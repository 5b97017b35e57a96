import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { loginAs, newLab, steal, replay } from './lab-helpers';
import { pictureForPeople } from './for-people';

async function expectNoSeriousViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`axe, ${theme} theme`, () => {
    test.use({ colorScheme: theme });

    test('home and learn', async ({ page }) => {
      await page.goto('/');
      await expectNoSeriousViolations(page, `/ ${theme}`);
      await page.goto('/learn');
      await page.getByTestId('payload-demo').getByRole('button', { name: 'Prepare the demo' }).click();
      await expect(page.getByTestId('payload-jwt')).toBeVisible();
      await expectNoSeriousViolations(page, `/learn ${theme}`);
    });

    test('lab page, in use, normal and presenter', async ({ page }) => {
      // Two full axe runs over a page whose timeline is the lab journal (every request, with its curl line).
      test.slow();
      await newLab(page);
      await loginAs(page, 1, 'alice');
      await loginAs(page, 2, 'alice');
      const copy = await steal(page, 1, 1);
      await steal(page, 2, 2);
      await replay(copy);
      await expectNoSeriousViolations(page, `/lab ${theme}`);
      await page.locator('body').press('p');
      await expect(page.locator('html')).toHaveAttribute('data-presenter', '');
      await expectNoSeriousViolations(page, `/lab presenter ${theme}`);
      await pictureForPeople(page, `e2e/screenshots/lab-presenter-${theme}.png`);
    });
  });
}

test('the unknown-lab page', async ({ page }) => {
  for (const path of ['/lab/AAAAAAAAAAAAAAAAAAAAAA', '/lab/AAAAAAAAAAAAAAAAAAAAAA/matrix']) {
    const res = await page.goto(path);
    expect(res?.status()).toBe(404);
    await expect(page.getByText('This lab does not exist')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Start a new lab' })).toBeVisible();
  }
  const scenario = await page.goto('/lab/AAAAAAAAAAAAAAAAAAAAAA/scenarios/no-such-scenario');
  expect(scenario?.status()).toBe(404);
  await expect(page.getByText('There is no such lab or scenario')).toBeVisible();
  await expectNoSeriousViolations(page, '/lab unknown');
});
