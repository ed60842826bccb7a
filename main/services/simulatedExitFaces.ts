import type { EncodedImage } from '../../app/ports/documentRead';
import type { ExitTravellerPhotos } from '../../native-bridges/records-service/scriptedDepartureGallery.node.ts';
import { datasetPhoto, datasetsDirectory } from './simulatedOccupantFaces';

/**
 * Real faces for the scripted exit travellers (scriptedDepartureGallery.node.ts), when the shared datasets are
 * there: each is played by one LFW identity, one photo in the entry record, one as the document photo, one in
 * front of the exit camera. The Okafor sisters are identical twins, both played by Serena Williams (different photos
 * each): face recognition cannot tell identical twins apart, so a search for either is ambiguous and the officer
 * decides (two sisters who merely look alike, as the Williams sisters, the model tells apart).
 */
const playedBy = [
  { identity: 'Tony_Blair', photos: [0, 1, 2] },
  { identity: 'Gerhard_Schroeder', photos: [0, 1, 2] },
  { identity: 'George_W_Bush', photos: [0, 1, 2] },
  { identity: 'Hugo_Chavez', photos: [0, 1, 2] },
  { identity: 'Serena_Williams', photos: [0, 1, 2] },
  { identity: 'Serena_Williams', photos: [3, 4, 5] },
  { identity: 'Junichiro_Koizumi', photos: [0, 1, 2] },
] as const;

export interface ExitTravellerFaces extends ExitTravellerPhotos {
  /** What the exit camera sees. */
  readonly live: EncodedImage;
}

/** The faces of scripted exit traveller `traveller`, or undefined when the dataset is absent. */
export function simulatedExitFaces(traveller: number, datasets = datasetsDirectory()): ExitTravellerFaces | undefined {
  const played = playedBy[traveller];
  if (!played) return undefined;
  const [entry, document, live] = played.photos.map((index) => datasetPhoto(played.identity, index, datasets));
  return entry && document && live ? { entry: [entry], document: [document], live } : undefined;
}
