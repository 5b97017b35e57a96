import { expect, test } from '@playwright/test';
import { gridCell, joinByApi, person, plantWorkshop } from './workshop-helpers';

/**
 * The Japanese room: a console in Japanese, and a participant whose browser
 * never chose a language gets the workshop's language on the join page and
 * in the lab.
 */
test('the Japanese console, and the workshop language as the participants default', async ({ browser }) => {
  test.slow();
  const facilitator = await person(browser, { locale: 'ja' });
  const f = facilitator.page;
  const { joinCode } = await plantWorkshop(f, { title: '新人研修', language: 'ja' });
  await expect(f.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(f.getByRole('heading', { name: '参加コード' })).toBeVisible();
  await expect(f.getByTestId('joined-count')).toContainText('人が参加');

  const hanako = await person(browser, { locale: 'ja' });
  await joinByApi(hanako.page, joinCode, '花子');
  await expect(f.getByTestId('participant-row')).toHaveCount(1);
  await expect(f.getByTestId('participant-name')).toHaveText('花子');
  await expect(gridCell(f, 0, 'stolen-jwt-survives-logout').getByTestId('grid-cell')).toContainText('未着手');
  await expect(f.getByTestId('stuck-row')).toContainText('詰まっている人');
  await expect(f.getByRole('button', { name: '会場に公開する' }).first()).toBeVisible();
  await f.getByTestId('projector-view').check();
  await expect(f.getByTestId('participant-name')).toHaveText('参加者 1');

  // An English-speaking browser that never picked a language: the room's language wins on /join/{code}.
  const visitor = await person(browser, { locale: 'en' });
  const v = visitor.page;
  await v.goto(`/join/${joinCode}`);
  await expect(v.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(v.getByRole('button', { name: '参加する' })).toBeVisible();
  await v.getByRole('button', { name: '参加する' }).click();
  await v.waitForURL(/\/lab\/[A-Za-z0-9_-]{22}$/);
  await expect(v.getByRole('heading', { name: /ワークショップのミッション/ })).toBeVisible();

  // A browser that chose English keeps it.
  const chooser = await person(browser, { locale: 'en' });
  await chooser.context.addCookies([{ name: 'lang', value: 'en', url: `http://127.0.0.1:${Number(process.env.E2E_PORT || 3210)}` }]);
  await chooser.page.goto(`/join/${joinCode}`);
  await expect(chooser.page.getByTestId('join-workshop-title')).toContainText('新人研修');
  await expect(chooser.page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(chooser.page.getByRole('button', { name: 'Join' })).toBeVisible();

  for (const p of [facilitator, hanako, visitor, chooser]) await p.context.close();
});
