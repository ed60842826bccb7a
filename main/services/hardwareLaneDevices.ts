import type { Clock } from '../../app/ports/Clock';
import type { Ids } from '../../app/ports/Ids';
import type { PlateReaderPort } from '../../app/ports/PlateReaderPort';
import type { RecordsPort } from '../../app/ports/RecordsPort';
import type { RfidReaderPort } from '../../app/ports/RfidReaderPort';
import type { PlateReaderSetting, RecordsServiceSetting, RfidReaderSetting } from '../../app/settings/laneDeviceSettings';
import { assertNever } from '../../app/shared/assertNever';
import { LprNetworkReader } from '../../native-bridges/plate-reader/LprNetworkReader.node.ts';
import { HttpRecordsClient } from '../../native-bridges/records-service/HttpRecordsClient.node.ts';
import { noPlateReads, noRecords, noRfidCards } from '../../native-bridges/records-service/unconfiguredLaneDevices';
import { RfidTcpReader } from '../../native-bridges/rfid-reader/RfidTcpReader.node.ts';
import { UnconfiguredDevice } from './UnconfiguredDevice';

/** The plate camera the settings name: the booth listens for its reads (HTTP JSON and/or TCP lines). */
export function createPlateReader(setting: PlateReaderSetting, clock: Clock, ids: Ids): PlateReaderPort {
  switch (setting.type) {
    case 'network':
      return new LprNetworkReader({ clock, ids, host: setting.host, ...(setting.httpPort ? { httpPort: setting.httpPort } : {}), ...(setting.tcpPort ? { tcpPort: setting.tcpPort } : {}) });
    case 'none':
      return Object.assign(new UnconfiguredDevice('plateReader', 'plate-reader', 'Plate reader', clock), noPlateReads);
    default:
      return assertNever(setting, 'plate reader setting');
  }
}

/** The UHF card reader the settings name: it connects to the booth's TCP port and sends tag lines. */
export function createRfidReader(setting: RfidReaderSetting, clock: Clock, ids: Ids): RfidReaderPort {
  switch (setting.type) {
    case 'tcp':
      return new RfidTcpReader({ clock, ids, host: setting.host, port: setting.port });
    case 'none':
      return Object.assign(new UnconfiguredDevice('rfidReader', 'rfid-reader', 'RFID reader', clock), noRfidCards);
    default:
      return assertNever(setting, 'RFID reader setting');
  }
}

/** The records service the settings name; without one, lookups say "unavailable" and decisions stay queued. */
export function createRecordsService(setting: RecordsServiceSetting, clock: Clock): RecordsPort {
  switch (setting.type) {
    case 'http':
      return new HttpRecordsClient({ baseUrl: setting.baseUrl, clock, timeoutMs: setting.timeoutMs });
    case 'none':
      return Object.assign(new UnconfiguredDevice('recordsService', 'records-service', 'Records service', clock), noRecords);
    default:
      return assertNever(setting, 'records service setting');
  }
}
