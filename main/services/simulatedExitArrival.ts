import type { SimulatedExitArrival } from '../../app/host/exitSimulatorControls';
import type { CameraDescriptor } from '../../app/ports/cameraDescriptor';
import type { EncodedImage } from '../../app/ports/documentRead';
import type { LaneType } from '../../app/settings/boothSettings';
import type { SimulatedCameraBridge } from '../../native-bridges/camera/SimulatedCameraBridge';
import type { SimulatedPlateReader } from '../../native-bridges/plate-reader/SimulatedPlateReader.node.ts';
import { simulatedVehicles } from '../../native-bridges/plate-reader/simulatedVehicles.node.ts';
import type { DepartureGalleryEntry } from '../../app/ports/departureGallery';
import { defaultExitOccupants, scriptedDepartureGallery, scriptedExitTravellers, simulatedExitPort, type ExitTravellerPhotos } from '../../native-bridges/records-service/scriptedDepartureGallery.node.ts';
import { scriptedRecordsScenario } from '../../native-bridges/records-service/scriptedRecords.node.ts';
import type { SimulatedRecordsService } from '../../native-bridges/records-service/SimulatedRecordsService.node.ts';
import { simulatedExitFaces } from './simulatedExitFaces';
import { noFacesDatasetNote } from './simulatedOccupantFaces';

export interface ExitArrivalDevices {
  readonly records: SimulatedRecordsService;
  readonly camera: SimulatedCameraBridge;
  readonly plateReader: SimulatedPlateReader;
}

export interface ExitArrivalSummary {
  readonly label: string;
  readonly plate: string | null;
  readonly occupants: number;
}

/**
 * Plays a scripted departure through the simulated devices: the records service's exit gallery is given the
 * travellers' real faces (every scripted exit traveller, so look-alikes share the gallery), the occupants appear
 * on the cameras (front row on the driver-side camera), and in a vehicle lane the plate camera reads the plate.
 * Nobody hands over papers: the booth identifies the faces against the gallery.
 */
export class SimulatedExitArrivals {
  /** A training run's own gallery, while one is served (a scripted departure then leaves it in place). */
  private trainingGallery: readonly DepartureGalleryEntry[] | null = null;

  constructor(
    private readonly devices: ExitArrivalDevices,
    private readonly cameras: readonly CameraDescriptor[],
    private readonly laneType: LaneType,
  ) {}

  /**
   * Training: the records simulator serves `entries` as the port's exit gallery (every lane) until given null, then
   * the scripted gallery again. The booth fetches it like any gallery (it refetches when a training run opens or ends).
   */
  serveTrainingGallery(entries: readonly DepartureGalleryEntry[] | null): void {
    this.trainingGallery = entries;
    if (entries === null) return this.galleryWithFaces();
    this.devices.records.setScenario({ ...scriptedRecordsScenario, departureGalleries: [{ port: simulatedExitPort, lanes: ['air', 'sea', 'pedestrian', 'vehicle'], entries }] });
  }

  /** Training: a departure of people a scenario casts, `faces` (driver first) on the cameras, `vehicle`'s plate read in a vehicle lane. */
  departCast(faces: readonly EncodedImage[], label: string, vehicle = 0): ExitArrivalSummary {
    const seated = this.laneType === 'vehicle' ? faces : faces.slice(0, 1);
    this.show(seated, undefined);
    return this.readPlate(vehicle, label, seated.length);
  }

  /** The gallery with real faces where the dataset has them: what the records simulator serves from the start. */
  galleryWithFaces(): void {
    const photos: Record<number, ExitTravellerPhotos> = {};
    scriptedExitTravellers.forEach((_, index) => {
      const faces = simulatedExitFaces(index);
      if (faces) photos[index] = faces;
    });
    this.devices.records.setScenario({ ...scriptedRecordsScenario, departureGalleries: [scriptedDepartureGallery(photos)] });
  }

  arrive(arrival: SimulatedExitArrival): ExitArrivalSummary {
    const occupants = this.laneType === 'vehicle' ? (arrival.occupants ?? defaultExitOccupants) : (arrival.occupants ?? [defaultExitOccupants[0]!]).slice(0, 1);
    for (const traveller of occupants) if (!scriptedExitTravellers[traveller]) throw new RangeError(`there is no scripted exit traveller ${traveller} (0 to ${scriptedExitTravellers.length - 1})`);
    // A scripted departure during a training run keeps the run's gallery (the trainee is identified against it).
    if (!this.trainingGallery) this.galleryWithFaces();
    const faces = occupants.map((traveller) => simulatedExitFaces(traveller)?.live);
    this.show(faces, faces.some((f) => !f) ? noFacesDatasetNote : undefined);
    const label = occupants.map((t) => scriptedExitTravellers[t]!.label).join('; ');
    return this.readPlate(arrival.vehicle ?? 0, label, occupants.length);
  }

  /** In a vehicle lane the plate camera reads scripted vehicle `index`'s plate. */
  private readPlate(index: number, label: string, occupants: number): ExitArrivalSummary {
    if (this.laneType !== 'vehicle') return { label, plate: null, occupants };
    const vehicle = simulatedVehicles[index];
    if (!vehicle) throw new RangeError(`there is no simulated vehicle ${index} (0 to ${simulatedVehicles.length - 1})`);
    this.devices.plateReader.arrive(index);
    return { label, plate: vehicle.plate, occupants };
  }

  /** Front row to the driver-side camera, everyone else to the (first) rear camera (or all to the only camera). */
  private show(faces: readonly (EncodedImage | undefined)[], note: string | undefined): void {
    const driver = this.cameras.find((c) => c.position === 'driver') ?? this.cameras[0];
    const rear = this.cameras.find((c) => c.position === 'rear') ?? driver;
    if (!driver || !rear) return;
    const seated = faces.flatMap((face, seat) => (face ? [{ face, front: seat < 2 || driver.id === rear.id }] : []));
    this.devices.camera.setScene(driver.id, seated.filter((s) => s.front).map((s) => s.face), note);
    if (rear.id !== driver.id) this.devices.camera.setScene(rear.id, seated.filter((s) => !s.front).map((s) => s.face), note);
    // Any other vehicle camera (a lane with a rear camera to each side) is shown the car with nobody in its seats,
    // rather than its own video: the capture loop then leaves it alone instead of searching an empty picture.
    for (const other of this.cameras) {
      if (other.id !== driver.id && other.id !== rear.id && (other.position === 'driver' || other.position === 'rear')) this.devices.camera.setScene(other.id, [], note);
    }
  }
}
