import type { MrzReadError } from '../document/reader/mrzReadError';
import type { DevicePort, Unsubscribe } from './DevicePort';
import type { DocumentRead } from './documentRead';

/** A document reader (swipe, page or keyboard-wedge): delivers complete, validated reads, never half a record. */
export interface DocumentReaderPort extends DevicePort {
  readonly kind: 'documentReader';
  /** Called once per complete read. */
  onRead(listener: (read: DocumentRead) => void): Unsubscribe;
  /**
   * Called when the reader's output did not become a read (partial, garbled, doubled, cut by an unplug),
   * so the officer can be told to scan again. Nothing of such output ever reaches `onRead`.
   */
  onReadError(listener: (error: MrzReadError) => void): Unsubscribe;
}
