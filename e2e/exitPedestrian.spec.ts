import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { departuresReceived, exitCard, openExitLane } from './support/exitLanes';
import { callHost } from './support/hostApi';
import { datasetsDir, pedestrianExitLaneRecordsUrlFile, pedestrianExitLaneUrl, screenshotsDir } from './support/paths';

/**
 * A pedestrian exit lane, one traveller at a time: each scripted departure is its own lane session; the traveller's
 * face is identified against the lane's gallery in the real vision worker, confirmed or held, and the next traveller
 * starts afresh: no face, card, officer's choice or "recorded" mark of the previous one carries over.
 */
const haveData = existsSync(path.join(datasetsDir, 'faces-lfw', 'images'));
const received = () => departuresReceived(pedestrianExitLaneRecordsUrlFile);

test.describe('pedestrian exit lane', () => {
  test.skip(!haveData, 'needs BOOTH_DATASETS/faces-lfw');
  test.describe.configure({ timeout: 300_000 });

  test('travellers leave one at a time, each with a fresh session: confirmed, held with a choice left unconfirmed, then the next one clean', async ({ page, request }) => {
    const before = (await received()).length;
    await openExitLane(page, pedestrianExitLaneUrl);
    const cards = page.getByTestId('exit-occupant-card');
    const departs = async (traveller: number) => expect((await callHost(request, 'sim:exitArrives', { occupants: [traveller] }, pedestrianExitLaneUrl)).status).toBe(200);

    // Brandt, who overstayed: identified, confirmed with Enter.
    await departs(1);
    await expect(exitCard(page, 'overstay')).toHaveCount(1, { timeout: 150_000 });
    await expect(cards).toHaveCount(1);
    await expect(exitCard(page, 'overstay').getByTestId('exit-candidate-name')).toContainText('BRANDT');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('notice')).toContainText('Recorded: 1 departure');
    await expect(exitCard(page, 'overstay').getByTestId('exit-occupant-state')).toHaveText('Departure recorded');

    // Vera Okafor, an identical twin: ambiguous; the officer picks one but the traveller is not confirmed.
    await departs(4);
    await expect(exitCard(page, 'ambiguous')).toHaveCount(1, { timeout: 150_000 });
    await expect(cards).toHaveCount(1);
    await expect(page.getByTestId('exit-occupant-state')).not.toHaveText('Departure recorded');
    await page.keyboard.press('1');
    await expect(exitCard(page, 'departure_confirmed').getByTestId('exit-officer-choice-line')).toContainText('picked look-alike 1 of 2');

    // Holloway steps up next: his own session; nothing of the twin (face, pick, card) is on screen or confirmed with him.
    await departs(0);
    await expect(exitCard(page, 'departure_confirmed').getByTestId('exit-candidate-name')).toContainText('HOLLOWAY', { timeout: 150_000 });
    await expect(cards).toHaveCount(1);
    await expect(page.getByTestId('exit-officer-choice-line')).toHaveCount(0);
    await expect(page.getByTestId('exit-officer-choice')).toHaveCount(0);
    await expect(page.getByTestId('exit-occupant-state')).toHaveText('Enter confirms');
    await page.screenshot({ path: `${screenshotsDir}/exit-pedestrian.png`, fullPage: true });
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('notice')).toContainText('Recorded: 1 departure');

    // The records service received exactly Brandt's and Holloway's departures, each from its own session; the twin's none.
    await expect.poll(async () => (await received()).length - before, { timeout: 30_000 }).toBe(2);
    const departures = (await received()).slice(before).map((d) => d.departure);
    expect(departures.map((d) => d.travellerId).sort()).toEqual(['EX-0001', 'EX-0002']);
    expect(departures.every((d) => d.lane.laneType === 'pedestrian' && d.plate === null && d.direction === 'exit' && d.evidence.method === 'face_identification' && !d.evidence.officerChoice)).toBe(true);
    expect(new Set(departures.map((d) => d.sessionId)).size).toBe(2);
  });
});
