import { afterEach, describe, expect, it } from 'vitest';
import { sequentialIds } from '../../app/ports/Ids';
import { SimulatedCameraBridge } from '../../native-bridges/camera/SimulatedCameraBridge';
import { SimulatedPlateReader } from '../../native-bridges/plate-reader/SimulatedPlateReader.node.ts';
import { SimulatedRecordsService } from '../../native-bridges/records-service/SimulatedRecordsService.node.ts';
import { exitHandlers } from './handlers/exitHandlers';
import { SimulatedExitArrivals } from './simulatedExitArrival';
import { dataset } from '../../testSupport/datasets';

const clock = { now: () => new Date('2026-12-07T18:00:00Z') };
const cameras = [
  { id: 'cam-driver', label: 'Driver side', position: 'driver' as const },
  { id: 'cam-rear', label: 'Rear', position: 'rear' as const },
  { id: 'cam-rear-right', label: 'Rear, right', position: 'rear' as const },
];
const haveFaces = dataset(import.meta.url, 'faces-lfw/images', 'a simulated departure with real faces').present;
let records: SimulatedRecordsService | undefined;
afterEach(async () => records?.stop());

describe('simulated exit lanes', () => {
  it.skipIf(!haveFaces)('a departure puts the four occupants on the cameras, reads the plate, and the gallery is served with their real faces', async () => {
    records = new SimulatedRecordsService({ clock });
    await records.start();
    const camera = new SimulatedCameraBridge(cameras, clock);
    const plateReader = new SimulatedPlateReader({ clock, ids: sequentialIds() });
    const plates: string[] = [];
    plateReader.onVehicle((v) => plates.push(v.best.plate));
    await plateReader.start?.();
    const exits = new SimulatedExitArrivals({ records, camera, plateReader }, cameras, 'vehicle');
    expect(exits.arrive({})).toMatchObject({ plate: 'BTH4821', occupants: 4, label: expect.stringContaining('Brandt: overstayed') });
    const scenes = new Map(camera.scenes().map((s) => [s.cameraId, s]));
    expect(plates).toContain('BTH4821');
    expect(scenes.get('cam-driver')?.people).toHaveLength(2);
    expect(scenes.get('cam-rear')?.people).toHaveLength(2);
    // A second rear camera shows nobody (its own video would be searched for faces in vain).
    expect(scenes.get('cam-rear-right')?.people).toEqual([]);
    const gallery = await exitHandlers(records, { exitPort: 'Blaine, WA', laneType: 'vehicle' })['exit:gallery']({}, { userId: null } as never);
    expect(gallery.entries).toHaveLength(6);
    expect(gallery.entries.every((e) => e.entryPhotos[0]?.image?.mediaType === 'image/jpeg' && e.documentPhotos[0]?.image?.mediaType === 'image/jpeg')).toBe(true);
    // The camera shows a photo other than the gallery's own (a live capture is never the enrolled image).
    const brandt = gallery.entries.find((e) => e.surname === 'BRANDT');
    expect(scenes.get('cam-driver')?.people[0]?.base64).not.toBe(brandt?.entryPhotos[0]?.image?.base64);
    expect(() => exits.arrive({ occupants: [42] })).toThrow('there is no scripted exit traveller 42');
  });

  it('the exit gallery channel says the records service is unavailable instead of answering nothing', async () => {
    const down = { departureGallery: async () => ({ ok: false as const, error: { code: 'timeout' as const, message: 'no answer within 1500 ms' }, durationMs: 1500 }) };
    await expect(exitHandlers(down, { exitPort: 'Blaine, WA', laneType: 'air' })['exit:gallery']({}, { userId: null } as never)).rejects.toMatchObject({ code: 'device_unavailable', message: expect.stringContaining('Blaine, WA could not be fetched (timeout)') });
  });
});
