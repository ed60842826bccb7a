import { z } from 'zod';

/** The card types a UHF reader finds in a vehicle; each carries only a reference number that the records service resolves. */
export const rfidCardTypeSchema = z.enum(['passport_card', 'enhanced_drivers_licence', 'trusted_traveller', 'unknown']);
export type RfidCardType = z.infer<typeof rfidCardTypeSchema>;

export const rfidReferenceSchema = z
  .string()
  .trim()
  .toUpperCase()
  .min(4, 'an RFID reference has at least 4 characters')
  .max(64)
  .regex(/^[A-Z0-9]+$/, 'an RFID reference may hold only letters and digits');

/** One raw tag read as the reader reports it (a card is read many times while in the field). */
export const rfidTagReadSchema = z.object({
  reference: rfidReferenceSchema,
  cardType: rfidCardTypeSchema,
  laneId: z.string().min(1).max(50),
  antenna: z.number().int().min(0).max(64).optional(),
  /** Received signal strength in dBm. */
  rssi: z.number().min(-120).max(0).optional(),
  readAt: z.iso.datetime({ offset: true }),
});
export type RfidTagRead = z.infer<typeof rfidTagReadSchema>;

/** A card seen in the lane: raw reads of the same reference within the read window, collapsed into one. */
export const rfidCardReadSchema = rfidTagReadSchema.extend({
  readId: z.string().min(1).max(100),
  readerId: z.string().min(1).max(100),
  firstReadAt: z.iso.datetime({ offset: true }),
  /** How many raw reads this card produced within its window (stays 1 in the first event). */
  tagReads: z.number().int().positive(),
});
export type RfidCardRead = z.infer<typeof rfidCardReadSchema>;
