import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { benchResultsSchema } from '../lib/bench/results';
import { shot } from './lab-helpers';

// The page must show the committed run's own figures: read the same file the server reads.
const results = benchResultsSchema.parse(JSON.parse(fs.readFileSync(path.join(process.cwd(), 'lib', 'bench', 'results.json'), 'utf8')));
const en = (value: number, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

test.describe('/learn/cost: the committed benchmark run', () => {
  test('reached from /learn; every table row carries the figures of lib/bench/results.json', async ({ page }) => {
    await page.goto('/learn');
    await page.getByRole('link', { name: 'See the measurements' }).click();
    await expect(page).toHaveURL(/\/learn\/cost$/);
    await expect(page.getByRole('heading', { level: 1, name: 'What a lookup costs' })).toBeVisible();

    // The committed run has every section (a partial run may not): without this the loops below could check nothing.
    expect(results.http?.routes.length ?? 0).toBeGreaterThan(0);
    expect(results.micro?.strategies.length ?? 0).toBeGreaterThan(0);
    for (const route of results.http?.routes ?? []) {
      const row = page.getByTestId('table-http').locator(`[data-row="${route.id}"]`);
      await expect(row).toContainText(en(route.requestsPerSecond));
      await expect(row).toContainText(`${en(route.ratioToNoAuth, 3)}×`);
      await expect(page.getByTestId('chart-http').locator(`[data-bar="${route.id}"]`)).toContainText(en(route.requestsPerSecond));
    }
    for (const s of results.micro?.strategies ?? []) {
      const row = page.getByTestId('table-verify').locator(`[data-row="${s.strategy}"]`);
      await expect(row).toContainText(`${en(s.ratio, 2)}×`);
      await expect(row.locator('td').last()).toHaveText(String(s.lookups));
    }
    await expect(page.getByTestId('table-primitives').locator('tbody tr')).toHaveCount(results.micro?.primitives.length ?? 0);
    const goals = page.getByTestId('table-goals').locator('tbody tr');
    await expect(goals).toHaveCount(results.goals.length);
    for (const g of results.goals) {
      await expect(page.getByTestId('table-goals').locator(`[data-row="${g.id}"]`)).toHaveAttribute('data-met', String(g.met));
    }
    const machine = page.getByTestId('bench-machine');
    await expect(machine).toContainText(results.machine.cpuModel);
    await expect(machine).toContainText(results.machine.node);
    await expect(machine).toContainText(results.createdAt.slice(0, 10));
    if (results.workshop) await expect(page.getByTestId('bench-workshop')).toContainText(`${en(results.workshop.requests)} requests`);

    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await shot(page, 'cost');
  });

  test('in Japanese: headings, tables and goals translated, figures the same', async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: 'lang', value: 'ja', url: baseURL! }]);
    await page.goto('/learn/cost');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(page.getByRole('heading', { level: 1, name: 'ルックアップ 1 回のコスト' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'この数字の出どころ' })).toBeVisible();
    const main = page.locator('main');
    for (const english of ['What a lookup costs', 'Requests per second', 'How to read these figures', 'Building blocks', ' met', 'missed']) {
      await expect(main).not.toContainText(english);
    }
    const session = results.http?.routes.find((r) => r.id === 'session');
    if (session) {
      await expect(page.getByTestId('table-http').locator('[data-row="session"]')).toContainText(session.requestsPerSecond.toLocaleString('ja-JP', { maximumFractionDigits: 0 }));
    }
    await shot(page, 'cost-ja');
  });
});
