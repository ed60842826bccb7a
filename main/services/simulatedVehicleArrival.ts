import type { SimulatedOccupant, SimulatedVehicleArrival } from '../../app/host/simulatorControls';
import type { CameraDescriptor } from '../../app/ports/cameraDescriptor';
import type { EncodedImage } from '../../app/ports/documentRead';
import type { SimulatedCameraBridge } from '../../native-bridges/camera/SimulatedCameraBridge';
import { simulatedTravellers } from '../../native-bridges/document-reader/simulatedTravellers';
import type { SimulatedPlateReader } from '../../native-bridges/plate-reader/SimulatedPlateReader.node.ts';
import { simulatedVehicles } from '../../native-bridges/plate-reader/simulatedVehicles.node.ts';
import { scriptedRecordsScenario, withGalleryImages } from '../../native-bridges/records-service/scriptedRecords.node.ts';
import type { SimulatedRecordsService } from '../../native-bridges/records-service/SimulatedRecordsService.node.ts';
import type { SimulatedRfidReader } from '../../native-bridges/rfid-reader/SimulatedRfidReader';
import { noFacesDatasetNote, simulatedOccupantFaces } from './simulatedOccupantFaces';
import { defaultGeometryFor } from '../../app/scene/laneCameraGeometry';
import { seatsOfCamera } from '../../app/scene/laneCameraLayout';
import type { SceneCondition, Seat, VehicleApproach } from '../../app/scene/vehicleApproach';
import { SEATS, planApproach, rowOf } from '../../app/scene/vehicleApproach';
import { scriptedRecordIdOf } from './simulatedTravellerArrival';

export interface VehicleArrivalDevices {
  readonly plateReader: SimulatedPlateReader;
  readonly rfidReader: SimulatedRfidReader;
  readonly records: SimulatedRecordsService;
  readonly camera: SimulatedCameraBridge;
}

/** Reads one occupant's document at the window and resolves once its chip has been read too. */
export type ReadAtWindow = (traveller: number, photo: EncodedImage | undefined) => Promise<void>;

export interface VehicleArrivalSummary {
  readonly label: string;
  readonly plate: string;
  readonly occupants: number;
}

/**
 * Plays one vehicle through the lane's simulated devices in the order a real car produces them: the
 * records service is given the occupants' gallery photos, the cameras see the occupants (front row on the
 * driver-side camera, the others on the rear camera), the plate camera reads the plate, the UHF reader
 * reads the cards, and the documents handed over are read one after the other, each with its chip.
 */
export class SimulatedVehicleArrivals {
  private next = 0;

  constructor(
    private readonly devices: VehicleArrivalDevices,
    private readonly cameras: readonly CameraDescriptor[],
    /** The light the simulated vehicles arrive in. */
    private readonly condition: SceneCondition = 'day',
  ) {}

  async arrive(arrival: SimulatedVehicleArrival, readAtWindow: ReadAtWindow): Promise<VehicleArrivalSummary> {
    const index = arrival.vehicle ?? this.next++ % simulatedVehicles.length;
    const vehicle = simulatedVehicles[index];
    if (!vehicle) throw new RangeError(`there is no simulated vehicle ${index} (0 to ${simulatedVehicles.length - 1})`);
    const requested: readonly SimulatedOccupant[] = arrival.occupants ?? vehicle.occupants.map((traveller) => ({ traveller, showsDocument: true }));
    const occupants = requested.map((occupant) => {
      if (!simulatedTravellers[occupant.traveller]) throw new RangeError(`there is no scripted traveller ${occupant.traveller} (0 to ${simulatedTravellers.length - 1})`);
      const faces = simulatedOccupantFaces(occupant.traveller);
      return {
        traveller: occupant.traveller,
        showsDocument: occupant.showsDocument,
        face: occupant.face ?? faces?.live,
        documentPhoto: occupant.documentPhoto ?? faces?.documentPhoto,
        gallery: occupant.gallery ?? (faces ? [faces.gallery] : undefined),
        faceless: !faces && !occupant.face,
        ...(occupant.seat ? { seat: occupant.seat } : {}),
        ...(occupant.hiddenFromCameras ? { hiddenFromCameras: true } : {}),
      };
    });

    const galleries: Record<string, readonly EncodedImage[]> = {};
    for (const occupant of occupants) {
      const recordId = scriptedRecordIdOf(occupant.traveller);
      if (recordId && occupant.gallery) galleries[recordId] = occupant.gallery;
    }
    this.devices.records.setScenario(withGalleryImages(scriptedRecordsScenario, galleries));
    this.showOccupants(occupants, occupants.some((o) => o.faceless) ? noFacesDatasetNote : undefined, arrival.approachSeconds);

    this.devices.plateReader.arrive(index);
    this.devices.rfidReader.present(vehicle.cards);
    for (const occupant of occupants) {
      if (occupant.showsDocument) await readAtWindow(occupant.traveller, occupant.documentPhoto);
    }
    return { label: vehicle.label, plate: vehicle.plate, occupants: occupants.length };
  }

  /**
   * The vehicle drives up on every vehicle camera (app/scene renders its approach as that camera's video, every
   * occupant in its view); each camera's scene names the seats it is aimed at (its `seats` setting, else by
   * position: the driver-side camera the front row, a rear camera the rows behind); one camera alone is aimed at all.
   */
  private showOccupants(occupants: readonly SeatedFace[], note: string | undefined, approachSeconds: number | undefined): void {
    const vehicleCameras = this.cameras.filter((c) => c.position === 'driver' || c.position === 'rear');
    const cameras = vehicleCameras.length > 0 ? vehicleCameras : this.cameras.slice(0, 1);
    if (cameras.length === 0) return;
    const seated = occupants.filter((o): o is SeatedFace & { face: EncodedImage } => o.face !== undefined);
    const planned = planApproach({ seed: `simulated-vehicle-${seated.length}`, condition: this.condition, occupants: Math.max(1, seated.length) });
    const vehicle = seatOccupants(approachSeconds === undefined ? planned : { ...planned, approachSeconds }, seated);
    const people = seated.map((o) => o.face);
    for (const camera of cameras) {
      const geometry = camera.geometry ?? defaultGeometryFor(camera.position);
      const seats = cameras.length === 1 ? SEATS : (seatsOfCamera(camera) ?? SEATS);
      this.devices.camera.setScene(camera.id, people, note, people.length ? { vehicle, geometry, seats: [...seats] } : undefined);
    }
  }
}

interface SeatedFace {
  readonly face: EncodedImage | undefined;
  readonly seat?: Seat;
  readonly hiddenFromCameras?: boolean;
}

/** The planned vehicle with the occupants in the seats asked for (the others fill the next free seats in order) and those hidden kept hidden. */
function seatOccupants(planned: VehicleApproach, occupants: readonly SeatedFace[]): VehicleApproach {
  const asked = new Set(occupants.flatMap((o) => (o.seat ? [o.seat] : [])));
  const free = SEATS.filter((seat) => !asked.has(seat));
  let next = 0;
  return {
    ...planned,
    occupants: occupants.map((occupant, image) => {
      const base = planned.occupants[image] ?? planned.occupants[0]!;
      const seat = occupant.seat ?? free[next++] ?? base.seat;
      return { ...base, seat, image, occlusion: occupant.hiddenFromCameras ? 'always' : rowOf(seat) === 'front' ? 'none' : base.occlusion };
    }),
  };
}
