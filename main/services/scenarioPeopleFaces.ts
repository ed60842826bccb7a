import type { DepartureGalleryEntry } from '../../app/ports/departureGallery';
import type { EncodedImage } from '../../app/ports/documentRead';
import { scenarioGalleryEntries, type ScenarioPerson } from '../../app/training/scenarioPeople';
import { datasetPhoto, datasetsDirectory } from './simulatedOccupantFaces';

/** The photos that play a scenario's person: on the entry record, on the document, and at the exit camera. */
export interface PersonFaces {
  readonly entry: EncodedImage;
  readonly document: EncodedImage;
  readonly live: EncodedImage;
}

/** What is missing for a person to be played, or null: the dataset, the identity, or one of its photos. */
export function missingFaces(person: ScenarioPerson, datasets = datasetsDirectory()): string | null {
  const { identity, entryPhoto, documentPhoto, livePhoto } = person.face;
  const missing = [entryPhoto, documentPhoto, livePhoto].filter((index) => !datasetPhoto(identity, index, datasets));
  return missing.length === 0 ? null : `${person.id} is played by ${identity} photo ${missing.join(', ')}, not in ${datasets}/faces-lfw/images (BOOTH_DATASETS)`;
}

/** The person's faces from BOOTH_DATASETS/faces-lfw; throws naming what is missing. */
export function personFaces(person: ScenarioPerson, datasets = datasetsDirectory()): PersonFaces {
  const { identity, entryPhoto, documentPhoto, livePhoto } = person.face;
  const [entry, document, live] = [entryPhoto, documentPhoto, livePhoto].map((index) => datasetPhoto(identity, index, datasets));
  if (!entry || !document || !live) throw new Error(missingFaces(person, datasets) ?? `${person.id}'s faces could not be read`);
  return { entry, document, live };
}

/** A run's exit gallery: everyone who entered, with their entry-record and document photos (people without faces are left out, and said). */
export function scenarioGallery(people: readonly ScenarioPerson[], startDate: string, datasets = datasetsDirectory()): { readonly entries: DepartureGalleryEntry[]; readonly missing: string[] } {
  const missing: string[] = [];
  const entries = scenarioGalleryEntries(people, startDate).flatMap((entry): DepartureGalleryEntry[] => {
    const person = people.find((p) => p.id === entry.travellerId)!;
    const problem = missingFaces(person, datasets);
    if (problem) {
      missing.push(problem);
      return [];
    }
    const faces = personFaces(person, datasets);
    return [
      {
        ...entry,
        entryPhotos: [{ photoId: `${entry.travellerId}-entry-1`, source: 'previous_crossing', image: faces.entry }],
        documentPhotos: [{ photoId: `${entry.travellerId}-document-1`, source: 'passport_application', image: faces.document }],
      },
    ];
  });
  return { entries, missing };
}
