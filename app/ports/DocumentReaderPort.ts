import type { DevicePort, Unsubscribe } from './DevicePort';
import type { DocumentRead } from './documentRead';

/** A document reader (swipe, page or keyboard-wedge): delivers complete, validated reads, never half a record. */
export interface DocumentReaderPort extends DevicePort {
  readonly kind: 'documentReader';
  /** Called once per complete read. */
  onRead(listener: (read: DocumentRead) => void): Unsubscribe;
}
