import { expect, test } from '@playwright/test';
import { expectVerdict, loginAs, panel, replay, steal } from './lab-helpers';
import { colourOf, cssVarColour, gridCell, joinByPage, joinCodeOn, person } from './workshop-helpers';

const FIRST = 'stolen-jwt-survives-logout';

/**
 * The room, end to end: a facilitator and three participants, each in their
 * own browser context. Everything asserted comes from the real API — the
 * solved mark appears only because the participant's lab answered the real
 * replays (another participant's cells stay untouched).
 */
test('a facilitator and three participants: join by code, predict, solve the first mission, reveal, projector view, remove, close', async ({ browser }) => {
  // Four browsers and a lab page's worth of requests, on a machine shared with other work.
  test.setTimeout(300_000);
  const facilitator = await person(browser);
  const f = facilitator.page;

  // One click on the start page (with the optional title), then the console with the key exchanged.
  await f.goto('/');
  await f.getByText('Title, language, head count (optional)').click();
  await f.getByLabel('Title').fill('Room 101');
  await f.getByRole('button', { name: 'Run a workshop' }).click();
  await f.waitForURL(/\/workshop\/[A-Za-z0-9_-]{22}$/);
  await expect(f.getByTestId('save-link')).toBeVisible();
  await expect(f.getByTestId('facilitator-link')).toHaveValue(/\/workshop\/[A-Za-z0-9_-]{22}#key=[A-Za-z0-9_-]{40,}$/);
  // The key left the address bar (and never reached a server: it was a fragment).
  expect(f.url()).not.toContain('#key');
  await expect(f.getByTestId('workshop-title')).toHaveText('Room 101');
  await expect(f.getByTestId('join-qr').locator('path')).toHaveAttribute('d', /^M\d/);
  const code = await joinCodeOn(f);
  expect(code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);
  await expect(f.getByTestId('no-participants')).toBeVisible();

  // Three participants: a code typed in lower case with a space, the join URL, and one with no name.
  const [alice, bob, anon] = await Promise.all([person(browser), person(browser), person(browser)]);
  const aliceLab = await joinByPage(alice.page, `${code.slice(0, 3).toLowerCase()} ${code.slice(3).toLowerCase()}`, 'Xavier');
  const bobLab = await joinByPage(bob.page, code, 'Yumi', `/join/${code}`);
  await joinByPage(anon.page, code, undefined, `/join/${code.toLowerCase()}`);
  expect(new Set([aliceLab, bobLab]).size).toBe(2);

  await expect(f.getByTestId('participant-row')).toHaveCount(3);
  await expect(f.getByTestId('participant-name')).toHaveText(['Xavier', 'Yumi', /anonymous/i]);
  for (let row = 0; row < 3; row++) await expect(gridCell(f, row, FIRST)).toHaveAttribute('data-status', 'not-started');

  // A reload, or the join link opened again, puts Bob back in his own lab — no second participant.
  await bob.page.goto(`/join/${code}`);
  await bob.page.waitForURL(`**/lab/${bobLab}`);
  await expect(f.getByTestId('participant-row')).toHaveCount(3);

  // Predict, then reveal: the question comes before the mission; one answer each.
  const a = alice.page;
  const box = a.getByTestId('prediction-box');
  await expect(box).toBeVisible();
  await expect(a.getByTestId('mission-goal')).toHaveCount(0);
  const options = box.getByRole('radio');
  const optionCount = await options.count();
  expect(optionCount).toBeGreaterThanOrEqual(2);
  await options.nth(0).check();
  await box.getByTestId('submit-prediction').click();
  await expect(a.getByTestId('my-answer')).toBeVisible();
  await expect(a.getByTestId('waiting-reveal')).toBeVisible();
  await expect(a.getByTestId('mission-goal')).toBeVisible();

  const bobBox = bob.page.getByTestId('prediction-box');
  await bobBox.getByRole('radio').nth(1).check();
  await bobBox.getByTestId('submit-prediction').click();
  await expect(bob.page.getByTestId('waiting-reveal')).toBeVisible();

  const prediction = f.locator(`[data-testid="prediction"][data-mission="${FIRST}"]`);
  await expect(prediction).toHaveAttribute('data-revealed', 'false');
  await expect(prediction.locator('li[data-count="1"]')).toHaveCount(2);

  // Xavier solves the first mission on her lab page: a stolen JWT survives logout, a stolen session does not.
  await loginAs(a, 1, 'bob');
  await loginAs(a, 2, 'bob');
  const jwtCopy = await steal(a, 1, 1);
  const sessionCopy = await steal(a, 2, 2);
  for (const n of [1, 2] as const) {
    await panel(a, n).getByRole('button', { name: 'Log out' }).click();
    await expect(panel(a, n).getByTestId('identity')).toHaveText('Not signed in');
  }
  await replay(jwtCopy);
  await expectVerdict(jwtCopy, 'works', 200);
  await replay(sessionCopy);
  await expectVerdict(sessionCopy, 'blocked', 401);
  // Within 2 s of the solving replay: the solved mark on her page and on the console's grid.
  await expect(a.locator(`.ws-step[data-mission="${FIRST}"]`)).toHaveAttribute('data-status', 'solved', { timeout: 2_000 });
  await expect(gridCell(f, 0, FIRST)).toHaveAttribute('data-status', 'solved', { timeout: 2_000 });

  // Solved reads as solved by colour too (the success green), and by its word and symbol.
  const solvedCell = gridCell(f, 0, FIRST).getByTestId('grid-cell');
  await expect(solvedCell).toHaveClass(/ws-solved/);
  await expect(solvedCell).toContainText('✓ solved');
  expect(await colourOf(f, solvedCell)).toBe(await cssVarColour(f, '--ok'));
  const untouched = gridCell(f, 1, FIRST).getByTestId('grid-cell');
  await expect(untouched).toHaveClass(/ws-not-started/);
  expect(await colourOf(f, untouched)).not.toBe(await cssVarColour(f, '--ok'));
  // Nobody else's lab solved it: the check reads each participant's own journal.
  await expect(gridCell(f, 1, FIRST)).toHaveAttribute('data-status', 'not-started');
  await expect(gridCell(f, 2, FIRST)).toHaveAttribute('data-status', 'not-started');
  // No "mark as done" anywhere on the participant's page.
  await expect(a.getByRole('button', { name: /done|complete|完了/i })).toHaveCount(0);

  // Reveal: the room's answers reach the participants, with their own answer and what their lab measured.
  await prediction.getByTestId('reveal').click();
  await expect(prediction).toHaveAttribute('data-revealed', 'true');
  await a.locator(`.ws-step[data-mission="${FIRST}"]`).click();
  const room = a.getByTestId('room-answers');
  await expect(room).toBeVisible({ timeout: 3_000 });
  await expect(room.locator('li[data-count="1"]')).toHaveCount(2);
  await expect(room.getByText(/← you/)).toBeVisible();
  await expect(a.getByTestId('measured')).toBeVisible();
  await expect(bob.page.getByTestId('room-answers')).toBeVisible({ timeout: 3_000 });

  // The projector view hides every name.
  await f.getByTestId('projector-view').check();
  await expect(f.getByTestId('participant-name')).toHaveText(['Participant 1', 'Participant 2', 'Participant 3']);
  await expect(f.getByTestId('workshop-console')).not.toContainText('Xavier');
  await expect(f.getByTestId('workshop-console')).not.toContainText('Yumi');
  await f.getByTestId('projector-view').uncheck();
  await expect(f.getByTestId('participant-name').first()).toHaveText('Xavier');

  // Remove the third participant (asked first), then close the workshop (asked first).
  await f.getByTestId('participant-row').nth(2).getByTestId('remove-participant').click();
  await f.getByTestId('remove-participant-confirm').click();
  await expect(f.getByTestId('participant-row')).toHaveCount(2);
  await f.getByTestId('close-workshop').click();
  await f.getByTestId('close-workshop-confirm').click();
  await expect(f.getByTestId('closed-badge')).toBeVisible();

  const late = await person(browser);
  await late.page.goto(`/join/${code}`);
  await expect(late.page.getByTestId('join-problem')).toHaveAttribute('data-reason', 'workshop-closed');
  await expect(late.page.getByTestId('join-problem')).toContainText('closed');

  for (const p of [facilitator, alice, bob, anon, late]) await p.context.close();
});

test('join page: an unknown code and a malformed one say so, and no lab is made', async ({ page }) => {
  await page.goto('/join');
  await page.getByLabel('Join code').fill('zz 12');
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByTestId('join-problem')).toHaveAttribute('data-reason', 'invalid-code');
  await page.getByLabel('Join code').fill('ccc ccc');
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByTestId('join-problem')).toHaveAttribute('data-reason', 'unknown-workshop');
  await expect(page.getByTestId('join-problem')).toContainText('No workshop has this code');
  expect(new URL(page.url()).pathname).toBe('/join');
});

test('the console refuses a browser without the key, and a wrong key', async ({ browser }) => {
  const owner = await person(browser);
  const res = await owner.page.request.post('/api/workshops', { data: {}, headers: { 'content-type': 'application/json' } });
  const { workshopId } = (await res.json()) as { workshopId: string };
  const stranger = await person(browser);
  await stranger.page.goto(`/workshop/${workshopId}`);
  await expect(stranger.page.getByTestId('console-refused')).toBeVisible();
  await expect(stranger.page.getByTestId('join-code')).toHaveCount(0);
  // A fresh load (a hash change alone is not one), as when the link is opened.
  await stranger.page.goto('about:blank');
  await stranger.page.goto(`/workshop/${workshopId}#key=${'A'.repeat(43)}`);
  await expect(stranger.page.getByTestId('console-refused')).toContainText('not accepted');
  expect(stranger.page.url()).not.toContain('#key');
  await owner.context.close();
  await stranger.context.close();
});
