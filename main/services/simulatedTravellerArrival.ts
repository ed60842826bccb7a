import { mrzFieldValue, parseMrz } from '../../app/document/mrz/parseMrz';
import type { CameraDescriptor } from '../../app/ports/cameraDescriptor';
import type { EncodedImage } from '../../app/ports/documentRead';
import type { SimulatedCameraBridge } from '../../native-bridges/camera/SimulatedCameraBridge';
import { simulatedTravellers } from '../../native-bridges/document-reader/simulatedTravellers';
import { scriptedRecordsScenario, withGalleryImages } from '../../native-bridges/records-service/scriptedRecords.node.ts';
import type { SimulatedRecordsService } from '../../native-bridges/records-service/SimulatedRecordsService.node.ts';
import { datasetPhoto, datasetsDirectory, noFacesDatasetNote, simulatedOccupantFaces } from './simulatedOccupantFaces';

export interface TravellerArrivalDevices {
  readonly records: Pick<SimulatedRecordsService, 'setScenario'>;
  readonly camera: SimulatedCameraBridge;
}

/**
 * Scripted impostors of the one-traveller lanes: traveller 1 (Johnson, an adult, so face matching applies)
 * hands over his genuine papers, but the person at the camera is someone else (another LFW identity).
 */
const impostors: Readonly<Record<number, { readonly identity: string; readonly photo: number }>> = { 1: { identity: 'Tony_Blair', photo: 0 } };

/**
 * The one-traveller lanes' (air, sea, pedestrian) scripted travellers, played as the vehicle lane plays its
 * occupants: when the reader reads traveller N, that traveller steps up to the booth camera (one LFW photo),
 * their document carries another (printed and on the chip), the records service holds a third in its gallery.
 * A trainer's read with their own photo is of the person at the real camera: the camera's scene is withdrawn.
 * Without the dataset the camera shows nobody, and says why.
 */
export class SimulatedTravellerArrivals {
  private galleriesGiven = false;
  /** Faces a training step cast for the next read only (a look-alike at the camera, a genuine non-match's own photos). */
  private cast: { readonly documentPhoto?: EncodedImage; readonly live: EncodedImage } | undefined;

  constructor(
    private readonly devices: TravellerArrivalDevices,
    private readonly cameras: readonly CameraDescriptor[],
    private readonly datasets = datasetsDirectory(),
  ) {}

  /** The next scripted read is presented by `faces.live` (and, when given, carries `faces.documentPhoto`): a training step's casting. */
  castNext(faces: { readonly documentPhoto?: EncodedImage; readonly live: EncodedImage }): void {
    this.cast = faces;
  }

  /** SimulatedDocumentReaderOptions.stepUp: returns the photo to print on the traveller's document. */
  stepUp(traveller: number, photo: EncodedImage | undefined): EncodedImage | undefined {
    const camera = this.travellerCamera();
    const cast = this.cast;
    this.cast = undefined;
    if (!camera) return photo;
    if (photo) {
      this.devices.camera.withdrawScene(camera.id);
      return photo;
    }
    const faces = simulatedOccupantFaces(traveller, this.datasets);
    if (!faces) {
      this.devices.camera.setScene(camera.id, [], noFacesDatasetNote);
      return undefined;
    }
    this.giveGalleries();
    const impostor = impostors[traveller];
    const atCamera = cast?.live ?? ((impostor && datasetPhoto(impostor.identity, impostor.photo, this.datasets)) || faces.live);
    this.devices.camera.setScene(camera.id, [atCamera]);
    return cast?.documentPhoto ?? faces.documentPhoto;
  }

  /** A document read by a real reader (a keyboard-wedge scan): its holder is whoever stands at the real camera. */
  readElsewhere(): void {
    const camera = this.travellerCamera();
    if (camera && this.devices.camera.scenes().some((scene) => scene.cameraId === camera.id)) this.devices.camera.withdrawScene(camera.id);
  }

  private travellerCamera(): CameraDescriptor | undefined {
    return this.cameras.find((c) => c.position === 'traveller') ?? this.cameras[0];
  }

  /** The records service's gallery holds each scripted traveller's own earlier photo (once: it does not change). */
  private giveGalleries(): void {
    if (this.galleriesGiven) return;
    this.galleriesGiven = true;
    const galleries: Record<string, readonly EncodedImage[]> = {};
    simulatedTravellers.forEach((_, traveller) => {
      const recordId = scriptedRecordIdOf(traveller);
      const gallery = simulatedOccupantFaces(traveller, this.datasets)?.gallery;
      if (recordId && gallery) galleries[recordId] = [gallery];
    });
    this.devices.records.setScenario(withGalleryImages(scriptedRecordsScenario, galleries));
  }
}

/** The records-simulator record of a scripted traveller: the one holding that traveller's document number. */
export function scriptedRecordIdOf(traveller: number): string | undefined {
  const mrz = simulatedTravellers[traveller]?.mrz;
  if (!mrz) return undefined;
  const number = mrzFieldValue(parseMrz(mrz, { today: new Date() }), 'documentNumber')?.replace(/</g, '');
  return scriptedRecordsScenario.travellers.find((t) => t.documents.some((d) => d.documentNumber === number))?.recordId;
}
