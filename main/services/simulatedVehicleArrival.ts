import { mrzFieldValue, parseMrz } from '../../app/document/mrz/parseMrz';
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
import { simulatedOccupantFaces } from './simulatedOccupantFaces';

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
      };
    });

    const galleries: Record<string, readonly EncodedImage[]> = {};
    for (const occupant of occupants) {
      const recordId = recordIdOf(occupant.traveller);
      if (recordId && occupant.gallery) galleries[recordId] = occupant.gallery;
    }
    this.devices.records.setScenario(withGalleryImages(scriptedRecordsScenario, galleries));
    this.showOccupants(occupants.map((o) => o.face));

    this.devices.plateReader.arrive(index);
    this.devices.rfidReader.present(vehicle.cards);
    for (const occupant of occupants) {
      if (occupant.showsDocument) await readAtWindow(occupant.traveller, occupant.documentPhoto);
    }
    return { label: vehicle.label, plate: vehicle.plate, occupants: occupants.length };
  }

  /** Front row to the driver-side camera, everyone else to the rear camera (or all to the only camera). */
  private showOccupants(faces: readonly (EncodedImage | undefined)[]): void {
    const driverCamera = this.cameras.find((c) => c.position === 'driver') ?? this.cameras[0];
    const rearCamera = this.cameras.find((c) => c.position === 'rear') ?? driverCamera;
    if (!driverCamera || !rearCamera) return;
    const front: EncodedImage[] = [];
    const rear: EncodedImage[] = [];
    faces.forEach((face, seat) => face && (seat < 2 ? front : rear).push(face));
    if (driverCamera.id === rearCamera.id) {
      this.devices.camera.setScene(driverCamera.id, [...front, ...rear]);
      return;
    }
    this.devices.camera.setScene(driverCamera.id, front);
    this.devices.camera.setScene(rearCamera.id, rear);
  }
}

/** The records-simulator record of a scripted traveller: the one holding that traveller's document number. */
function recordIdOf(traveller: number): string | undefined {
  const mrz = simulatedTravellers[traveller]?.mrz;
  if (!mrz) return undefined;
  const number = mrzFieldValue(parseMrz(mrz, { today: new Date() }), 'documentNumber')?.replace(/</g, '');
  return scriptedRecordsScenario.travellers.find((t) => t.documents.some((d) => d.documentNumber === number))?.recordId;
}
