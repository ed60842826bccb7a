import type { Unsubscribe } from './DevicePort';
import type { DocumentReaderPort } from './DocumentReaderPort';
import type { DocumentRead, PageImages } from './documentRead';

export type PageIllumination = keyof PageImages;

/** A read from a full-page reader: the MRZ text plus the data page imaged under each of its lights. */
export type FullPageRead = DocumentRead & { readonly pageImages: PageImages };

/**
 * A full-page (flatbed) document reader: OCRs the MRZ and images the data page under visible, infrared and
 * ultraviolet light. Its reads are ordinary document reads, so everything that takes a DocumentReaderPort
 * takes it too; the images ride along in `pageImages`.
 */
export interface FullPageReaderPort extends DocumentReaderPort {
  /** The lights this reader images under; a read carries an image for each (when the capture succeeded). */
  readonly illuminations: readonly PageIllumination[];
  /** Called once per complete read, with the page images. */
  onRead(listener: (read: FullPageRead) => void): Unsubscribe;
}
