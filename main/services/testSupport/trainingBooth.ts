import { fileURLToPath } from 'node:url';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inProcessCaller } from '../../../app/host/dispatchCaller';
import type { HostEvent } from '../../../app/host/events';
import { sequentialIds } from '../../../app/ports/Ids';
import { resolveSettings } from '../../../app/settings/boothSettings';
import { AccountStore } from '../accounts';
import { createBoothServices, type BoothServices } from '../createBoothServices';
import { ManualTime } from './manualTime';

export const scenariosDir = fileURLToPath(new URL('../../../assets/scenarios', import.meta.url));
export const start = new Date('2026-11-23T10:00:00Z');
const running: BoothServices[] = [];

/** Stops every booth the test started (call in afterEach). */
export async function stopTrainingBooths(): Promise<void> {
  for (const services of running.splice(0)) await services.stop();
}

/** The real simulated booth (document reader, chip simulator, records server), with time moved by hand. */
export async function simulatedBooth(raw: Record<string, unknown> = {}, startAt = start) {
  const time = new ManualTime(startAt);
  const accounts = AccountStore.inUserData(mkdtempSync(join(tmpdir(), 'booth-training-')));
  const services = createBoothServices({ resolved: resolveSettings(raw), version: 'test', clock: time, timers: time, ids: sequentialIds(), accounts });
  running.push(services);
  const events: HostEvent[] = [];
  services.events.subscribe((event) => events.push(event));
  await services.start();
  const player = services.training;
  if (!player) throw new Error('a simulated booth has a training player');
  /** Plays every step due by `seconds` after the start (each step finishes before the next is timed). */
  const playUntil = async (seconds: number) => {
    for (;;) {
      await player.settled();
      const due = time.nextDueAt();
      if (due === undefined || due > seconds * 1000) break;
      time.advance(due - time.elapsedMs);
    }
    await player.settled();
    if (time.elapsedMs < seconds * 1000) time.advance(seconds * 1000 - time.elapsedMs);
  };
  const connected = async (kind: string) => {
    const listed = await services.dispatch('devices:list', {}, inProcessCaller);
    return listed.ok && (listed.value as { kind: string; connected: boolean }[]).find((device) => device.kind === kind)?.connected;
  };
  // Reads reach the renderer in the lane session (lane:onSession), their chip reports with them.
  const sessionDocuments = () => events.flatMap((event) => (event.name === 'lane:onSession' ? event.payload.documents : []));
  const reads = () => [...new Map(sessionDocuments().map((document) => [document.read.readId, document.read])).values()];
  const documentsRead = () => reads().map((read) => read.mrz[0]);
  const chipReport = async (documentReadId: string) => {
    for (let waited = 0; waited < 15_000; waited += 20) {
      const found = sessionDocuments().find((document) => document.read.readId === documentReadId && document.chip)?.chip;
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no chip report for ${documentReadId}`);
  };
  const lastReadId = () => reads().at(-1)?.readId ?? '';
  return { services, events, time, player, playUntil, connected, documentsRead, chipReport, lastReadId };
}

