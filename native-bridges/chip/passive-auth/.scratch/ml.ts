import { readFileSync } from 'node:fs';
import { parseMasterList } from '../masterList';
const M = '/work/shared/datasets/emrtd/master_lists_and_csca/';
for (const f of ['DE_ML_2026-05-28-08-28-45.ml', 'NL_ML_2026-07-22.ml']) {
  const t = performance.now();
  const ml = parseMasterList(new Uint8Array(readFileSync(M + f)), f, new Date('2026-11-23'));
  console.log(f, ml.anchors.length, ml.signatureValid, ml.reason, ml.signerSubject, '|', ml.signerIssuer, performance.now() - t, 'ms');
}
