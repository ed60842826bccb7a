import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { DepartureGallery } from '../app/ports/departureGallery';
import { departuresReceived as receivedAt, openExitLane as openLane, select } from './support/exitLanes';
import { callHost } from './support/hostApi';
import { countRows } from './support/indexedDbRows';
import { datasetsDir, exitLaneRecordsUrlFile, exitLaneUrl, screenshotsDir } from './support/paths';

/**
 * The exit lane end to end: the booth fetches the lane's gallery and enrols it in the real vision worker; a scripted
 * car leaves with four occupants (an overstayer, one who never entered, a U.S. citizen, one on time) whose faces are
 * searched 1:N; one key confirms; only the non-citizens' departures go to the outbox; the citizen's photo is purged
 * 12 hours later on the page's injected clock.
 */
const haveData = existsSync(path.join(datasetsDir, 'faces-lfw', 'images'));

const departuresReceived = () => receivedAt(exitLaneRecordsUrlFile);
const openExitLane = (page: Page) => openLane(page, exitLaneUrl);

test.describe('exit lane', () => {
  test.skip(!haveData, 'needs BOOTH_DATASETS/faces-lfw');
  test.describe.configure({ timeout: 300_000 });

  test('four occupants leave: each outcome shown, one key confirms, only non-citizens get departure records, the citizen photo is gone after 12 hours', async ({ page, request }) => {
    const before = (await departuresReceived()).length;
    await openExitLane(page);
    await expect(page.getByTestId('exit-gallery')).toHaveAttribute('data-size', '6');
    await expect(page.getByTestId('exit-gallery-summary')).toContainText('6 travellers expected');
    // The gallery the page enrolled is the records service's answer to GET /v1/galleries/departures for this port and lane.
    const served = await fetch(`${readFileSync(exitLaneRecordsUrlFile, 'utf8').trim()}/v1/galleries/departures?${new URLSearchParams({ port: 'Blaine, WA', lane: 'vehicle' })}`);
    expect(((await served.json()) as { entries: unknown[] }).entries).toHaveLength(6);

    const departure = await callHost(request, 'sim:exitArrives', {}, exitLaneUrl);
    expect(departure.status).toBe(200);
    const cards = page.getByTestId('exit-occupant-card');
    await expect(cards).toHaveCount(4, { timeout: 150_000 });
    const card = (status: string) => page.locator(`[data-testid=exit-occupant-card][data-status=${status}]`);
    await expect(card('overstay')).toHaveCount(1, { timeout: 150_000 });
    await expect(card('overstay').getByTestId('exit-outcome')).toContainText(/Overstay \d+ days \(admitted until 2026-08-29\)/);
    await expect(card('overstay').getByTestId('exit-candidate-name')).toContainText('BRANDT');
    await expect(card('overstay').getByTestId('exit-candidate-score')).toContainText(/false-positive identification rate (below )?1 in [\d,]+/);
    await expect(card('citizen')).toHaveCount(1);
    await expect(card('citizen').getByTestId('exit-candidate-name')).toContainText('WALKER');
    await expect(card('departure_confirmed')).toHaveCount(1);
    await expect(card('departure_confirmed').getByTestId('exit-candidate-name')).toContainText('HOLLOWAY');
    await expect(card('not_identified')).toHaveCount(1);
    await expect(card('not_identified').getByTestId('exit-outcome')).toContainText('Photograph or inspect');
    await page.screenshot({ path: `${screenshotsDir}/exit-lane.png`, fullPage: true });

    await page.keyboard.press('Enter');
    await expect(page.getByTestId('notice')).toContainText('Recorded: 2 departures, 1 U.S. citizen confirmed without a record');
    await expect(card('overstay').getByTestId('exit-occupant-state')).toHaveText('Departure recorded');
    await expect(card('citizen').getByTestId('exit-occupant-state')).toHaveText('Confirmed, nothing sent');
    await expect(card('not_identified').getByTestId('exit-occupant-state')).toContainText('photograph, inspect or refer');
    // Exactly the two non-citizens' departures are on the outbox; the citizen's photo is kept, for now.
    expect(await countRows(page, 'outbox')).toBe(2);
    expect(await countRows(page, 'retainedBiometrics')).toBe(1);
    // The outbox syncs them through the HTTP records client: POST /v1/departures, each exactly once, the citizen never.
    await expect.poll(async () => (await departuresReceived()).length - before, { timeout: 30_000 }).toBe(2);
    // Unplugging and replugging the service makes the client sync again: nothing is sent twice.
    expect((await callHost(request, 'sim:setDeviceConnected', { kind: 'recordsService', connected: false }, exitLaneUrl)).status).toBe(200);
    expect((await callHost(request, 'sim:setDeviceConnected', { kind: 'recordsService', connected: true }, exitLaneUrl)).status).toBe(200);
    // The reconnection's own notice arrives when the host's status does: wait for it, or it can replace Enter's answer.
    await expect(page.getByTestId('notice')).toContainText('Records service reconnected');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('notice')).toContainText('Nothing to confirm');
    const received = (await departuresReceived()).slice(before);
    expect(received.map((d) => d.departure.travellerId).sort()).toEqual(['EX-0001', 'EX-0002']);
    expect(new Set(received.map((d) => d.idempotencyKey)).size).toBe(2);
    expect(received.map((d) => d.departure.evidence.method)).toEqual(['face_identification', 'face_identification']);
    expect(received.find((d) => d.departure.travellerId === 'EX-0002')?.departure).toMatchObject({ overstayDays: expect.any(Number), direction: 'exit', port: 'Blaine, WA', plate: 'BTH4821' });

    // Twelve hours later (the page's clock), the citizen's photo has been purged.
    await page.clock.fastForward('12:00:01');
    await expect.poll(() => countRows(page, 'retainedBiometrics'), { timeout: 30_000 }).toBe(0);
  });
  test('identical twins are shown as ambiguous and never resolved by the booth; the officer picks one (1-9) or none (X), and a U.S. citizen opts out (O): each changeable or undone (Backspace) until confirmed, then recorded as such and final', async ({ page, request }) => {
    const before = (await departuresReceived()).length;
    await openExitLane(page);
    // A U.S. citizen and the Okafor twins (one face, two gallery identities).
    expect((await callHost(request, 'sim:exitArrives', { occupants: [2, 4, 5] }, exitLaneUrl)).status).toBe(200);
    const cards = page.getByTestId('exit-occupant-card');
    await expect(cards).toHaveCount(3, { timeout: 150_000 });
    const card = (status: string) => page.locator(`[data-testid=exit-occupant-card][data-status=${status}]`);
    await expect(card('ambiguous')).toHaveCount(2, { timeout: 150_000 });
    await expect(card('citizen')).toHaveCount(1, { timeout: 150_000 });
    for (const twin of await card('ambiguous').all()) {
      // Both candidates shown, numbered by the key that picks them, none chosen; the card is held, not confirmable.
      await expect(twin.getByTestId('exit-outcome')).toHaveText('Ambiguous: 2 look-alike candidates, officer to decide');
      await expect(twin.getByTestId('exit-candidate')).toHaveCount(2);
      expect((await twin.getByTestId('exit-candidate').evaluateAll((els) => els.map((e) => e.getAttribute('data-traveller')))).sort()).toEqual(['EX-0005', 'EX-0006']);
      await expect(twin.getByTestId('exit-candidate-key')).toHaveText(['1', '2']);
      await expect(twin).toHaveAttribute('data-confirmable', 'false');
      await expect(twin.getByTestId('exit-occupant-state')).toHaveText('Officer: compare, then press 1–2 to pick, or X for none of them');
    }
    await expect(page.getByTestId('lane-shortcuts')).toContainText('Photography opt-out');
    await expect(page.getByTestId('lane-shortcuts')).toContainText('Pick look-alike candidate');

    // The citizen declines photography: no photo shown or kept, recorded as an opt-out.
    await select(page, card('citizen'));
    await page.keyboard.press('o');
    await expect(card('opt_out')).toHaveCount(1);
    await expect(card('opt_out').getByTestId('exit-outcome')).toHaveText('Opted out of photography: documents inspected, no photo kept');
    await expect(card('opt_out').getByTestId('best-shot')).toHaveCount(0);
    await expect(card('opt_out')).toHaveAttribute('data-confirmable', 'true');
    await expect(card('opt_out').getByTestId('exit-officer-choice-line')).toHaveText("Officer's choice: photography opt-out · Backspace undoes");
    // A mistaken opt-out is undone before confirming (Backspace, on the shortcut bar): the citizen is shown as identified again; then declared again.
    await expect(page.getByTestId('lane-shortcuts')).toContainText('Undo choice (before confirming)');
    await page.keyboard.press('Backspace');
    await expect(card('citizen')).toHaveCount(1);
    await expect(card('opt_out')).toHaveCount(0);
    await expect(card('citizen').getByTestId('exit-officer-choice-line')).toHaveCount(0);
    await page.keyboard.press('o');
    await expect(card('opt_out')).toHaveCount(1);

    // The first twin: the officer compares and picks the candidate numbered 1 on the card.
    const first = card('ambiguous').first();
    const picked = await first.getByTestId('exit-candidate').first().getAttribute('data-traveller');
    await select(page, first);
    await page.keyboard.press('1');
    const chosen = page.locator(`[data-testid=exit-occupant-card][data-status=departure_confirmed]`);
    await expect(chosen).toHaveCount(1);
    await expect(chosen.getByTestId('exit-officer-choice')).toHaveText('Chosen by the officer among 2 look-alike candidates');
    await expect(chosen.getByTestId('exit-candidate')).toHaveAttribute('data-traveller', picked ?? '');
    // The officer changes their mind before confirming: 2 picks the other twin, Backspace undoes the pick, 1 picks again.
    const other = picked === 'EX-0005' ? 'EX-0006' : 'EX-0005';
    await page.keyboard.press('2');
    await expect(chosen.getByTestId('exit-candidate')).toHaveAttribute('data-traveller', other);
    await expect(chosen.getByTestId('exit-officer-choice-line')).toHaveText(`Officer's choice: picked look-alike 2 of 2 (${other}) · 1–2 or X changes it, Backspace undoes`);
    await page.keyboard.press('Backspace');
    await expect(card('ambiguous')).toHaveCount(2);
    await expect(chosen).toHaveCount(0);
    await page.keyboard.press('1');
    await expect(chosen.getByTestId('exit-candidate')).toHaveAttribute('data-traveller', picked ?? '');
    await expect(chosen.getByTestId('exit-officer-choice-line')).toHaveText(`Officer's choice: picked look-alike 1 of 2 (${picked ?? ''}) · 1–2 or X changes it, Backspace undoes`);
    // The other twin: none of them (the officer will inspect).
    await expect(card('ambiguous')).toHaveCount(1);
    await select(page, card('ambiguous'));
    await page.keyboard.press('x');
    await expect(card('not_identified')).toHaveCount(1);
    await expect(card('not_identified').getByTestId('exit-outcome')).toHaveText('Not identified: the officer ruled out 2 look-alike candidates. Photograph or inspect documents');
    await page.screenshot({ path: `${screenshotsDir}/exit-lane-twins-opt-out.png`, fullPage: true });

    await page.keyboard.press('Enter');
    await expect(page.getByTestId('notice')).toContainText('Recorded: 1 departure, 0 U.S. citizens confirmed without a record, 1 opt-out (documents inspected, no photo kept), 1 look-alike search ruled out by the officer.');
    await expect(chosen.getByTestId('exit-occupant-state')).toHaveText('Departure recorded');
    await expect(card('opt_out').getByTestId('exit-occupant-state')).toHaveText('Opt-out recorded');
    await expect(card('not_identified').getByTestId('exit-occupant-state')).toContainText('photograph, inspect or refer');
    // Confirmed is final: another pick, or an undo, is refused and the card keeps what was recorded.
    await select(page, chosen);
    await page.keyboard.press('2');
    await expect(page.getByTestId('notice')).toContainText('Already recorded: a confirmed occupant cannot be changed');
    await page.keyboard.press('Backspace');
    await expect(chosen.getByTestId('exit-candidate')).toHaveAttribute('data-traveller', picked ?? '');
    await expect(chosen.getByTestId('exit-officer-choice-line')).toHaveText(`Officer's choice: picked look-alike 1 of 2 (${picked ?? ''}) · recorded: cannot be changed`);
    await expect(card('opt_out').getByTestId('exit-occupant-state')).toHaveText('Opt-out recorded');
    // No photo kept of anyone: the citizen opted out, and nobody else is a citizen.
    expect(await countRows(page, 'retainedBiometrics')).toBe(0);
    expect(await countRows(page, 'outbox')).toBe(2);

    // The records service receives the pick (its evidence names both twins and the officer's choice) and the opt-out as such.
    await expect.poll(async () => (await departuresReceived()).length - before, { timeout: 30_000 }).toBe(2);
    const received = (await departuresReceived()).slice(before).map((d) => d.departure);
    const face = received.find((d) => d.evidence.method === 'face_identification');
    expect(face).toMatchObject({ travellerId: picked, evidence: { candidateId: picked, officerChoice: { among: [expect.anything(), expect.anything()] } } });
    const among = face?.evidence.method === 'face_identification' ? (face.evidence.officerChoice?.among.map((c) => c.candidateId) ?? []) : [];
    expect(among.sort()).toEqual(['EX-0005', 'EX-0006']);
    expect(received.find((d) => d.evidence.method === 'opt_out')).toMatchObject({ travellerId: 'EX-0003', overstayDays: null, evidence: { method: 'opt_out', declaredAt: expect.any(String) } });
  });

  test('a passport presented that no occupant\'s face matches is a held card of its own: named, never confirmed by Enter, no departure for it, while the occupant seen is confirmed', async ({ page, request }) => {
    const before = (await departuresReceived()).length;
    await openExitLane(page);
    expect((await callHost(request, 'sim:exitArrives', { occupants: [0] }, exitLaneUrl)).status).toBe(200);
    const card = (status: string) => page.locator(`[data-testid=exit-occupant-card][data-status=${status}]`);
    await expect(card('departure_confirmed').getByTestId('exit-candidate-name')).toContainText('HOLLOWAY', { timeout: 150_000 });

    // A passport bearing Brandt's photo is handed over; Brandt is not aboard (nobody's face matches it).
    const gallery = await callHost(request, 'exit:gallery', {}, exitLaneUrl);
    const brandt = (gallery.body.value as DepartureGallery).entries.find((e) => e.surname.toUpperCase().includes('BRANDT'));
    const photo = brandt?.documentPhotos.find((p) => p.image)?.image ?? brandt?.entryPhotos.find((p) => p.image)?.image;
    expect(photo, 'the gallery holds a photo of Brandt').toBeDefined();
    expect((await callHost(request, 'sim:readDocument', { traveller: 1, photo }, exitLaneUrl)).status).toBe(200);

    const papers = card('document_without_face');
    await expect(papers.getByTestId('exit-document-comparison')).toHaveAttribute('data-outcome', 'no_match', { timeout: 60_000 });
    await expect(papers.getByTestId('exit-outcome')).toHaveText(/^Document of .+ \([A-Z<]{1,3} \w+\) presented, but no face seen matches it: nobody confirmed on it, find its holder$/);
    await expect(papers.getByTestId('exit-document-comparison')).toContainText('Face does NOT match the document');
    await expect(papers).toHaveAttribute('data-confirmable', 'false');
    await expect(papers.getByTestId('exit-occupant-state')).toHaveText('Officer: photograph, inspect or refer');
    // Holloway's face is not tied to that passport: his departure stands on the gallery's identification.
    await expect(card('departure_confirmed')).toHaveAttribute('data-confirmable', 'true');
    await expect(page.getByTestId('exit-occupant-card')).toHaveCount(2);
    await page.screenshot({ path: `${screenshotsDir}/exit-lane-document-without-face.png`, fullPage: true });

    // The opt-out key has nobody to act on there.
    await select(page, papers);
    await page.keyboard.press('o');
    await expect(page.getByTestId('notice')).toContainText('The selected card is a document, not a traveller seen: find its holder first');
    await expect(papers.getByTestId('exit-officer-choice-line')).toHaveCount(0);

    await page.keyboard.press('Enter');
    await expect(page.getByTestId('notice')).toContainText('Recorded: 1 departure, 0 U.S. citizens confirmed without a record');
    await expect(card('departure_confirmed').getByTestId('exit-occupant-state')).toHaveText('Departure recorded');
    await expect(papers.getByTestId('exit-occupant-state')).toHaveText('Officer: photograph, inspect or refer');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('notice')).toContainText('Nothing to confirm');
    // Exactly Holloway's departure reaches the records service; none names the passport.
    await expect.poll(async () => (await departuresReceived()).length - before, { timeout: 30_000 }).toBe(1);
    const received = (await departuresReceived()).slice(before).map((d) => d.departure);
    expect(received.map((d) => [d.travellerId, d.evidence.method])).toEqual([['EX-0001', 'face_identification']]);
    expect(await countRows(page, 'outbox')).toBe(1);
  });
});
