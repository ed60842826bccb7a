import { z } from 'zod';
import { galleryPhotoSchema, recordAlertSchema, recordDocumentSchema } from './travellerRecord';

/**
 * The exit gallery contract (GET /v1/galleries/departures): the travellers the records service expects to leave
 * through a port and lane, each with the photos an exit booth identifies them by (entry-record photos and document
 * photos), their admit-until date and class of admission. The client validates every answer with these schemas and
 * the simulator's OpenAPI document is generated from them.
 */

const isoDate = z.iso.date();
const nationality = z.string().regex(/^[A-Z<]{1,3}$/, 'a nationality is a 1-3 letter ICAO code');

/** Most travellers one gallery answer holds (a port-size gallery); a larger port pages by lane. */
export const maxGalleryEntries = 5000;

export const laneKindSchema = z.enum(['air', 'sea', 'pedestrian', 'vehicle']);

export const departureGalleryQuerySchema = z.strictObject({
  /** The port of departure, as the records service names it (e.g. "Blaine, WA"). */
  port: z.string().trim().min(1).max(100),
  /** The booth's lane kind: a vehicle lane's gallery is who is expected to drive out. */
  lane: laneKindSchema,
});
export type DepartureGalleryQuery = z.infer<typeof departureGalleryQuerySchema>;

export const departureGalleryEntrySchema = z.strictObject({
  /** The traveller's record id at the records service (what a departure record names). */
  travellerId: z.string().min(1).max(100),
  surname: z.string().min(1).max(100),
  givenNames: z.string().max(200),
  birthDate: isoDate,
  /** Citizenship the service has established (ICAO code). */
  citizenship: nationality,
  /** A U.S. citizen is not required to be photographed at exit, and no biometric departure is recorded for them. */
  usCitizen: z.boolean(),
  /** Class of admission at the last entry (e.g. B2, WT, F1, LPR); absent for citizens. */
  classOfAdmission: z.string().min(1).max(20).optional(),
  admittedOn: isoDate.optional(),
  /** The last day the traveller may stay; null: admitted for "duration of status" (D/S), no date to overstay. */
  admitUntil: isoDate.nullable(),
  /** Photos from entry records (earlier crossings, visa and enrolment captures). */
  entryPhotos: z.array(galleryPhotoSchema).max(20),
  /** Photos printed on or read from the traveller's documents. */
  documentPhotos: z.array(galleryPhotoSchema).max(20),
  documents: z.array(recordDocumentSchema).max(20),
  /** Lookout, prior removal and other alerts an exit officer must see. */
  alerts: z.array(recordAlertSchema).max(50),
});
export type DepartureGalleryEntry = z.infer<typeof departureGalleryEntrySchema>;

export const departureGalleryResponseSchema = z.strictObject({
  port: z.string().min(1).max(100),
  lane: laneKindSchema,
  /** When the service assembled this gallery: the booth shows its age from here. */
  generatedAt: z.iso.datetime({ offset: true }),
  entries: z.array(departureGalleryEntrySchema).max(maxGalleryEntries),
});
export type DepartureGallery = z.infer<typeof departureGalleryResponseSchema>;
