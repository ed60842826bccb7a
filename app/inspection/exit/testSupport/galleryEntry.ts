import type { DepartureGalleryEntry } from '../../../ports/departureGallery';

/** A departure-gallery traveller for the exit rules' tests: a British visitor admitted until 2027-01-17, no photos or alerts unless given. */
export const galleryEntry = (travellerId: string, fields: Partial<DepartureGalleryEntry> = {}): DepartureGalleryEntry => ({
  travellerId,
  surname: travellerId,
  givenNames: 'A',
  birthDate: '1970-01-01',
  citizenship: 'GBR',
  usCitizen: false,
  classOfAdmission: 'WT',
  admitUntil: '2027-01-17',
  entryPhotos: [],
  documentPhotos: [],
  documents: [],
  alerts: [],
  ...fields,
});
