import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import type { ReviewHarnessApi } from '../renderer/features/review/harness/reviewHarnessApi';

/**
 * A departure under supervisor review: the real <ReviewScreen> over the real DecisionStore in Chromium (IndexedDB,
 * sealed outbox items, audit chain), seeded through the real DepartureRecorder with an exit lane's offline
 * confirmation. The supervisor sees which look-alike the officer picked over which, the opt-out, the evidence and
 * the policy each departure was recorded under, as for a decision.
 */
type Method = keyof ReviewHarnessApi & string;
const call = <T = unknown>(page: Page, method: Method, ...args: unknown[]): Promise<T> =>
  page.evaluate(([m, a]) => (globalThis as unknown as { boothReviewHarness: Record<string, (...x: unknown[]) => Promise<unknown>> }).boothReviewHarness[m as string]?.(...(a as unknown[])), [method, args] as const) as Promise<T>;

const supervisor = { userId: 'sup-1', role: 'supervisor' } as const;
const detail = (page: Page) => page.getByTestId('review-detail');

test("an offline departure's review shows the officer's choice among look-alikes, the opt-out, the evidence and the policy it was made under", async ({ page }) => {
  const name = 'e2e-exit-review';
  await page.goto('features/review/harness/index.html');
  await page.waitForFunction(() => 'boothReviewHarness' in globalThis);
  await call(page, 'reset', name);
  const ids = await call<string[]>(page, 'seedOfflineDepartures', name);
  expect(ids).toHaveLength(2);
  await call(page, 'mount', name, supervisor);
  await expect(page.getByTestId('review-total')).toHaveText('2 items');
  await expect(page.getByTestId('review-row').nth(0)).toContainText('Offline decision');

  // The twin the officer picked: who over whom, with both scores, the face evidence and the PAD check.
  await page.keyboard.press('Enter');
  await expect(detail(page)).toHaveAttribute('data-review-id', ids[0] ?? '');
  await expect(page.getByTestId('departure-outcome')).toContainText('Departure recorded: EX-0005');
  await expect(page.getByTestId('offline-flag')).toBeVisible();
  await expect(page.getByTestId('decision-direction')).toHaveText('Exit');
  await expect(page.getByTestId('departure-officer-choice')).toContainText('Picked EX-0005 (score 0.612) over EX-0006 (score 0.604)');
  await expect(page.getByTestId('departure-officer-choice')).toContainText('2 look-alikes near the threshold 0.500');
  await expect(page.getByTestId('evidence')).toContainText('Face identified (1:N): EX-0005, score 0.612 vs threshold 0.500, false-positive identification rate 1 in 5,000 in a gallery of 6 (track t5)');
  await expect(page.getByTestId('evidence')).toContainText('Presentation attack check: score 0.040 vs threshold 0.500');
  await expect(page.getByTestId('departure-policy')).toContainText('(us-biometric-entry-exit.90fr48604) · at exit, departure records for lawful permanent residents, non-citizens');
  await expect(page.getByTestId('versions')).toContainText('Rules exit-rules-2026.12.3 · face model fr_feature v1 · calibration lfw-2026-12');

  // A approves; the opt-out opens next, judged by the policy's exit opt-out rule.
  await page.keyboard.press('a');
  await expect(page.getByTestId('review-message')).toContainText('Approved');
  await expect(detail(page)).toHaveAttribute('data-review-id', ids[1] ?? '');
  await expect(page.getByTestId('departure-outcome')).toContainText('Departure recorded: EX-0003');
  await expect(page.getByTestId('departure-officer-choice')).toContainText('Photography opt-out declared at');
  await expect(page.getByTestId('departure-policy')).toContainText('at exit, opt-out allowed for U.S. citizens; opt-outs recorded');
  await expect(page.getByTestId('evidence')).not.toContainText('Face identified');
  await expect(detail(page)).toContainText('duration of status');

  // Opening each was an audited view naming the departure.
  const audit = await call<{ ok: boolean; entries: { action: string; details: Record<string, unknown> }[] }>(page, 'audit', name, supervisor);
  expect(audit.ok).toBe(true);
  const viewed = audit.entries.filter((e) => e.action === 'view_traveller').map((e) => e.details.departureId);
  expect(viewed.every((id) => typeof id === 'string' && id.startsWith('departure-review-'))).toBe(true);
  expect(new Set(viewed).size).toBe(2);
});
