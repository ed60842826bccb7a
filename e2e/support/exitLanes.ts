import { readFileSync } from 'node:fs';
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import type { AcceptedDeparture } from '../../app/ports/departureSubmission';
import { callHost } from './hostApi';
import { appUrl } from './hostToken';
import { signIn } from './signIn';

/** What the exit lane specs share: the records service's departures, selecting an occupant, opening a lane. */

/** Every departure the exit lane's records service holds (GET /v1/departures), in arrival order; `recordsUrlFile` names the service. */
export async function departuresReceived(recordsUrlFile: string): Promise<readonly AcceptedDeparture[]> {
  const response = await fetch(`${readFileSync(recordsUrlFile, 'utf8').trim()}/v1/departures`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { departures: AcceptedDeparture[] }).departures;
}

/** Arrow keys until `card` is the selected occupant (the keys act on it). */
export async function select(page: Page, card: Locator) {
  for (let step = 0; step < 8 && (await card.getAttribute('data-selected')) !== 'true'; step++) await page.keyboard.press('ArrowRight');
  await expect(card).toHaveAttribute('data-selected', 'true');
}

/** Signs in at the exit lane booth at `url` (the page's clock installed) and waits until its gallery is enrolled. */
export async function openExitLane(page: Page, url: string) {
  await page.clock.install();
  await page.goto(appUrl(url));
  await signIn(page);
  await expect(page.getByTestId('exit-gallery')).toHaveAttribute('data-phase', 'ready', { timeout: 120_000 });
}

/** The exit occupant cards showing `status`. */
export const exitCard = (page: Page, status: string) => page.locator(`[data-testid=exit-occupant-card][data-status=${status}]`);

/**
 * Plays a scripted departure at a lane without a plate (pedestrian, air) and waits until the page shows its own fresh
 * session: the simulated camera keeps whoever an earlier test left in front of it, and that person's card (same
 * traveller, same outcome) is on screen until the departure's session replaces it.
 */
export async function departs(page: Page, request: APIRequestContext, url: string, traveller: number) {
  const lane = page.getByTestId('exit-lane');
  const before = await lane.getAttribute('data-session');
  expect((await callHost(request, 'sim:exitArrives', { occupants: [traveller] }, url)).status).toBe(200);
  await expect.poll(() => lane.getAttribute('data-session'), { timeout: 30_000 }).not.toBe(before);
}
