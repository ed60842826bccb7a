import type { ChipCheck } from '../../app/document/lds/chipCheck';
import type { FaceImageMimeType } from '../../app/document/lds/faceImageType';
import { parseDg1 } from '../../app/document/lds/parseDg1';
import { parseDg2 } from '../../app/document/lds/parseDg2';
import type { ChipProtocolOutcome, ChipReadResult } from '../../app/ports/ChipReaderPort';
import { verifyPassiveAuthentication } from './passive-auth/passiveAuthentication.node.ts';
import type { TrustStore } from './passive-auth/trustStore.node.ts';

/** Every security check of one chip read, and what the officer needs to see of its data. */
export interface ChipInspection {
  readonly checks: readonly ChipCheck[];
  /** True when no check failed (a check that was not possible is not a failure). */
  readonly passed: boolean;
  /** The MRZ stored in DG1, when it was read. */
  readonly chipMrz: readonly string[] | undefined;
  /** The first face of DG2, as stored (JPEG or JPEG 2000). */
  readonly face: { readonly image: Uint8Array; readonly mimeType: FaceImageMimeType } | undefined;
  readonly documentSigner: string | undefined;
}

function protocolCheck(check: 'active_authentication' | 'chip_authentication', outcome: ChipProtocolOutcome): ChipCheck {
  return { check, status: outcome.status, ...(outcome.reason ? { reason: outcome.reason } : {}), ...(outcome.algorithm ? { detail: { algorithm: outcome.algorithm } } : {}) };
}

function dg1VersusMrz(chipMrz: readonly string[] | undefined, opticalMrz: readonly string[] | undefined): ChipCheck {
  if (!chipMrz) return { check: 'dg1_vs_mrz', status: 'not_possible', reason: 'DG1 was not read' };
  if (!opticalMrz) return { check: 'dg1_vs_mrz', status: 'not_possible', reason: 'no printed MRZ was read (chip opened with the CAN)' };
  const same = chipMrz.join('') === opticalMrz.map((line) => line.trim().toUpperCase()).join('');
  return same ? { check: 'dg1_vs_mrz', status: 'passed' } : { check: 'dg1_vs_mrz', status: 'failed', reason: 'the MRZ stored on the chip differs from the printed MRZ' };
}

/**
 * Runs every check ICAO 9303 asks of a chip read: access control, Passive Authentication (SOD signature,
 * data group hashes, certificate chain), Active and Chip Authentication (cloned chips), and DG1 against the
 * printed MRZ. The booth and `npx booth chip read` both call this, so they cannot disagree.
 */
export function inspectChipRead(result: ChipReadResult, context: { readonly opticalMrz?: readonly string[]; readonly trust: TrustStore; readonly at: Date }): ChipInspection {
  const checks: ChipCheck[] = [
    { check: 'access_control', status: 'passed', detail: { protocol: result.accessControl.description, ...(result.accessControl.fallbackReason ? { fallback: result.accessControl.fallbackReason } : {}) } },
  ];
  let documentSigner: string | undefined;
  if (result.sod) {
    const passive = verifyPassiveAuthentication({ sod: result.sod, dataGroups: result.dataGroups, anchors: context.trust.anchors, trustChecks: context.trust.checks, at: context.at });
    checks.push(...passive.checks);
    documentSigner = passive.documentSigner;
  } else {
    checks.push({ check: 'sod_structure', status: 'failed', reason: 'the chip has no EF.SOD: its data cannot be authenticated' });
  }
  checks.push(protocolCheck('active_authentication', result.activeAuthentication), protocolCheck('chip_authentication', result.chipAuthentication));

  const dg1 = result.dataGroups.get(1);
  const chipMrz = dg1 ? parseDg1(dg1).lines : undefined;
  checks.push(dg1VersusMrz(chipMrz, context.opticalMrz));

  const dg2 = result.dataGroups.get(2);
  const firstFace = dg2 ? parseDg2(dg2).faces[0] : undefined;
  const face = firstFace ? { image: firstFace.image, mimeType: firstFace.mimeType } : undefined;
  return { checks, passed: !checks.some((check) => check.status === 'failed'), chipMrz, face, documentSigner };
}
