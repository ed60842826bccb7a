import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CameraScene } from '../../app/ports/cameraScene';
import { sequentialIds } from '../../app/ports/Ids';
import { SimulatedCameraBridge } from '../../native-bridges/camera/SimulatedCameraBridge';
import { SimulatedDocumentReader } from '../../native-bridges/document-reader/SimulatedDocumentReader.node.ts';
import type { RecordsScenario } from '../../native-bridges/records-service/scriptedRecords.node.ts';
import { noFacesDatasetNote } from './simulatedOccupantFaces';
import { SimulatedTravellerArrivals } from './simulatedTravellerArrival';

const clock = { now: () => new Date('2026-11-23T10:00:00Z') };
const cameras = [{ id: 'cam-traveller', label: 'Traveller camera', position: 'traveller' as const }];

/** A stand-in faces-lfw: each identity's "photos" are distinct bytes named as LFW names them (six each: the simulator picks its three by index). */
function fakeDataset(identities: readonly string[]): string {
  const root = mkdtempSync(path.join(tmpdir(), 'booth-faces-'));
  for (const identity of identities) {
    const folder = path.join(root, 'faces-lfw', 'images', identity);
    mkdirSync(folder, { recursive: true });
    for (let i = 1; i <= 6; i++) writeFileSync(path.join(folder, `${identity}_000${i}.jpg`), `${identity}-${i}`);
  }
  return root;
}
const bytesOf = (image: { base64: string } | undefined) => (image ? Buffer.from(image.base64, 'base64').toString() : undefined);

function booth(datasets: string) {
  const camera = new SimulatedCameraBridge(cameras, clock);
  const scenes: CameraScene[] = [];
  camera.onScene((scene) => scenes.push(scene));
  const scenarios: RecordsScenario[] = [];
  const arrivals = new SimulatedTravellerArrivals({ camera, records: { setScenario: (s) => scenarios.push(s) } }, cameras, datasets);
  const reader = new SimulatedDocumentReader({ clock, ids: sequentialIds(), stepUp: (t, photo) => arrivals.stepUp(t, photo) });
  return { camera, reader, scenes, scenarios, arrivals };
}

describe('one-traveller lanes: scripted travellers step up with real faces', () => {
  const datasets = fakeDataset(['Laura_Bush', 'Colin_Powell', 'Serena_Williams', 'Jennifer_Capriati', 'Gloria_Macapagal_Arroyo', 'Tony_Blair']);

  it('puts one photo on the document, another in the gallery and a third before the camera', async () => {
    const { reader, scenes, scenarios, camera } = booth(datasets);
    await reader.start();
    const read = reader.read(0);
    expect(bytesOf(read.photo)).toBe('Laura_Bush-1');
    expect(scenes.map((s) => [s.cameraId, s.people.map(bytesOf)])).toEqual([['cam-traveller', ['Laura_Bush-4']]]);
    const gallery = scenarios[0]?.travellers.find((t) => t.recordId === 'TR-0001')?.gallery.map((g) => bytesOf(g.image));
    expect(gallery).toEqual(['Laura_Bush-3']);
    expect(camera.scenes()).toHaveLength(1);
  });

  it('plays the scripted impostor: his own papers, someone else at the camera', async () => {
    const { reader, scenes } = booth(datasets);
    await reader.start();
    expect(bytesOf(reader.read(1).photo)).toBe('Colin_Powell-1');
    expect(scenes.at(-1)?.people.map(bytesOf)).toEqual(['Tony_Blair-1']);
  });

  it("withdraws the scene for a trainer's read with their own photo: the real camera shows the traveller", async () => {
    const { reader, scenes, camera } = booth(datasets);
    await reader.start();
    reader.read(0);
    const own = { mediaType: 'image/jpeg' as const, base64: Buffer.from('own').toString('base64') };
    expect(reader.read(1, own).photo).toEqual(own);
    expect(scenes.at(-1)).toMatchObject({ cameraId: 'cam-traveller', withdrawn: true, people: [] });
    expect(camera.scenes()).toEqual([]);
  });

  it('withdraws the scene when a real reader (a keyboard-wedge scan) reads a document, once', async () => {
    const { reader, scenes, arrivals } = booth(datasets);
    await reader.start();
    arrivals.readElsewhere();
    expect(scenes).toEqual([]);
    reader.read(0);
    arrivals.readElsewhere();
    arrivals.readElsewhere();
    expect(scenes.map((s) => Boolean(s.withdrawn))).toEqual([false, true]);
  });

  it('without the dataset, shows nobody and says why, with the drawn portrait on the document', async () => {
    const { reader, scenes } = booth(path.join(tmpdir(), 'no-such-datasets'));
    await reader.start();
    expect(reader.read(0).photo?.mediaType).toBe('image/svg+xml');
    expect(scenes.at(-1)).toMatchObject({ people: [], note: noFacesDatasetNote });
  });
});
