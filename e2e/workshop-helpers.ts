import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

/**
 * Helpers for the workshop room: a facilitator and participants each in
 * their own browser context (their own cookies), as in a real room.
 */
export type Person = { context: BrowserContext; page: Page };

export async function person(browser: Browser, options: { locale?: 'en' | 'ja'; viewport?: { width: number; height: number } } = {}): Promise<Person> {
  const context = await browser.newContext({
    baseURL: baseURL(),
    locale: options.locale === 'ja' ? 'ja-JP' : 'en-US',
    viewport: options.viewport ?? { width: 1280, height: 800 },
  });
  return { context, page: await context.newPage() };
}

/** The same server playwright.config.ts starts (a context made here does not inherit the config's baseURL). */
function baseURL(): string {
  return `http://127.0.0.1:${Number(process.env.E2E_PORT || 3210)}`;
}

/** The code as shown on the console (grouped "ACD 479") → "ACD479". */
export async function joinCodeOn(page: Page): Promise<string> {
  const shown = await page.getByTestId('join-code').innerText();
  return shown.replace(/\s+/g, '');
}

/** Creates a workshop through the API in this context (the answer sets the facilitator cookie) and opens the console. */
export async function plantWorkshop(page: Page, body: Record<string, unknown> = {}): Promise<{ workshopId: string; joinCode: string; facilitatorKey: string }> {
  const res = await page.request.post('/api/workshops', { data: body, headers: { 'content-type': 'application/json' } });
  expect(res.status()).toBe(201);
  const created = (await res.json()) as { workshopId: string; joinCode: string; facilitatorKey: string };
  await page.goto(`/workshop/${created.workshopId}`);
  await expect(page.getByTestId('join-code')).toBeVisible();
  return created;
}

/** Joins through the join page as a person would: the code (typed as given), an optional name. */
export async function joinByPage(page: Page, code: string, name?: string, path = '/join') {
  await page.goto(path);
  if (path === '/join') await page.getByLabel(/Join code|参加コード/).fill(code);
  if (name) await page.getByLabel(/Your name|表示名/).fill(name);
  await page.getByRole('button', { name: /^(Join|参加する)$/ }).click();
  await page.waitForURL(/\/lab\/[A-Za-z0-9_-]{22}$/);
  await expect(page.getByTestId('missions-panel')).toBeVisible();
  return new URL(page.url()).pathname.split('/').pop()!;
}

/** A grid cell of the console: participant row (by its visible name or index) × mission. */
export function gridCell(console: Page, rowIndex: number, missionId: string) {
  return console.getByTestId('participant-row').nth(rowIndex).locator(`td[data-mission="${missionId}"]`);
}

/** The computed colour of an element, e.g. to compare a cell with the theme's success colour. */
export async function colourOf(page: Page, selector: string | ReturnType<Page['locator']>): Promise<string> {
  const locator = typeof selector === 'string' ? page.locator(selector) : selector;
  return locator.evaluate((el) => getComputedStyle(el).color);
}

/** The colour a CSS variable resolves to on this page, as getComputedStyle writes colours. */
export async function cssVarColour(page: Page, variable: string): Promise<string> {
  return page.evaluate((v) => {
    const probe = document.createElement('span');
    probe.style.color = `var(${v})`;
    document.body.append(probe);
    const colour = getComputedStyle(probe).color;
    probe.remove();
    return colour;
  }, variable);
}

/** No sideways scrolling: the document is no wider than the viewport. */
export async function expectNoSidewaysScroll(page: Page) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll, 'document wider than the viewport').toBeLessThanOrEqual(width);
}

const JSON_HEADERS = { 'content-type': 'application/json' };

/** Joins through the API in this context (sets the participant cookie), for tests that need a room quickly. */
export async function joinByApi(page: Page, code: string, name?: string): Promise<string> {
  const res = await page.request.post(`/api/workshops/${code}/join`, { data: name ? { name } : {}, headers: JSON_HEADERS });
  expect([200, 201]).toContain(res.status());
  return ((await res.json()) as { labId: string }).labId;
}

/**
 * The first mission's real requests, sent with curl-like API calls from the
 * participant's context: bob logs in with jwt and session, both cookies are
 * stolen, bob logs out, both copies are replayed. The server's check reads
 * them from the lab's journal — exactly as when clicked on the lab page.
 */
export async function solveFirstMissionByApi(page: Page, labId: string) {
  const lab = (await (await page.request.get(`/api/labs/${labId}`)).json()) as { users: { username: string; password?: string }[] };
  const password = lab.users.find((u) => u.username === 'bob')?.password;
  expect(password).toBeTruthy();
  const copies: number[] = [];
  for (const strategy of ['jwt', 'session']) {
    expect((await page.request.post(`/api/labs/${labId}/${strategy}/login`, { data: { username: 'bob', password }, headers: JSON_HEADERS })).status()).toBe(200);
    const stolen = await page.request.post(`/api/labs/${labId}/${strategy}/steal`, { headers: JSON_HEADERS });
    expect(stolen.status()).toBe(201);
    copies.push(((await stolen.json()) as { copyId: number }).copyId);
    expect((await page.request.post(`/api/labs/${labId}/${strategy}/logout`, { headers: JSON_HEADERS })).status()).toBeLessThan(300);
  }
  for (const copyId of copies) {
    expect((await page.request.post(`/api/labs/${labId}/replay`, { data: { copyId, endpoint: 'me' }, headers: JSON_HEADERS })).status()).toBe(200);
  }
}
