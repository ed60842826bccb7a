import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { DepartureGallery } from '../app/ports/departureGallery';
import { departs as departsAt, departuresReceived, exitCard, openExitLane } from './support/exitLanes';
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
    const departs = (traveller: number) => departsAt(page, request, pedestrianExitLaneUrl, traveller);

    // Brandt, who overstayed: identified, confirmed with Enter.
    await departs(1);
    await expect(exitCard(page, 'overstay')).toHaveCount(1, { timeout: 150_000 });
    await expect(cards).toHaveCount(1);
    await expect(exitCard(page, 'overstay').getByTestId('exit-candidate-name')).toContainText('BRANDT');
    // The officer holds him for an interview (H): Enter confirms nothing; then releases the hold (Backspace).
    await page.keyboard.press('h');
    await expect(exitCard(page, 'overstay').getByTestId('exit-officer-choice-line')).toContainText('held for inspection (not confirmed by Enter)');
    await expect(exitCard(page, 'overstay')).toHaveAttribute('data-confirmable', 'false');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('notice')).toContainText('Nothing to confirm');
    await page.keyboard.press('Backspace');
    await expect(exitCard(page, 'overstay')).toHaveAttribute('data-confirmable', 'true');
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

  test('a traveller with a gallery entry presents their passport: the face is also compared 1:1 with its photo, shown on the card and kept in the departure', async ({ page, request }) => {
    const before = (await received()).length;
    await openExitLane(page, pedestrianExitLaneUrl);
    await departsAt(page, request, pedestrianExitLaneUrl, 0);
    const card = exitCard(page, 'departure_confirmed');
    await expect(card.getByTestId('exit-candidate-name')).toContainText('HOLLOWAY', { timeout: 150_000 });
    await expect(card.getByTestId('exit-document-comparison')).toHaveCount(0);

    // He hands over his passport: its photo is the one the records service holds for his documents.
    const gallery = await callHost(request, 'exit:gallery', {}, pedestrianExitLaneUrl);
    const holloway = (gallery.body.value as DepartureGallery).entries.find((e) => e.surname.toUpperCase().includes('HOLLOWAY'));
    const photo = holloway?.documentPhotos.find((p) => p.image)?.image ?? holloway?.entryPhotos.find((p) => p.image)?.image;
    expect(photo, 'the gallery holds a photo of Holloway').toBeDefined();
    expect((await callHost(request, 'sim:readDocument', { traveller: 0, photo }, pedestrianExitLaneUrl)).status).toBe(200);

    const comparison = card.getByTestId('exit-document-comparison');
    await expect(comparison).toHaveAttribute('data-outcome', 'match', { timeout: 60_000 });
    await expect(comparison).toContainText(/^Face matches the document .* \(1:1, (chip|printed) photo\): score 0\.\d{3} vs threshold 0\.\d{3} at FMR 1 in [\d,]+ · model .+, calibration .+/);
    await expect(card).toHaveAttribute('data-confirmable', 'true');
    await page.screenshot({ path: `${screenshotsDir}/exit-pedestrian-document.png`, fullPage: true });
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('notice')).toContainText('Recorded: 1 departure');

    // The departure names him (the gallery's identification) and carries the 1:1 with the passport beside the 1:N.
    await expect.poll(async () => (await received()).length - before, { timeout: 30_000 }).toBe(1);
    const [departure] = (await received()).slice(before).map((d) => d.departure);
    expect(departure?.travellerId).toBe(holloway?.travellerId);
    expect(departure?.evidence).toMatchObject({ method: 'face_identification', documentComparison: { outcome: 'match' } });
  });

  test('a traveller presents someone else’s passport: the face does not match its photo, held, nothing recorded', async ({ page, request }) => {
    const before = (await received()).length;
    await openExitLane(page, pedestrianExitLaneUrl);
    await departsAt(page, request, pedestrianExitLaneUrl, 0);
    await expect(exitCard(page, 'departure_confirmed').getByTestId('exit-candidate-name')).toContainText('HOLLOWAY', { timeout: 150_000 });

    // Holloway hands over a passport bearing Brandt's photo.
    const gallery = await callHost(request, 'exit:gallery', {}, pedestrianExitLaneUrl);
    const brandt = (gallery.body.value as DepartureGallery).entries.find((e) => e.surname.toUpperCase().includes('BRANDT'));
    const photo = brandt?.documentPhotos.find((p) => p.image)?.image ?? brandt?.entryPhotos.find((p) => p.image)?.image;
    expect(photo, 'the gallery holds a photo of Brandt').toBeDefined();
    expect((await callHost(request, 'sim:readDocument', { traveller: 0, photo }, pedestrianExitLaneUrl)).status).toBe(200);

    const card = exitCard(page, 'document_face_mismatch');
    await expect(card.getByTestId('exit-outcome')).toHaveText('Face does not match the document presented: departure NOT confirmed', { timeout: 60_000 });
    await expect(card.getByTestId('exit-document-comparison')).toHaveAttribute('data-outcome', 'no_match');
    await expect(card.getByTestId('exit-document-comparison')).toContainText('Face does NOT match the document');
    await expect(card).toHaveAttribute('data-confirmable', 'false');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('notice')).toContainText('Nothing to confirm');
    expect((await received()).length - before).toBe(0);
  });
});

