import type { ChipCheck } from '../../app/document/lds/chipCheck';
import type { ChipVerdict, PassiveAuthenticationPolicy } from '../../app/document/lds/chipVerdict';
import { chipReadVerdict } from '../../app/document/lds/chipVerdict';
import type { FaceImageMimeType } from '../../app/document/lds/faceImageType';
import { parseDg1 } from '../../app/document/lds/parseDg1';
import { parseDg2 } from '../../app/document/lds/parseDg2';
import type { ChipProtocolOutcome, ChipReadResult } from '../../app/ports/ChipReaderPort';
import { verifyPassiveAuthentication } from './passive-auth/passiveAuthentication.node.ts';
import type { TrustStore } from './passive-auth/trustStore.node.ts';

/** Every security check of one chip read, and what the officer needs to see of its data. */
export interface ChipInspection {
  readonly checks: readonly ChipCheck[];
  /** verified only with a trusted chain and every needed check passed; see chipReadVerdict. */
  readonly verdict: ChipVerdict;
  /** The headline when not verified. */
  readonly verdictReason: string | undefined;
  /** The MRZ stored in DG1, when it was read. */
  readonly chipMrz: readonly string[] | undefined;
  /** The first face of DG2, as stored (JPEG or JPEG 2000). */
  readonly face: { readonly image: Uint8Array; readonly mimeType: FaceImageMimeType } | undefined;
  readonly documentSigner: string | undefined;
}

/**
 * An Active or Chip Authentication outcome as a check. `offered`: the chip lists the data group the protocol needs
 * (DG15, DG14), so a check that could not be made is one the chip offered (the rules refer it), not one it lacks.
 */
function protocolCheck(check: 'active_authentication' | 'chip_authentication', outcome: ChipProtocolOutcome, offered: boolean): ChipCheck {
  return { check, status: outcome.status, ...(outcome.reason ? { reason: outcome.reason } : {}), detail: { offered, ...(outcome.algorithm ? { algorithm: outcome.algorithm } : {}) } };
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
export function inspectChipRead(
  result: ChipReadResult,
  context: { readonly opticalMrz?: readonly string[]; readonly trust: TrustStore; readonly at: Date; readonly policy: PassiveAuthenticationPolicy },
): ChipInspection {
  const dg1 = result.dataGroups.get(1);
  const dg1Parsed = dg1 ? attempt(() => parseDg1(dg1).lines) : undefined;
  const chipMrz = dg1Parsed?.value;
  // The issuing state names the state in the headline ("no CSCA for NZL"); the chip's own DG1 says it, else the printed MRZ.
  const issuingState = issuingStateOf(chipMrz) ?? issuingStateOf(context.opticalMrz);
  const checks: ChipCheck[] = [
    { check: 'access_control', status: 'passed', detail: { protocol: result.accessControl.description, ...(result.accessControl.fallbackReason ? { fallback: result.accessControl.fallbackReason } : {}) } },
  ];
  let documentSigner: string | undefined;
  if (result.sod) {
    const passive = verifyPassiveAuthentication({
      sod: result.sod,
      dataGroups: result.dataGroups,
      anchors: context.trust.anchors,
      trustChecks: context.trust.checks,
      crls: context.trust.crls,
      at: context.at,
      policy: context.policy,
      ...(issuingState ? { issuingState } : {}),
    });
    checks.push(...passive.checks);
    documentSigner = passive.documentSigner;
  } else {
    checks.push({ check: 'sod_structure', status: 'failed', reason: 'the chip has no EF.SOD: its data cannot be authenticated' });
  }
  const listed = (dg: number) => result.dataGroups.has(dg) || result.notRead.includes(dg);
  checks.push(protocolCheck('active_authentication', result.activeAuthentication, listed(15)), protocolCheck('chip_authentication', result.chipAuthentication, listed(14)));
  checks.push(dg1Parsed?.error ? { check: 'dg1_vs_mrz', status: 'failed', reason: `DG1 on the chip is malformed: ${dg1Parsed.error}` } : dg1VersusMrz(chipMrz, context.opticalMrz));

  const dg2 = result.dataGroups.get(2);
  // A DG2 that cannot be decoded leaves the card without a chip photo; its hash check has judged its bytes already.
  const firstFace = dg2 ? attempt(() => parseDg2(dg2).faces[0]).value : undefined;
  const face = firstFace ? { image: firstFace.image, mimeType: firstFace.mimeType } : undefined;
  const { verdict, reason } = chipReadVerdict(checks, context.policy, issuingState);
  return { checks, verdict, verdictReason: reason, chipMrz, face, documentSigner };
}

/** Runs a parser on chip data: its value, or why it failed (a chip's data is outside input, never a crash). */
function attempt<T>(parse: () => T): { readonly value?: T; readonly error?: string } {
  try {
    return { value: parse() };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Characters 3-5 of the first MRZ line (every ICAO layout), without fillers; undefined when not a state code. */
function issuingStateOf(mrz: readonly string[] | undefined): string | undefined {
  const state = mrz?.[0]?.trim().toUpperCase().slice(2, 5).replace(/</g, '');
  return state && /^[A-Z]{1,3}$/.test(state) ? state : undefined;
}
