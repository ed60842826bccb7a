import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import type { ReviewHarnessApi } from '../renderer/features/review/harness/reviewHarnessApi';

/**
 * The supervisor review screen in real Chromium over the real DecisionStore (IndexedDB, sealed rows, audit chain),
 * driven only from the keyboard, through the review harness page the test build adds.
 */
type Method = keyof ReviewHarnessApi & string;
const call = <T = unknown>(page: Page, method: Method, ...args: unknown[]): Promise<T> =>
  page.evaluate(([m, a]) => (globalThis as unknown as { boothReviewHarness: Record<string, (...x: unknown[]) => Promise<unknown>> }).boothReviewHarness[m as string]?.(...(a as unknown[])), [method, args] as const) as Promise<T>;

const supervisor = { userId: 'sup-1', role: 'supervisor' } as const;
const threeHoursTwelve = (3 * 60 + 12) * 60_000 + 20_000;

async function openHarness(page: Page, name: string): Promise<string[]> {
  await page.goto('features/review/harness/index.html');
  await page.waitForFunction(() => 'boothReviewHarness' in globalThis);
  await call(page, 'reset', name);
  return call<string[]>(page, 'seedThree', name, threeHoursTwelve);
}

const rows = (page: Page) => page.getByTestId('review-row');
const detail = (page: Page) => page.getByTestId('review-detail');
const message = (page: Page) => page.getByTestId('review-message');

