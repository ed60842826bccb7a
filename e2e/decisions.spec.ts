import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { runAuditVerify } from '../main/cli/commands/audit';
import { callHost } from './support/hostApi';
import { e2eOutputDir, screenshotsDir, vehicleLaneUrl } from './support/paths';
import { signIn } from './support/signIn';
import { appUrl } from './support/hostToken';

/**
 * Decisions that survive: an officer works through a records-service outage (the decision is stored on the
 * booth and queued), the service comes back and the queue drains, a supervisor reviews the offline decision,
 * and the exported audit log verifies — every step in it.
 */
test.describe('decisions through an outage', () => {
  test.describe.configure({ timeout: 180_000 });

  test('offline decision, sync on recovery, supervisor review, verified audit log', async ({ page, request }) => {
    await page.goto(appUrl(vehicleLaneUrl));
    await expect(page.getByTestId('sign-in')).toBeVisible();
    // A wrong password is refused without saying which part was wrong.
    await page.getByTestId('sign-in-user').fill('officer');
    await page.getByTestId('sign-in-password').fill('not-the-password');
    await page.getByTestId('sign-in-password').press('Enter');
    await expect(page.getByTestId('sign-in-error')).toHaveText('Unknown user or wrong password.');
    // A failure makes the next attempt wait 1 s (the sign-in throttle); the officer types again after it.
    await page.waitForTimeout(1100);
    await signIn(page, 'officer');

    expect((await callHost(request, 'sim:setDeviceConnected', { kind: 'recordsService', connected: false }, vehicleLaneUrl)).status).toBe(200);
    try {
      // Nobody the cameras can match (the traveller is out of view): the officer decides on the papers.
      const outOfView = { mediaType: 'image/svg+xml', base64: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><rect width="200" height="200" fill="#345"/></svg>').toString('base64') };
      expect((await callHost(request, 'sim:vehicleArrives', { vehicle: 2, occupants: [{ traveller: 0, face: outOfView }] }, vehicleLaneUrl)).status).toBe(200);
      await expect(page.getByTestId('records-outage')).toBeVisible();
      const card = page.getByTestId('occupant-card').first();
      await expect(card).toHaveAttribute('data-selected', 'true');
      // Papers with no face seen: a mandatory referral; the officer refers with one key.
      await page.keyboard.press('f');
      await expect(card.getByTestId('occupant-recommendation')).toHaveAttribute('data-decision', 'refer');
      await expect(page.getByTestId('sync-state')).toHaveAttribute('data-tone', /queued|failing/, { timeout: 30_000 });
      expect(Number(await page.getByTestId('sync-state').getAttribute('data-queued'))).toBeGreaterThanOrEqual(1);
    } finally {
      expect((await callHost(request, 'sim:setDeviceConnected', { kind: 'recordsService', connected: true }, vehicleLaneUrl)).status).toBe(200);
    }
    // The service is back: the queue drains (exponential backoff; the first retries come within seconds).
    await expect(page.getByTestId('sync-state')).toHaveAttribute('data-tone', 'ok', { timeout: 90_000 });
    await expect(page.getByTestId('sync-state')).toHaveAttribute('data-queued', '0');

    // The officer locks and signs out; the supervisor reviews the offline decision.
    await page.keyboard.press('Alt+L');
    await expect(page.getByTestId('sign-in')).toContainText('Locked');
    await page.keyboard.press('Alt+O');
    await signIn(page, 'supervisor');
    await expect(page.getByTestId('review-list')).toBeVisible();
    // Above the queue, the supervisor sees the failed sign-in.
    await expect(page.getByTestId('sign-in-activity')).toContainText(/[1-9]\d* failed or refused sign-ins? in 24 h · no account locked/);
    await expect(page.getByTestId('review-row').first()).toBeVisible({ timeout: 30_000 });
    await page.keyboard.press('Enter');
    const detail = page.getByTestId('review-detail');
    await expect(detail).toBeVisible();
    // The offline decision with all its evidence: the rules' reasons, the officer, the model and threshold.
    await expect(detail.getByTestId('offline-flag')).toBeVisible();
    await expect(detail.getByTestId('rule-reasons')).toContainText(/records/i);
    await expect(detail.getByTestId('versions')).toBeVisible();
    // Made at an entry lane under the policy in force (90 FR 48604 since 26 December 2025): the decision says so.
    await expect(detail.getByTestId('decision-direction')).toHaveText('Entry');
    await expect(detail.getByTestId('decision-policy')).toContainText('(us-biometric-entry-exit.90fr48604)');
    await page.screenshot({ path: `${screenshotsDir}/supervisor-review.png`, fullPage: true });
    await page.keyboard.press('a');
    await expect(page.getByTestId('review-message')).toContainText(/approved/i, { timeout: 15_000 });

    // The audit log, exported by the supervisor, verifies; sign-ins, the decision and the review are in it.
    const download = page.waitForEvent('download');
    await page.keyboard.press('x');
    const file = `${e2eOutputDir}/audit-export.jsonl`;
    await (await download).saveAs(file);
    const verified = await runAuditVerify(file, { json: true });
    expect(verified.exitCode).toBe(0);
    // The synced decision carried the audit head: the export ends with the records service's anchor, and reaches it.
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, anchored: true, anchors: [{ source: 'file', result: 'reached' }] });
    await expect(page.getByTestId('notice')).toContainText(/Anchored at seq \d+ by the records service/);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const actions = lines.map((line) => (JSON.parse(line) as { action?: string }).action);
    expect(actions).toEqual(expect.arrayContaining(['sign_in_failed', 'sign_in', 'decision', 'screen_lock', 'sign_out', 'view_traveller', 'review', 'export']));
    const decided = lines.map((line) => JSON.parse(line) as { action?: string; details?: Record<string, unknown> }).find((entry) => entry.action === 'decision');
    expect(decided?.details).toMatchObject({ direction: 'entry', policyId: 'us-biometric-entry-exit.90fr48604' });
    // Cut from the anchored decision on (its entry and every one after, the anchor line kept): entries missing after the end.
    const anchoredSeq = (JSON.parse(lines.at(-1) ?? '{}') as { anchor: { seq: number } }).anchor.seq;
    const cut = `${e2eOutputDir}/audit-export-cut.jsonl`;
    writeFileSync(cut, [...lines.slice(0, anchoredSeq - 1), lines.at(-1)].join('\n'));
    expect((await runAuditVerify(cut)).exitCode).toBe(4);
  });
});
