import { z } from 'zod';
import { documentReadSchema } from '../ports/documentRead';

/**
 * The `documents:wedgeRead` host channel: a keyboard-wedge reader types the MRZ into the booth window, the
 * renderer assembles the lines and hands them to the host, which checks them and takes them as a document
 * read like any other reader's (the lane session, its records lookup and the chip, published as lane:onSession).
 */
export const wedgeReadChannelDoc =
  'A keyboard-wedge reader typed these MRZ lines: the host parses them and, when layout, characters and field syntax are right, takes them as a document read (lane:onSession with records and the chip). Failing check digits do not refuse the read: it is taken flagged (document.checkDigitFailures), as a serial reader delivers it. Fails with unreadable_document naming what was wrong when the lines are no MRZ; nothing is opened then.';

/** Longer than any MRZ line (44), so the parser, not the schema, says what is wrong with a too-long line. */
const maxTypedLineLength = 60;

export const wedgeReadRequestSchema = z.strictObject({
  /** The lines as typed (upper-case MRZ text); bounded so a stuck key cannot hand the host megabytes. */
  lines: z.array(z.string().max(maxTypedLineLength)).min(1).max(3),
});
export type WedgeReadRequest = z.input<typeof wedgeReadRequestSchema>;

const field = z.string().max(80).nullable();

/** The main fields of the parsed MRZ (the traveller card parses the read again and shows every field). */
export const wedgeDocumentSchema = z.strictObject({
  format: z.string().max(40),
  documentCode: field,
  issuingState: field,
  documentNumber: field,
  lastName: field,
  firstName: field,
  nationality: field,
  birthDate: field,
  sex: field,
  expirationDate: field,
  /** What the parser found odd about the document itself (not the typing), for the document rules to weigh. */
  problems: z.array(z.string().max(500)).max(20),
  /**
   * The check digits that fail (also among `problems`), empty for a clean read. The read was taken all the same,
   * as a serial reader's is: a failing check digit is a fraud or damage signal the officer must see.
   */
  checkDigitFailures: z.array(z.string().max(500)).max(10),
});
export type WedgeDocument = z.output<typeof wedgeDocumentSchema>;

export const wedgeReadReplySchema = z.strictObject({
  /** The document read as every reader delivers it; the same read arrives in the lane session (lane:onSession). */
  read: documentReadSchema,
  document: wedgeDocumentSchema,
});
export type WedgeReadReply = z.output<typeof wedgeReadReplySchema>;
