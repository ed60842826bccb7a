import { readFileSync, readdirSync } from 'node:fs';
import { verifyPassiveAuthentication } from '../passiveAuthentication';
import { loadTrustStore } from '../trustStore';
const D = '/work/shared/datasets/emrtd/';
const at = new Date('2026-11-23');
const t0 = performance.now();
const trust = loadTrustStore([D + 'master_lists_and_csca/DE_ML_2026-05-28-08-28-45.ml', D + 'master_lists_and_csca/NL_ML_2026-07-22.ml', D + 'master_lists_and_csca/IDN_2010_SERIES_CSCA_CERT'], at);
console.log('trust', trust.anchors.length, performance.now() - t0, JSON.stringify(trust.checks));
for (const c of readdirSync(D + 'real_passport_sods')) {
  const r = verifyPassiveAuthentication({ sod: new Uint8Array(readFileSync(`${D}real_passport_sods/${c}/EF_SOD.bin`)), dataGroups: new Map(), anchors: trust.anchors, at });
  console.log(c, r.passed, r.checks.filter((x) => x.check !== 'master_list' && x.check !== 'dg_hash').map((x) => `${x.check}:${x.status}${x.reason ? '(' + x.reason + ')' : ''}${x.check === 'csca_chain' && x.detail ? ' ' + x.detail.csca + ' @' + x.detail.source : ''}`).join(' | '));
}
for (const f of ['bsi_tr03105_5_reference_dataset/EF_SOD.bin', 'jmrtd_samples/bsi2008/EF_SOD.bin', 'jmrtd_samples/loes2006/ef011D.bin', 'jmrtd_samples/ef_sod/NZ2013_EF_SOD.BIN']) {
  const r = verifyPassiveAuthentication({ sod: new Uint8Array(readFileSync(D + f)), dataGroups: new Map(), anchors: [], at });
  console.log(f, r.checks.filter((x) => x.check !== 'dg_hash').map((x) => `${x.check}:${x.status}${x.reason ? '(' + x.reason + ')' : ''}`).join(' | '));
}
