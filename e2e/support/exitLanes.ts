import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import type { AcceptedDeparture } from '../../app/ports/departureSubmission';
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
