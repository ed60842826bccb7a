import { assertNever } from '../../app/shared/assertNever';
import type { BoothSettings } from '../../app/settings/boothSettings';
import type { Clock } from '../../app/ports/Clock';
import type { Ids } from '../../app/ports/Ids';
import { SimulatedCameraBridge } from '../../native-bridges/camera/SimulatedCameraBridge';
import { SimulatedDocumentReader } from '../../native-bridges/document-reader/SimulatedDocumentReader.node.ts';
import { SimulatedPlateReader } from '../../native-bridges/plate-reader/SimulatedPlateReader.node.ts';
import { SimulatedRecordsService } from '../../native-bridges/records-service/SimulatedRecordsService.node.ts';
import { SimulatedRfidReader } from '../../native-bridges/rfid-reader/SimulatedRfidReader';
import { TrustAnchor } from '../../native-bridges/chip/passive-auth/trustAnchor.node.ts';
import { SimulatedChipReader } from '../../native-bridges/chip/simulator/SimulatedChipReader.node.ts';
import { createTestPkiSodSigner } from '../../native-bridges/chip/simulator/testPkiSodSigner.node.ts';
import { simulatedChipFaultsSchema, type SimulatedChipFaults } from '../../app/host/simulatorControls';
import { once } from './once';
import { SimulatedVehicleArrivals } from './simulatedVehicleArrival';
import { SimulatedExitArrivals } from './simulatedExitArrival';
import { SimulatedTravellerArrivals } from './simulatedTravellerArrival';
import type { EncodedImage } from '../../app/ports/documentRead';
import type { BoothDevices } from './BoothDevices';

/** Every device of the booth as a simulator, with the controls to plug, unplug and read. */
export function createSimulatedDevices(settings: BoothSettings, clock: Clock, ids: Ids): BoothDevices {
  const camera = new SimulatedCameraBridge(settings.cameras, clock);
  // A real HTTP server on loopback, queried through the same client as a real records service.
  const records = new SimulatedRecordsService({ clock, boothId: settings.boothId });
  // One-traveller lanes: each scripted traveller steps up to the camera as their document is read (a vehicle's
  // occupants are placed by the vehicle arrival instead).
  const travellers = settings.laneType === 'vehicle' ? undefined : new SimulatedTravellerArrivals({ records, camera }, settings.cameras);
  const documentReader = new SimulatedDocumentReader({
    clock,
    ids,
    intervalSeconds: settings.simulatedReadIntervalSeconds,
    ...(travellers ? { stepUp: (traveller: number, photo: EncodedImage | undefined) => travellers.stepUp(traveller, photo) } : {}),
  });
  // A fresh test CSCA signs every simulated passport; the booth trusts it, and nothing else, in simulation.
  const testPki = once(() => createTestPkiSodSigner(clock.now()));
  const chipReader = new SimulatedChipReader(clock, async (dataGroups, signer) => (await testPki()).buildSod(dataGroups, signer));
  let chipFaults: SimulatedChipFaults = simulatedChipFaultsSchema.parse({});
  const plateReader = new SimulatedPlateReader({ clock, ids });
  const rfidReader = new SimulatedRfidReader({ clock, ids });
  const vehicles = new SimulatedVehicleArrivals({ plateReader, rfidReader, records, camera }, settings.cameras);
  const departures = new SimulatedExitArrivals({ records, camera, plateReader }, settings.cameras, settings.laneType);
  // The exit gallery is served with real faces from the start, so a booth fetches it before the first departure.
  departures.galleryWithFaces();

  return {
    camera,
    documentReader,
    chipReader,
    chipTrust: once(async () => ({ anchors: [new TrustAnchor((await testPki()).cscaDer, 'simulator test CSCA')], checks: [], crls: [], files: [] })),
    plateReader,
    rfidReader,
    records,
    simulator: {
      setConnected(kind, connected) {
        switch (kind) {
          case 'camera':
            return camera.setConnected(connected);
          case 'documentReader':
            return documentReader.setConnected(connected);
          case 'chipReader':
            return chipReader.setConnected(connected);
          case 'plateReader':
            return plateReader.setConnected(connected);
          case 'rfidReader':
            return rfidReader.setConnected(connected);
          case 'recordsService':
            return records.setConnected(connected);
          default:
            return assertNever(kind, 'device kind');
        }
      },
      readDocument: (traveller, photo) => documentReader.read(traveller, photo),
      castNextTraveller: (faces) => {
        if (!travellers) throw new Error('faces are cast for one-traveller lanes only; a vehicle lane places its occupants');
        travellers.castNext(faces);
      },
      failDocumentRead: (error) => documentReader.failRead(error),
      // Every document read comes here, whichever reader read it. The chip holds the same portrait as the page when it is a JPEG (DG2 holds JPEG or JPEG 2000, not SVG).
      placePassportFor: async (read) => {
        if (read.readerId !== documentReader.id) travellers?.readElsewhere();
        await chipReader.placePassport({
          mrz: read.mrz,
          faults: chipFaults,
          ...(read.photo?.mediaType === 'image/jpeg' ? { face: { image: new Uint8Array(Buffer.from(read.photo.base64, 'base64')), format: 'jpeg' as const } } : {}),
        });
      },
      setChipFaults: (faults) => (chipFaults = faults),
      vehicleArrives: (arrival, readAtWindow) => vehicles.arrive(arrival, readAtWindow),
      exitArrives: (arrival) => departures.arrive(arrival),
      serveTrainingGallery: (entries) => departures.serveTrainingGallery(entries),
      departCast: (faces, label, vehicle) => departures.departCast(faces, label, vehicle),
    },
  };
}
