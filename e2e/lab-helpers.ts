import { expect, type Locator, type Page } from '@playwright/test';
import { pictureForPeople } from './for-people';

/**
 * Helpers that act as a person would on the lab page. Labs are created
 * through the API (planting state, not clicking through the home page) except
 * in the first-flow test, which clicks "Start a lab" itself.
 */
export async function newLab(page: Page): Promise<string> {
  const res = await page.request.post('/api/labs', { headers: { 'content-type': 'application/json' } });
  expect(res.status()).toBe(201);
  const { labId } = (await res.json()) as { labId: string };
  await page.goto(`/lab/${labId}`);
  await expect(page.getByTestId('panel-1')).toBeVisible();
  return labId;
}

export const panel = (page: Page, n: 1 | 2): Locator => page.getByTestId(`panel-${n}`);

export async function loginAs(page: Page, n: 1 | 2, username: string) {
  const p = panel(page, n);
  await p.getByTestId(`login-${username}`).click();
  await expect(p.getByTestId('identity')).toContainText(username);
  await expect(p.getByTestId('last-response')).toContainText('200');
}

/** Steals panel n's cookie and returns the new copy's locator (copies are numbered from 1). */
export async function steal(page: Page, n: 1 | 2, copyNumber: number): Promise<Locator> {
  await panel(page, n).getByTestId('steal').click();
  const copy = page.getByTestId(`copy-${copyNumber}`);
  await expect(copy).toBeVisible();
  return copy;
}

export async function replay(copy: Locator, endpoint: 'me' | 'admin' | 'refresh' = 'me', buttonName = endpoint === 'me' ? /Replay \/me|\/me に再送/ : /Replay \/admin|\/admin に再送/) {
  const before = await copy.getByTestId('copy-status').innerText();
  await copy.getByRole('button', { name: buttonName }).click();
  // Wait for a fresh answer: the status line changes (or was already set and is re-rendered with the same endpoint).
  await expect(copy.locator('[data-verdict]')).toBeVisible();
  await expect(copy.getByTestId('copy-status')).toContainText(`/${endpoint}`);
  return before;
}

export async function expectVerdict(copy: Locator, verdict: 'works' | 'blocked' | 'not-admin' | 'error', status: number, reason?: string) {
  await expect(copy.locator('[data-verdict]')).toHaveAttribute('data-verdict', verdict);
  await expect(copy.getByTestId('copy-status')).toContainText(String(status));
  if (reason) await expect(copy.locator(`[data-reason="${reason}"]`)).toBeVisible();
}

export async function operator(page: Page): Promise<Locator> {
  return page.getByTestId('operator-rail');
}

/** The viewport and the whole page, for a person to look at (e2e/for-people.ts: not in CI). */
export async function shot(page: Page, name: string) {
  await pictureForPeople(page, `e2e/screenshots/${name}.png`);
  await pictureForPeople(page, `e2e/screenshots/${name}-full.png`, { fullPage: true });
}
