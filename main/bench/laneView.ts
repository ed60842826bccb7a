/**
 * The lane as the officer meets it, in Chromium: a simulated 4-occupant vehicle (LFW faces on the driver-side
 * and rear cameras) arrives at the real host; measured from the last device read (the last document's chip
 * read, when `sim:vehicleArrives` returns) to the vehicle record being complete on screen (every occupant card
 * matched by the real vision worker), and the keystrokes the officer needs to clear a matching traveller.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { inProcessCaller } from '../../app/host/dispatchCaller';
import { resolveSettings } from '../../app/settings/boothSettings';
import { buildAll } from '../launcher/build';
import { startNodeHost } from '../host/NodeHost';
import { createBoothServices } from '../services/createBoothServices';

export interface LaneViewFigures {
  readonly runs: number;
  readonly completeRecordMs: readonly number[];
  readonly keystrokesToClearMatchingTraveller: number;
}

const played = [
  [1, 'Colin_Powell'],
  [0, 'Laura_Bush'],
  [4, 'Serena_Williams'],
  [3, 'Jennifer_Capriati'],
] as const;

export async function measureLaneView(repoRoot: string, datasets: string, runs: number): Promise<LaneViewFigures | { readonly skipped: string }> {
  const lfw = path.join(datasets, 'faces-lfw', 'images');
  const chromiumPath = process.env.BOOTH_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(lfw)) return { skipped: `faces-lfw not found under ${datasets} (set BOOTH_DATASETS)` };
  if (!existsSync(chromiumPath)) return { skipped: `no Chromium at ${chromiumPath} (set BOOTH_CHROMIUM)` };
  const photo = (identity: string, index: number) => {
    const file = readdirSync(path.join(lfw, identity)).sort()[index];
    if (!file) throw new Error(`faces-lfw has no photo ${index} of ${identity}`);
    return { mediaType: 'image/jpeg' as const, base64: readFileSync(path.join(lfw, identity, file)).toString('base64') };
  };
  const occupants = played.map(([traveller, identity]) => ({ traveller, documentPhoto: photo(identity, 0), gallery: [photo(identity, 1)], face: photo(identity, 2) }));

  process.env.BOOTH_USER_DATA = mkdtempSync(path.join(tmpdir(), 'booth-bench-lane-'));
  await buildAll();
  const services = createBoothServices({ resolved: resolveSettings({ boothId: 'BENCH-V', laneType: 'vehicle', devices: 'sim' }), version: 'bench' });
  await services.start();
  const host = await startNodeHost({ services, staticDir: path.join(repoRoot, 'dist/renderer'), port: 0 });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(host.appUrl());
    await page.getByTestId('sign-in-user').fill('officer');
    await page.getByTestId('sign-in-password').fill('booth-officer');
    await page.getByTestId('sign-in-password').press('Enter');
    await page.getByTestId('lane-shortcuts').waitFor();
    const completeRecordMs: number[] = [];
    let keystrokes = Number.NaN;
    for (let run = 0; run < runs; run++) {
      const previousSession = (await page.getByTestId('vehicle-header').count()) > 0 ? await page.getByTestId('vehicle-header').getAttribute('data-session') : null;
      const arrived = await services.dispatch('sim:vehicleArrives', { vehicle: 0, occupants }, inProcessCaller);
      if (!arrived.ok) throw new Error(`vehicle did not arrive: ${arrived.error.message}`);
      const lastDeviceRead = performance.now();
      await waitForCompleteRecord(page, 4, services.lane.current()?.sessionId ?? '', previousSession);
      completeRecordMs.push(performance.now() - lastDeviceRead);
      if (run === 0) keystrokes = await keystrokesToClearSelected(page);
    }
    return { runs, completeRecordMs, keystrokesToClearMatchingTraveller: keystrokes };
  } finally {
    await browser.close();
    await host.close();
    await services.stop();
  }
}

/** Polls the view until it shows `occupants` cards, every one matched (20 ms steps, like a person would not notice). */
async function waitForCompleteRecord(page: Page, occupants: number, sessionId: string, previousSession: string | null): Promise<void> {
  if (sessionId === previousSession) throw new Error('the vehicle did not open a new session');
  const deadline = performance.now() + 120_000;
  const header = page.locator(`[data-testid=vehicle-header][data-session="${sessionId}"]`);
  const cards = page.getByTestId('occupant-card');
  const matched = page.locator('[data-testid=occupant-card][data-status=matched]');
  while (performance.now() < deadline) {
    if ((await header.count()) === 1 && (await cards.count()) === occupants && (await matched.count()) === occupants) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`the vehicle record was not complete on screen within 120 s`);
}

/** Presses what the shortcut bar offers until the selected (matching) traveller's decision is recorded as clear. */
async function keystrokesToClearSelected(page: Page): Promise<number> {
  const selected = page.locator('[data-testid=occupant-card][data-selected=true]');
  if ((await selected.getAttribute('data-status')) !== 'matched') throw new Error('the first selected occupant is not a matching traveller');
  let presses = 0;
  for (const key of ['Enter', 'Enter', 'Enter']) {
    await page.keyboard.press(key);
    presses++;
    const decided = page.locator('[data-testid=occupant-card] [data-testid=occupant-recommendation][data-decision=clear]');
    if (await decided.first().waitFor({ timeout: 5000 }).then(() => true, () => false)) return presses;
  }
  return Number.POSITIVE_INFINITY;
}
