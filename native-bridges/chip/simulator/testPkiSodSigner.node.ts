import { buildSod } from '../pki/buildSod.node.ts';
import { generateTestPki, type TestPki } from '../pki/testPki.node.ts';
import type { SodBuilder } from './simulatedPassportConfig';

export interface TestPkiSodSigner {
  readonly buildSod: SodBuilder;
  /** DER of the test CSCA, for `--trust` when verifying what the simulated chip serves. */
  readonly cscaDer: Uint8Array;
}

/**
 * A fresh test CSCA + Document Signer (generated now, never stored) that signs the simulated chip's SOD, and, made
 * on first use, a forger's own CSCA + Document Signer (same country, another name) that is in no trust list.
 */
export async function createTestPkiSodSigner(now: Date): Promise<TestPkiSodSigner> {
  const notBefore = new Date(now.getTime() - 24 * 3600 * 1000);
  const pki = await generateTestPki({ algorithm: 'ecdsa-p256', notBefore });
  let rogue: Promise<TestPki> | undefined;
  return {
    cscaDer: pki.csca.der,
    buildSod: async (dataGroups, signer) => {
      const ds = signer === 'untrusted' ? (await (rogue ??= generateTestPki({ algorithm: 'ecdsa-p256', notBefore, cscaName: 'Rogue Document Signing CA' }))).ds : pki.ds;
      return buildSod({ dataGroups, ds, hashAlgorithm: 'SHA-256', signingTime: now });
    },
  };
}
