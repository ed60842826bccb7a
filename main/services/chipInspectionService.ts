import type { ChipReaderPort } from '../../app/ports/ChipReaderPort';
import type { ChipReport } from '../../app/ports/chipReport';
import type { Clock } from '../../app/ports/Clock';
import type { DocumentRead } from '../../app/ports/documentRead';
import type { Ids } from '../../app/ports/Ids';
import { accessKeyFromMrzLines } from '../../app/document/mrz/mrzAccessKey';
import { ChipReadError } from '../../native-bridges/chip/chipReadError';
import { faceImageForDisplay } from '../../native-bridges/chip/faceImage/faceImageForDisplay.node.ts';
import { inspectChipRead } from '../../native-bridges/chip/inspectChipRead.node.ts';
import type { TrustStore } from '../../native-bridges/chip/passive-auth/trustStore.node.ts';
import { defaultChipPolicy, type ChipPolicy } from '../../app/inspection/chipPolicy';

export interface ChipInspectionServiceOptions {
  readonly chipReader: ChipReaderPort;
  /** The CSCAs Passive Authentication chains to (master lists, certificate folders, or the simulator's test CSCA). */
  readonly trust: () => Promise<TrustStore>;
  readonly clock: Clock;
  readonly ids: Ids;
  /** What Passive Authentication must establish before it says verified, and how a not-verifiable chip is referred (setting `chipPolicy`). */
  readonly policy?: ChipPolicy;
}

/**
 * Reads the chip of the document just read (its MRZ opens the chip) and turns the outcome into the report
 * the officer's chip badge shows. A failed read is a report too, never an exception: the officer must see why.
 */
export function createChipInspectionService(options: ChipInspectionServiceOptions) {
  const { chipReader, clock, ids } = options;
  const policy = options.policy ?? defaultChipPolicy;

  const failedReport = (read: DocumentRead, code: string, message: string): ChipReport => ({
    reportId: ids.next('chip'),
    documentReadId: read.readId,
    readAt: clock.now().toISOString(),
    reader: chipReader.status().name,
    outcome: 'failed',
    error: { code, message },
    checks: [],
    // Nothing was checked: not verified, and not a forgery either (the chip_not_read rule refers to it).
    verdict: 'not_verifiable',
    verdictReason: `Chip not read: ${message}`,
  });

  return {
    async inspect(read: DocumentRead): Promise<ChipReport> {
      let mrzKey;
      try {
        mrzKey = accessKeyFromMrzLines(read.mrz);
      } catch (error) {
        return failedReport(read, 'bad_request', `the MRZ cannot open a chip: ${(error as Error).message}`);
      }
      const started = performance.now();
      try {
        const result = await chipReader.readPassport({ mrz: mrzKey });
        const at = clock.now();
        const inspection = inspectChipRead(result, { opticalMrz: read.mrz, trust: await options.trust(), at, policy });
        const photo = inspection.face ? await faceImageForDisplay(inspection.face.image, inspection.face.mimeType) : undefined;
        return {
          reportId: ids.next('chip'),
          documentReadId: read.readId,
          readAt: at.toISOString(),
          reader: result.reader,
          outcome: 'read',
          checks: [...inspection.checks],
          verdict: inspection.verdict,
          ...(inspection.verdictReason ? { verdictReason: inspection.verdictReason } : {}),
          ...(inspection.chipMrz ? { chipMrz: [...inspection.chipMrz] } : {}),
          ...(photo ? { photo: { mediaType: photo.mimeType, base64: Buffer.from(photo.bytes).toString('base64') } } : {}),
          durationMs: Math.round(performance.now() - started),
        };
      } catch (error) {
        if (error instanceof ChipReadError) return failedReport(read, error.code, error.message);
        return failedReport(read, 'unexpected', error instanceof Error ? error.message : String(error));
      }
    },
  };
}

export type ChipInspectionService = ReturnType<typeof createChipInspectionService>;
