import { z } from 'zod';

/** MRZ lines as a reader delivers them: upper-case letters, digits and filler only. Checked in depth by app/document. */
const mrzLineSchema = z
  .string()
  .regex(/^[A-Z0-9<]+$/, 'an MRZ line may hold only A-Z, 0-9 and <')
  .refine((line) => line.length === 30 || line.length === 36 || line.length === 44, 'an MRZ line is 30, 36 or 44 characters long');

/** 4 MB of base64 is far above any passport photo; a bigger payload is a faulty device, not a face. */
const maxImageBase64Length = 4 * 1024 * 1024;

export const imageSchema = z.object({
  mediaType: z.enum(['image/jpeg', 'image/png', 'image/svg+xml', 'image/jp2']),
  base64: z.string().min(1).max(maxImageBase64Length).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'not base64'),
});
export type EncodedImage = z.infer<typeof imageSchema>;

/** The data page imaged under each light a full-page reader has; each is optional (not every reader has UV). */
export const pageImagesSchema = z.object({
  visible: imageSchema.optional(),
  /** Infrared: security inks and the MRZ stay dark, much printing vanishes. */
  infrared: imageSchema.optional(),
  /** Ultraviolet: fluorescent security features light up, the paper stays dark. */
  ultraviolet: imageSchema.optional(),
});
export type PageImages = z.infer<typeof pageImagesSchema>;

export const documentReadSchema = z.object({
  /** Unique per read, so the UI can tell a new read from a repeated event. */
  readId: z.string().min(1).max(100),
  readerId: z.string().min(1).max(100),
  /** How the MRZ arrived: a swipe or page reader, a keyboard-wedge reader, or the simulator. */
  source: z.enum(['swipe', 'page', 'keyboard', 'simulated']),
  readAt: z.iso.datetime(),
  mrz: z.array(mrzLineSchema).min(2).max(3),
  /** The portrait from the document page, when the reader images it. */
  photo: imageSchema.optional(),
  /** The whole data page under visible, infrared and ultraviolet light, from a full-page reader. */
  pageImages: pageImagesSchema.optional(),
});
export type DocumentRead = z.infer<typeof documentReadSchema>;
