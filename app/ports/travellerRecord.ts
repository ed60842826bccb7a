import { z } from 'zod';
import { imageSchema } from './documentRead';

/**
 * What the records service (TVS-like) knows about a traveller or a vehicle. These schemas are the service's
 * contract: the client validates every response with them and the simulator's OpenAPI document is generated
 * from them, so the two cannot drift.
 */

const isoDate = z.iso.date();
const nationality = z.string().regex(/^[A-Z<]{1,3}$/, 'a nationality is a 1-3 letter ICAO code');

export const recordAlertSchema = z.object({
  alertId: z.string().min(1).max(100),
  kind: z.enum(['lookout', 'overstay', 'visa', 'prior_removal', 'vehicle']),
  /** 'hit' alerts force a referral; 'notice' alerts inform. */
  severity: z.enum(['hit', 'notice']),
  summary: z.string().min(1).max(500),
  issuedOn: isoDate.optional(),
});
export type RecordAlert = z.infer<typeof recordAlertSchema>;

export const recordDocumentSchema = z.object({
  documentNumber: z.string().min(1).max(20),
  /** The holder's nationality as the document states it (ICAO code). */
  nationality,
  issuingState: nationality,
  documentType: z.enum(['passport', 'passport_card', 'identity_card', 'enhanced_drivers_licence', 'trusted_traveller_card', 'visa']),
  expiresOn: isoDate.optional(),
});
export type RecordDocument = z.infer<typeof recordDocumentSchema>;

export const galleryPhotoSchema = z.object({
  photoId: z.string().min(1).max(100),
  source: z.enum(['passport_application', 'previous_crossing', 'visa_application', 'trusted_traveller_enrolment']),
  capturedOn: isoDate.optional(),
  image: imageSchema.optional(),
});
export type GalleryPhoto = z.infer<typeof galleryPhotoSchema>;

export const previousCrossingSchema = z.object({
  at: z.iso.datetime({ offset: true }),
  port: z.string().min(1).max(100),
  direction: z.enum(['entry', 'exit']),
  outcome: z.enum(['admitted', 'referred', 'refused']),
});

export const visaStatusSchema = z.object({
  status: z.enum(['not_required', 'valid', 'expired', 'revoked', 'none']),
  visaClass: z.string().max(20).optional(),
  expiresOn: isoDate.optional(),
});
export type VisaStatus = z.infer<typeof visaStatusSchema>;

export const travellerRecordSchema = z.object({
  recordId: z.string().min(1).max(100),
  surname: z.string().min(1).max(100),
  givenNames: z.string().max(200),
  birthDate: isoDate,
  sex: z.enum(['F', 'M', 'X']),
  nationality,
  /** Citizenship the service has established (a U.S. citizen may opt out of photography). */
  usCitizen: z.boolean(),
  documents: z.array(recordDocumentSchema).max(20),
  /** RFID card reference numbers registered to this traveller. */
  rfidReferences: z.array(z.string().min(1).max(64)).max(10),
  gallery: z.array(galleryPhotoSchema).max(20),
  previousCrossings: z.array(previousCrossingSchema).max(100),
  visa: visaStatusSchema,
  alerts: z.array(recordAlertSchema).max(50),
});
export type TravellerRecord = z.infer<typeof travellerRecordSchema>;

export const vehicleRecordSchema = z.object({
  vehicleId: z.string().min(1).max(100),
  plate: z.string().min(1).max(12),
  region: z.string().max(16),
  make: z.string().max(50).optional(),
  model: z.string().max(50).optional(),
  colour: z.string().max(30).optional(),
  registeredOwner: z.object({ name: z.string().min(1).max(200), travellerRecordId: z.string().max(100).optional() }),
  alerts: z.array(recordAlertSchema).max(50),
});
export type VehicleRecord = z.infer<typeof vehicleRecordSchema>;

export const travellerLookupResponseSchema = z.object({ travellers: z.array(travellerRecordSchema).max(20) });
export const vehicleLookupResponseSchema = z.object({ vehicles: z.array(vehicleRecordSchema).max(20) });
export const recordsErrorBodySchema = z.object({ error: z.object({ code: z.string().max(50), message: z.string().max(1000) }) });
