import type { BoothSettings } from '../../app/settings/boothSettings';
import type { TrustStore } from '../../native-bridges/chip/passive-auth/trustStore.node.ts';

/**
 * What the header must tell the officer about chip trust: a hardware booth with no trust list verifies no chip
 * (every one shows "not verifiable"), a trust file that was refused protects nothing, and a CRL past its next
 * update leaves its state's chips not verifiable. `trust` is the loaded store (hardware booths only).
 */
export function chipTrustNotices(settings: BoothSettings, trust: TrustStore | undefined, at: Date): string[] {
  if (settings.devices !== 'hardware') return [];
  if (settings.chipTrust.length === 0) {
    return ['chipTrust: the chip trust list is empty, so no chip can be verified (every chip shows "not verifiable"); set CSCA master lists or certificate folders in settings.json'];
  }
  const notices: string[] = [];
  for (const file of trust?.files ?? []) {
    if (file.status === 'refused') notices.push(`chipTrust: ${file.file} was refused: ${file.reason ?? 'unusable'}`);
    else if (file.expired) notices.push(`chipTrust: the CRL ${file.file} (${file.subject ?? 'unknown issuer'}) was due for update on ${file.nextUpdate ?? '?'}: chips of that state are not verifiable until a current CRL is loaded`);
  }
  if (trust && trust.anchors.length === 0) notices.push(`chipTrust: no CSCA could be loaded from the trust list (${at.toISOString().slice(0, 10)}), so no chip can be verified`);
  return notices;
}
