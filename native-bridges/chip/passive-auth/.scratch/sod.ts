import { readFileSync } from 'node:fs';
import { generateTestPki, buildCrl } from '../../pki/testPki';
import { buildSod } from '../../pki/buildSod';
import { verifyPassiveAuthentication } from '../passiveAuthentication';
import { TrustAnchor } from '../trustAnchor';
import * as pkijs from 'pkijs';
const D = '/work/shared/datasets/emrtd/bsi_tr03105_5_reference_dataset/';
const dgs = new Map([[1, new Uint8Array(readFileSync(D + 'Datagroup1.bin'))], [2, new Uint8Array(readFileSync(D + 'Datagroup2.bin'))]]);
const at = new Date('2026-11-23');
for (const algorithm of ['ecdsa-p256', 'rsa'] as const) {
  const pki = await generateTestPki({ algorithm, notBefore: new Date('2026-01-01') });
  for (const faults of [[], ['bad_signature'], ['wrong_hash'], ['no_certificate']] as const) {
    const sod = await buildSod({ dataGroups: dgs, ds: pki.ds, hashAlgorithm: 'SHA-256', faults: [...faults] });
    const crl = pkijs.CertificateRevocationList.fromBER(await buildCrl(pki.csca, faults.length ? [2] : [7], new Date('2026-11-01'), new Date('2026-12-31')));
    const r = verifyPassiveAuthentication({ sod, dataGroups: dgs, anchors: [new TrustAnchor(pki.csca.der, 'test')], crls: [crl], at });
    console.log(algorithm, faults.join(), r.passed, r.checks.map((c) => `${c.check}${c.dg ?? ''}:${c.status}${c.reason ? '(' + c.reason + ')' : ''}`).join(' | '));
  }
}
