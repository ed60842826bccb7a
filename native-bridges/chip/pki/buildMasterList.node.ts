import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { idCscaMasterList } from '../passive-auth/masterList.node.ts';
import type { PkiEntity } from './testPki.node.ts';
import { ensurePkijsEngine } from './testPki.node.ts';

/**
 * A CSCA master list (CMS SignedData, eContentType id-icao-cscaMasterList) holding `cscas`, signed by `signer`
 * with its certificate embedded: the shape a state publishes, for the trust-store tests and the fuzz seeds.
 */
export async function buildMasterList(signer: PkiEntity, cscas: readonly pkijs.Certificate[]): Promise<Uint8Array> {
  ensurePkijsEngine();
  const content = new asn1js.Sequence({ value: [new asn1js.Integer({ value: 0 }), new asn1js.Set({ value: cscas.map((csca) => csca.toSchema()) })] }).toBER(false);
  const signedData = new pkijs.SignedData({
    version: 3,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: idCscaMasterList, eContent: new asn1js.OctetString({ valueHex: content }) }),
    signerInfos: [new pkijs.SignerInfo({ version: 1, sid: new pkijs.IssuerAndSerialNumber({ issuer: signer.certificate.issuer, serialNumber: signer.certificate.serialNumber }) })],
    certificates: [signer.certificate],
  });
  await signedData.sign(signer.privateKey, 0, 'SHA-256');
  return new Uint8Array(new pkijs.ContentInfo({ contentType: '1.2.840.113549.1.7.2', content: signedData.toSchema(true) }).toSchema().toBER(false));
}
