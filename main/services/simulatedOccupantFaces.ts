import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { EncodedImage } from '../../app/ports/documentRead';

/**
 * Real faces for the simulated vehicles' occupants, when the shared datasets are beside the project: the
 * project ships no one's face (licences, personal data), so without them occupants are shown with drawn
 * portraits and the cameras see nobody. Each scripted traveller is played by one LFW identity: one photo
 * is printed on the document (and stored on its chip), another is in the records gallery, a third is what
 * the booth's cameras see.
 */
export interface OccupantFaces {
  readonly documentPhoto: EncodedImage;
  readonly gallery: EncodedImage;
  readonly live: EncodedImage;
}

/**
 * Index = scripted traveller (simulatedTravellers): the LFW identity that plays them and which of its photos (in
 * name order) go on the document, in the gallery and in front of the camera. The photos are chosen to be usable
 * as the vision worker's gates demand (one frontal face of sufficient size): the photos skipped show two
 * people or a turned-away face, which the booth rightly refuses as a reference or never compares live.
 */
const playedBy = [
  { identity: 'Laura_Bush', photos: [0, 2, 3] },
  { identity: 'Colin_Powell', photos: [0, 4, 5] },
  { identity: 'Serena_Williams', photos: [0, 1, 2] },
  { identity: 'Jennifer_Capriati', photos: [0, 1, 2] },
  { identity: 'Gloria_Macapagal_Arroyo', photos: [1, 2, 3] },
] as const;

/** The dataset identities that play the scripted travellers (a face index always holds their photos). */
export const scriptedFaceIdentities: readonly string[] = playedBy.map((played) => played.identity);

export function datasetsDirectory(): string {
  return process.env.BOOTH_DATASETS ?? path.resolve(process.cwd(), '../shared/datasets');
}

/** What the cameras show when the dataset is absent: nobody, and the officer is told why. */
export const noFacesDatasetNote = 'Simulation without the faces dataset (BOOTH_DATASETS/faces-lfw): the scripted travellers have no faces, so nobody is in view and no face can be matched.';

/** The faces of scripted traveller `traveller`, or undefined when the dataset is absent. */
export function simulatedOccupantFaces(traveller: number, datasets = datasetsDirectory()): OccupantFaces | undefined {
  const played = playedBy[traveller];
  if (!played) return undefined;
  const [documentPhoto, gallery, live] = played.photos.map((index) => datasetPhoto(played.identity, index, datasets));
  return documentPhoto && gallery && live ? { documentPhoto, gallery, live } : undefined;
}

/** Photo `index` (in name order) of an LFW identity, or undefined when the dataset or the photo is absent. */
export function datasetPhoto(identity: string, index: number, datasets = datasetsDirectory()): EncodedImage | undefined {
  const file = datasetPhotoFile(identity, index, datasets);
  return file ? datasetImage(file, datasets) : undefined;
}

/** The path inside faces-lfw (as identities.csv names it) of photo `index` of an identity, or undefined when absent. */
export function datasetPhotoFile(identity: string, index: number, datasets = datasetsDirectory()): string | undefined {
  const folder = path.join(datasets, 'faces-lfw', 'images', identity);
  if (!existsSync(folder)) return undefined;
  const file = readdirSync(folder).filter((f) => f.endsWith('.jpg')).sort()[index];
  return file ? `images/${identity}/${file}` : undefined;
}

/** A faces-lfw photo by its path inside the dataset (`images/<identity>/<file>.jpg`). */
export function datasetImage(file: string, datasets = datasetsDirectory()): EncodedImage {
  return { mediaType: 'image/jpeg', base64: readFileSync(path.join(datasets, 'faces-lfw', file)).toString('base64') };
}

/** The dataset path of the photo printed on scripted traveller `traveller`'s document, or undefined. */
export function scriptedDocumentPhotoFile(traveller: number, datasets = datasetsDirectory()): string | undefined {
  const played = playedBy[traveller];
  return played ? datasetPhotoFile(played.identity, played.photos[0], datasets) : undefined;
}
