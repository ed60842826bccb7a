import { sequentialIds } from '../../app/ports/Ids';
import { conformanceDocuments, describeDocumentReaderConformance } from './documentReaderConformance';
import { SimulatedDocumentReader } from './SimulatedDocumentReader.node.ts';

// The scripted simulator that `npm start` and the booth e2e tests use. It reads whole scripted travellers
// only (no byte stream that could carry faults), so it runs the contract cases without the fault cases;
// the stream readers run all of them in SerialMrzReader.test.ts and SimulatedFullPageReader.test.ts.
describeDocumentReaderConformance(
  'SimulatedDocumentReader',
  async () => {
    const reader = new SimulatedDocumentReader({
      clock: { now: () => new Date('2026-11-23T10:00:00Z') },
      ids: sequentialIds(),
      travellers: conformanceDocuments.map((mrz, index) => ({ mrz, initials: 'CF', hue: index * 90 })),
    });
    return {
      reader,
      deliver: async (lines) => void reader.read(conformanceDocuments.indexOf(lines)),
      unplug: async () => void reader.setConnected(false),
      replug: async () => void reader.setConnected(true),
      settleMs: 0,
    };
  },
  { faults: false },
);
