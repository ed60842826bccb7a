import { buildSod } from '../pki/buildSod.node.ts';
import { generateTestPki } from '../pki/testPki.node.ts';
import type { SodBuilder } from './simulatedPassportConfig';

export interface TestPkiSodSigner {
  readonly buildSod: SodBuilder;
  /** DER of the test CSCA, for `--trust` when verifying what the simulated chip serves. */
  readonly cscaDer: Uint8Array;
}

/** A fresh test CSCA + Document Signer (generated now, never stored) that signs the simulated chip's SOD. */
export async function createTestPkiSodSigner(now: Date): Promise<TestPkiSodSigner> {
  const pki = await generateTestPki({ algorithm: 'ecdsa-p256', notBefore: new Date(now.getTime() - 24 * 3600 * 1000) });
  return {
    cscaDer: pki.csca.der,
    buildSod: (dataGroups) => buildSod({ dataGroups, ds: pki.ds, hashAlgorithm: 'SHA-256', signingTime: now }),
  };
}
