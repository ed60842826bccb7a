import type { SimulatedExitArrival } from '../../app/host/exitSimulatorControls';
import type { ExitArrivalSummary } from './simulatedExitArrival';
import type { DepartureGalleryEntry } from '../../app/ports/departureGallery';
import type { CameraMetadataPort } from '../../app/ports/CameraMetadataPort';
import type { ChipReaderPort } from '../../app/ports/ChipReaderPort';
import type { MrzReadError } from '../../app/document/reader/mrzReadError';
import type { DevicePort } from '../../app/ports/DevicePort';
import type { DeviceKind, DeviceStatus } from '../../app/ports/deviceStatus';
import type { DocumentReaderPort } from '../../app/ports/DocumentReaderPort';
import type { DocumentRead, EncodedImage } from '../../app/ports/documentRead';
import type { PlateReaderPort } from '../../app/ports/PlateReaderPort';
import type { RecordsPort } from '../../app/ports/RecordsPort';
import type { RfidReaderPort } from '../../app/ports/RfidReaderPort';
import type { SimulatedChipFaults, SimulatedVehicleArrival } from '../../app/host/simulatorControls';
import type { ReadAtWindow, VehicleArrivalSummary } from './simulatedVehicleArrival';
import type { TrustStore } from '../../native-bridges/chip/passive-auth/trustStore.node.ts';

/** The devices and services of one booth, whether real or simulated. */
export interface BoothDevices {
  /** The CSCAs chip reads are verified against (loaded on first use). */
  readonly chipTrust: () => Promise<TrustStore>;
  readonly camera: CameraMetadataPort;
  readonly documentReader: DocumentReaderPort;
  readonly chipReader: ChipReaderPort;
  readonly plateReader: PlateReaderPort;
  readonly rfidReader: RfidReaderPort;
  readonly records: RecordsPort;
  /** Present only in simulation: the controls trainers and tests use. */
  readonly simulator?: SimulatorControls;
}

/** What a trainer (or a test) can do to simulated devices. */
export interface SimulatorControls {
  setConnected(kind: DeviceKind, connected: boolean): DeviceStatus;
  readDocument(traveller?: number, photo?: EncodedImage): DocumentRead;
  /** One-traveller lanes: the next scripted read is presented by `faces.live` (a training step's look-alike or genuine non-match). */
  castNextTraveller(faces: { readonly documentPhoto?: EncodedImage; readonly live: EncodedImage }): void;
  /** The reader's output does not become a read (a smudged or half-swiped document): listeners hear the error. */
  failDocumentRead(error: MrzReadError): void;
  /** Puts the passport of the document just read on the simulated chip reader, with the current faults. */
  placePassportFor(read: DocumentRead): Promise<void>;
  /** Faults for the next passports placed (trainer scenarios: clones, altered data, forged SODs). */
  setChipFaults(faults: SimulatedChipFaults): SimulatedChipFaults;
  /** A vehicle arrives at the lane; documents are read through `readAtWindow` (which waits for each chip). */
  vehicleArrives(arrival: SimulatedVehicleArrival, readAtWindow: ReadAtWindow): Promise<VehicleArrivalSummary>;
  /** Exit lanes: a scripted departure (faces on the cameras, the plate read; the gallery served with real faces). */
  exitArrives(arrival: SimulatedExitArrival): ExitArrivalSummary;
  /** Training (exit lanes): the records service serves a run's own exit gallery, or (null) the scripted one again. */
  serveTrainingGallery(entries: readonly DepartureGalleryEntry[] | null): void;
  /** Training (exit lanes): people a scenario casts leave, `faces` driver first; `vehicle`'s plate is read in a vehicle lane. */
  departCast(faces: readonly EncodedImage[], label: string, vehicle?: number): ExitArrivalSummary;
}

export function allDevices(devices: BoothDevices): readonly DevicePort[] {
  return [devices.camera, devices.documentReader, devices.chipReader, devices.plateReader, devices.rfidReader, devices.records];
}
