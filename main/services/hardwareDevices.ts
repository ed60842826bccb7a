import { assertNever } from '../../app/shared/assertNever';
import { keyboardWedgeReaderId } from '../../app/document/reader/keyboardWedgeRead';
import type { BoothSettings, DocumentReaderSetting } from '../../app/settings/boothSettings';
import type { Clock } from '../../app/ports/Clock';
import type { Unsubscribe } from '../../app/ports/DevicePort';
import type { DocumentReaderPort } from '../../app/ports/DocumentReaderPort';
import type { Ids } from '../../app/ports/Ids';
import { SerialMrzReader } from '../../native-bridges/document-reader/SerialMrzReader.node.ts';
import { loadTrustStore } from '../../native-bridges/chip/passive-auth/trustStore.node.ts';
import { PcscChipReader } from '../../native-bridges/chip/pcsc/PcscChipReader.node.ts';
import { once } from './once';
import type { BoothDevices } from './BoothDevices';
import { randomIds } from './randomIds';
import { UnconfiguredDevice } from './UnconfiguredDevice';
import { createPlateReader, createRecordsService, createRfidReader } from './hardwareLaneDevices';

const noReads = { onRead: (): Unsubscribe => () => undefined, onReadError: (): Unsubscribe => () => undefined };

/**
 * The document reader the settings name. A keyboard-wedge reader types into the booth window, where the renderer
 * assembles the lines and hands them to the host (documents:wedgeRead); its light here is always on.
 */
export function createDocumentReader(setting: DocumentReaderSetting, clock: Clock, ids: Ids): DocumentReaderPort {
  switch (setting.type) {
    case 'serial':
      return new SerialMrzReader({ path: setting.path, baudRate: setting.baudRate, source: setting.readerKind, clock, ids });
    case 'keyboard':
      return Object.assign(
        new UnconfiguredDevice('documentReader', keyboardWedgeReaderId, 'Document reader (keyboard)', clock, { connected: true, detail: 'keyboard-wedge reader (in the booth window)' }),
        noReads,
      );
    case 'none':
      return Object.assign(new UnconfiguredDevice('documentReader', 'document-reader', 'Document reader', clock), noReads);
    default:
      return assertNever(setting, 'document reader setting');
  }
}

/** The booth's real devices. Until each driver lands, its slot is an UnconfiguredDevice. */
export function createHardwareDevices(settings: BoothSettings, clock: Clock, ids: Ids = randomIds): BoothDevices {
  const camera = Object.assign(new UnconfiguredDevice('camera', 'camera-bridge', 'Camera bridge', clock), { cameras: () => settings.cameras, scenes: () => [], onScene: () => () => undefined });
  const documentReader = createDocumentReader(settings.documentReader, clock, ids);
  return {
    camera,
    documentReader,
    chipReader: new PcscChipReader({ clock }),
    // Loaded once, on the first chip read: master lists take a few hundred milliseconds to verify.
    chipTrust: once(async () => loadTrustStore(settings.chipTrust, clock.now())),
    plateReader: createPlateReader(settings.plateReader, clock, ids),
    rfidReader: createRfidReader(settings.rfidReader, clock, ids),
    records: createRecordsService(settings.recordsService, clock),
  };
}
