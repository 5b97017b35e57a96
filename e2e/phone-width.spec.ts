import { expect, test } from '@playwright/test';

/**
 * On a 390 px phone no page scrolls sideways, in either language: wide content (the matrix, a
 * trace) scrolls inside its own card, and everything else wraps. The matrix pages are shown with
 * a stored run of each set, since the costs and settings cards only appear after one (a Japanese
 * phone once scrolled to 515 px there). The runs are planted through the API; the page only reads.
 */
test.use({ viewport: { width: 390, height: 844 } });

for (const lang of ['en', 'ja'] as const) {
  test(`no page scrolls sideways at 390 px (${lang})`, async ({ page, baseURL }) => {
    test.setTimeout(180_000);
    await page.context().addCookies([{ name: 'lang', value: lang, url: baseURL! }]);
    const created = await page.request.post('/api/labs', { headers: { 'content-type': 'application/json' } });
    expect(created.status()).toBe(201);
    const { labId } = (await created.json()) as { labId: string };
    for (const set of ['strategies', 'presets']) {
      const run = await page.request.post(`/api/labs/${labId}/matrix`, { data: { set }, timeout: 60_000 });
      expect(run.status(), `matrix ${set}`).toBe(200);
    }
    const paths = ['/', `/lab/${labId}`, `/lab/${labId}/matrix`, `/lab/${labId}/matrix?set=presets`, `/lab/${labId}/scenarios/key-rotation`, '/learn', '/learn/cost', '/join'];
    for (const path of paths) {
      await page.goto(path);
      await expect(page.locator('main')).toBeVisible();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `${path} in ${lang}`).toBeLessThanOrEqual(390);
    }
  });
}
