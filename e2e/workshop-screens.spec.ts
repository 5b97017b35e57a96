import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSidewaysScroll, joinByApi, person, plantWorkshop, solveFirstMissionByApi } from './workshop-helpers';
import { pictureForPeople } from './for-people';

const FIRST = 'stolen-jwt-survives-logout';
const port = Number(process.env.E2E_PORT || 3210);

async function expectNoSeriousViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
}

/** Answers the first mission's prediction from a participant's context (option index i). */
async function predict(page: Page, i: number) {
  const me = (await (await page.request.get('/api/workshops/me')).json()) as { missions: { missionId: string; prediction: { options: string[] } | null }[] };
  const first = me.missions.find((m) => m.missionId === FIRST)!;
  const answer = first.prediction!.options[i % first.prediction!.options.length]!;
  const res = await page.request.post(`/api/workshops/me/missions/${FIRST}/prediction`, { data: { answer }, headers: { 'content-type': 'application/json' } });
  expect(res.status()).toBe(200);
}

/**
 * What the room sees: the console on a 1280×720 projector in presenter mode
 * and at 1920×1080, the join page and the missions panel on a 390 px phone,
 * the Japanese console — each checked by axe and written to
 * e2e/screenshots/ for a person to look at.
 */
test('the room on a projector, a phone and in Japanese: readable, no sideways scroll, no serious axe findings', async ({ browser }) => {
  test.setTimeout(420_000);
  const facilitator = await person(browser, { viewport: { width: 1280, height: 720 } });
  const f = facilitator.page;
  const { joinCode } = await plantWorkshop(f, { title: 'Revocation workshop', expectedParticipants: 8 });

  const names = ['Aiko', 'Ben', 'Chidi', 'Dana', 'Emeka', 'Fumiko'];
  const people = await Promise.all(names.map(() => person(browser, { viewport: { width: 390, height: 844 } })));
  const labs: string[] = [];
  for (const [i, p] of people.entries()) labs.push(await joinByApi(p.page, joinCode, names[i]));
  for (const [i, p] of people.entries()) if (i < 5) await predict(p.page, i === 0 ? 1 : i);
  await solveFirstMissionByApi(people[0]!.page, labs[0]!);
  await solveFirstMissionByApi(people[1]!.page, labs[1]!);
  // Someone who tried and is not there yet: a login and a steal, no logout.
  const third = people[2]!.page.request;
  const users = ((await (await third.get(`/api/labs/${labs[2]}`)).json()) as { users: { username: string; password?: string }[] }).users;
  const json = { 'content-type': 'application/json' };
  await third.post(`/api/labs/${labs[2]}/jwt/login`, { data: { username: 'bob', password: users.find((u) => u.username === 'bob')!.password }, headers: json });
  await third.post(`/api/labs/${labs[2]}/jwt/steal`, { headers: json });

  await expect(f.getByTestId('participant-row')).toHaveCount(6);
  await expect(f.locator(`td[data-mission="${FIRST}"][data-status="solved"]`)).toHaveCount(2);
  await expectNoSeriousViolations(f, 'console');

  // Presenter mode at 1280×720: the code and the grid on the first screen, no sideways scroll.
  await f.locator('body').press('p');
  await expect(f.locator('html')).toHaveAttribute('data-presenter', '');
  await f.getByTestId('projector-view').check();
  await expectNoSidewaysScroll(f);
  const code = await f.getByTestId('join-code').boundingBox();
  expect(code!.y + code!.height).toBeLessThanOrEqual(720);
  await expect(f.getByTestId('join-qr')).toBeInViewport();
  await expectNoSeriousViolations(f, 'console presenter');
  await pictureForPeople(f, 'e2e/screenshots/workshop-console-presenter-1280.png');
  await pictureForPeople(f, 'e2e/screenshots/workshop-console-presenter-1280-full.png', { fullPage: true });

  await f.setViewportSize({ width: 1920, height: 1080 });
  await f.locator(`[data-testid="prediction"][data-mission="${FIRST}"]`).getByTestId('reveal').click();
  await expectNoSidewaysScroll(f);
  await pictureForPeople(f, 'e2e/screenshots/workshop-console-presenter-1920.png');

  // A phone: the join page and the lab's missions panel at 390 px.
  const phone = await person(browser, { viewport: { width: 390, height: 844 } });
  await phone.page.goto(`/join/${joinCode}`);
  await expect(phone.page.getByTestId('join-form')).toBeVisible();
  await expectNoSidewaysScroll(phone.page);
  await expectNoSeriousViolations(phone.page, 'join');
  await pictureForPeople(phone.page, 'e2e/screenshots/workshop-join-390.png');

  const aiko = people[0]!.page;
  await aiko.goto(`/lab/${labs[0]}`);
  const panel = aiko.getByTestId('missions-panel');
  await expect(panel).toBeVisible();
  await aiko.locator(`.ws-step[data-mission="${FIRST}"]`).click();
  await expect(aiko.getByTestId('room-answers')).toBeVisible();
  const box = await panel.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  expect(await panel.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await expectNoSeriousViolations(aiko, 'lab with missions');
  await pictureForPeople(panel, 'e2e/screenshots/workshop-missions-390.png');
  await pictureForPeople(aiko, 'e2e/screenshots/workshop-lab-390.png');
  const ben = people[1]!.page;
  await ben.goto(`/lab/${labs[1]}`);
  await expect(ben.getByTestId('missions-panel')).toBeVisible();
  await pictureForPeople(ben.getByTestId('missions-panel'), 'e2e/screenshots/workshop-missions-next-390.png');

  // The same console in Japanese.
  await facilitator.context.addCookies([{ name: 'lang', value: 'ja', url: `http://127.0.0.1:${port}` }]);
  await f.setViewportSize({ width: 1280, height: 720 });
  await f.reload();
  await expect(f.getByRole('heading', { name: '参加コード' })).toBeVisible();
  await expect(f.getByTestId('participant-row')).toHaveCount(6);
  await expectNoSidewaysScroll(f);
  await expectNoSeriousViolations(f, 'console ja');
  await pictureForPeople(f, 'e2e/screenshots/workshop-console-ja-1280.png');

  await Promise.all([facilitator, phone, ...people].map((p) => p.context.close()));
});