test.describe('supervisor review', () => {
  test('approves with A and returns with R and a note, from the keyboard, showing all the evidence; both verdicts are audited', async ({ page }) => {
    const name = 'e2e-review';
    const ids = await openHarness(page, name);
    await call(page, 'mount', name, supervisor);

    await expect(page.getByTestId('review-total')).toHaveText('3 items');
    await expect(rows(page)).toHaveCount(3);
    await expect(rows(page).nth(0)).toContainText('3 h 12 min');
    await expect(rows(page).nth(0)).toContainText('Offline decision');
    await expect(rows(page).nth(0)).toContainText('officer-7');
    await expect(rows(page).nth(0)).toContainText('Cleared');
    await expect(rows(page).nth(1)).toContainText('Chip failure +1');
    await expect(rows(page).nth(2)).toContainText('Override attempt');
    for (const key of ['↑ ↓', 'Enter', 'A', 'R', 'F', 'S']) await expect(page.getByTestId('review-shortcuts')).toContainText(key);

    // Enter opens the evidence beside the list (no dialog).
    await page.keyboard.press('Enter');
    await expect(detail(page)).toHaveAttribute('data-review-id', ids[0] ?? '');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByTestId('detail-age')).toHaveText('3 h 12 min');
    await expect(page.getByTestId('offline-flag')).toBeVisible();
    await expect(page.getByTestId('rule-reasons')).toContainText('Records service unavailable');
    await expect(page.getByTestId('evidence')).toContainText('Records service outage: records service timed out (timeout)');
    await expect(page.getByTestId('evidence')).toContainText('Identity: doc:UTO:L00900000');
    await expect(page.getByTestId('versions')).toContainText('inspection-rules-2026.11.1');
    await expect(page.getByTestId('versions')).toContainText('threshold 0.42');
    await expect(detail(page)).toContainText('records down; passport and face checked');

    // A approves; the list loses the item and the next one opens.
    await page.keyboard.press('a');
    await expect(message(page)).toContainText('Approved: Offline decision by officer-7');
    await expect(page.getByTestId('review-total')).toHaveText('2 items');
    await expect(detail(page)).toHaveAttribute('data-review-id', ids[1] ?? '');
    await expect(page.getByTestId('rule-reasons')).toContainText('Chip not read');

    // R opens the note inline; a return needs a note; typing shortcut letters in it is just text.
    await page.keyboard.press('r');
    const note = page.getByLabel('Return to the officer: what must they do or explain?');
    await expect(note).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('return-note')).toContainText('A return needs a note.');
    await page.keyboard.type('Read the chip again and add the result; refer if it fails');
    await expect(page.getByTestId('review-filters').getByRole('button', { name: 'All kinds' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('review-total')).toHaveText('2 items');
    await page.keyboard.press('Enter');
    await expect(message(page)).toContainText('Returned: Chip failure by officer-7');
    await expect(page.getByTestId('review-total')).toHaveText('1 item');

    // The override attempt is next, with its alert.
    await expect(detail(page)).toHaveAttribute('data-review-id', ids[2] ?? '');
    await expect(page.getByTestId('review-alert')).toContainText('officer-7 tried to clear a mandatory referral');
    await expect(page.getByTestId('review-alert')).toContainText('Face did not match the document');

    expect((await call<{ reviewId: string }[]>(page, 'itemsIn', name, 'approved')).map((i) => i.reviewId)).toEqual([ids[0]]);
    expect((await call<{ reviewId: string }[]>(page, 'itemsIn', name, 'returned')).map((i) => i.reviewId)).toEqual([ids[1]]);
    expect((await call<{ reviewId: string }[]>(page, 'itemsIn', name, 'open')).map((i) => i.reviewId)).toEqual([ids[2]]);

    // S walks to the returned items: the verdict and its note are shown.
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('review-detail')).toHaveCount(0);
    await page.keyboard.press('s');
    await page.keyboard.press('s');
    await expect(page.getByTestId('review-filters').getByRole('button', { name: 'Returned' })).toHaveAttribute('aria-pressed', 'true');
    // The filter's button turns before its list arrives: Enter on the list still loading opens nothing.
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).nth(0)).toContainText('Chip failure');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('review-resolution')).toContainText('Returned by sup-1');
    await expect(page.getByTestId('supervisor-note')).toContainText('Read the chip again and add the result; refer if it fails');

    const audit = await call<{ ok: boolean; entries: { action: string; actor: { userId: string; role: string }; subject?: { id: string }; details: Record<string, unknown> }[] }>(page, 'audit', name, supervisor);
    expect(audit.ok).toBe(true);
    const reviews = audit.entries.filter((e) => e.action === 'review');
    expect(reviews.map((e) => ({ by: e.actor, id: e.subject?.id, verdict: e.details.verdict, withNote: e.details.withNote }))).toEqual([
      { by: supervisor, id: ids[0], verdict: 'approved', withNote: false },
      { by: supervisor, id: ids[1], verdict: 'returned', withNote: true },
    ]);
    // Every opened item is an audited view of traveller data.
    const views = audit.entries.filter((e) => e.action === 'view_traveller' && e.actor.userId === supervisor.userId).map((e) => e.subject?.id);
    expect(new Set(views)).toEqual(new Set(ids));
  });

  test('shows the store refusing a verdict: not permitted, and already reviewed elsewhere; F filters by kind', async ({ page }) => {
    const name = 'e2e-review-errors';
    const ids = await openHarness(page, name);

    await call(page, 'mount', name, { userId: 'officer-9', role: 'officer' });
    await expect(rows(page).first()).toHaveAttribute('data-loaded', 'true');
    await page.keyboard.press('a');
    await expect(message(page)).toContainText('Open the item with Enter first');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('detail-state')).toHaveText('Open');
    await page.keyboard.press('a');
    await expect(message(page)).toContainText('You are not permitted to review');
    await expect(message(page)).toHaveClass(/notice-error/);

    await call(page, 'mount', name, supervisor);
    await expect(rows(page).first()).toHaveAttribute('data-loaded', 'true');
    await page.keyboard.press('Enter');
    await expect(detail(page)).toHaveAttribute('data-review-id', ids[0] ?? '');
    await call(page, 'applyElsewhere', name, ids[0], { userId: 'sup-2', role: 'supervisor' });
    await page.keyboard.press('a');
    await expect(message(page)).toContainText('Already reviewed by someone else');
    await expect(page.getByTestId('review-resolution')).toContainText('Approved by sup-2');
    await expect(page.getByTestId('review-total')).toHaveText('2 items');

    await page.keyboard.press('f');
    await expect(page.getByTestId('review-filters').getByRole('button', { name: 'Override attempt' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('review-total')).toHaveText('1 item');
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toHaveAttribute('data-review-id', ids[2] ?? '');
    await page.keyboard.press('Shift+F');
    await expect(page.getByTestId('review-total')).toHaveText('2 items');
  });

  test('a referral of a face with no reference photo to compare it with says so, also when stored before it had its own code', async ({ page }) => {
    const name = 'e2e-review-not-compared';
    await page.goto('features/review/harness/index.html');
    await page.waitForFunction(() => 'boothReviewHarness' in globalThis);
    await call(page, 'reset', name);
    const ids = await call<string[]>(page, 'seedFaceNotCompared', name);
    await call(page, 'mount', name, supervisor);
    await expect(page.getByTestId('review-total')).toHaveText('3 items');

    const notVerified = 'Face not verified: no reference photo to compare it with';
    // Stored before the code existed: its code is kept, its reason shown for what it was.
    await page.keyboard.press('Enter');
    await expect(detail(page)).toHaveAttribute('data-review-id', ids[0] ?? '');
    await expect(page.getByTestId('rule-reasons')).toHaveText(`${notVerified} (face_not_matched)`);
    await expect(page.getByTestId('evidence')).toContainText('Faces seen: 1 (track-1)');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(detail(page)).toHaveAttribute('data-review-id', ids[1] ?? '');
    await expect(page.getByTestId('rule-reasons')).toHaveText(`${notVerified} (face_not_compared)`);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(detail(page)).toHaveAttribute('data-review-id', ids[2] ?? '');
    await expect(page.getByTestId('review-alert')).toContainText(`mandatory: ${notVerified}`);
    await expect(page.getByTestId('review-alert')).not.toContainText('Face did not match the document');
  });

  test('a queue of thousands keeps a few dozen rows in the DOM and pages as it scrolls', async ({ page }) => {
    const name = 'e2e-review-many';
    await openHarness(page, name);
    await call(page, 'seedMany', name, 3000);
    await call(page, 'mount', name, supervisor);
    await expect(page.getByTestId('review-total')).toHaveText('3,003 items');
    await expect(rows(page).first()).toHaveAttribute('data-loaded', 'true');
    expect(await rows(page).count()).toBeLessThan(60);
    await expect(rows(page).first()).toContainText('2 d');

    await page.keyboard.press('End');
    const last = page.locator('[data-testid="review-row"][aria-selected="true"]');
    await expect(last).toHaveAttribute('data-index', '3002');
    await expect(last).toHaveAttribute('data-loaded', 'true');
    await expect(last).toContainText('Override attempt');
    expect(await rows(page).count()).toBeLessThan(60);
    await page.keyboard.press('PageUp');
    await expect(page.locator('[data-testid="review-row"][aria-selected="true"]')).toHaveAttribute('data-index', '2992');
    await page.keyboard.press('Home');
    await expect(page.locator('[data-testid="review-row"][aria-selected="true"]')).toHaveAttribute('data-index', '0');
    await expect(page.locator('[data-testid="review-row"][aria-selected="true"]')).toHaveAttribute('data-review-id', 'review-decision-0');
  });
});
