import { createHash, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { PkiEntity } from './testPki.node.ts';
import { ensurePkijsEngine } from './testPki.node.ts';

/** Deliberate SOD faults for trainer scenarios and negative tests. */
export type SodFault =
  /** The CMS signature is corrupted (one byte flipped). */
  | 'bad_signature'
  /** The hash stored for `wrongHashDataGroup` (default the lowest DG) is not the hash of its bytes. */
  | 'wrong_hash'
  /** The Document Signer certificate is not embedded in the SOD. */
  | 'no_certificate';

export interface BuildSodOptions {
  readonly dataGroups: ReadonlyMap<number, Uint8Array>;
  readonly ds: PkiEntity;
  readonly hashAlgorithm: 'SHA-256' | 'SHA-384' | 'SHA-512';
  readonly faults?: readonly SodFault[];
  readonly wrongHashDataGroup?: number;
  /** LDS version info ('0108', '040000') for an LDS 1.8 security object (version 1); omitted: version 0. */
  readonly ldsVersion?: { readonly lds: string; readonly unicode: string };
  /** signingTime attribute (injected time); omitted when undefined. */
  readonly signingTime?: Date;
  /** Called once signed, before encoding: forgery tests replace the signature or its algorithm here. */
  readonly afterSigning?: (signedData: pkijs.SignedData) => void;
}

const hashOids = { 'SHA-256': '2.16.840.1.101.3.4.2.1', 'SHA-384': '2.16.840.1.101.3.4.2.2', 'SHA-512': '2.16.840.1.101.3.4.2.3' } as const;
const nodeHash = { 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' } as const;
const idLdsSecurityObject = '2.23.136.1.1.1';

function ldsSecurityObject(options: BuildSodOptions): Uint8Array {
  const faulty = options.faults?.includes('wrong_hash') ? (options.wrongHashDataGroup ?? Math.min(...options.dataGroups.keys())) : undefined;
  const entries = [...options.dataGroups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([dg, bytes]) => {
      const hash = createHash(nodeHash[options.hashAlgorithm]).update(bytes).digest();
      if (dg === faulty) hash[0]! ^= 0xff;
      return new asn1js.Sequence({ value: [new asn1js.Integer({ value: dg }), new asn1js.OctetString({ valueHex: hash })] });
    });
  const value: asn1js.AsnType[] = [
    new asn1js.Integer({ value: options.ldsVersion ? 1 : 0 }),
    new pkijs.AlgorithmIdentifier({ algorithmId: hashOids[options.hashAlgorithm] }).toSchema(),
    new asn1js.Sequence({ value: entries }),
  ];
  if (options.ldsVersion) {
    value.push(new asn1js.Sequence({ value: [new asn1js.PrintableString({ value: options.ldsVersion.lds }), new asn1js.PrintableString({ value: options.ldsVersion.unicode })] }));
  }
  return new Uint8Array(new asn1js.Sequence({ value }).toBER(false));
}

/**
 * Builds EF.SOD bytes: tag 0x77 around a CMS SignedData (eContentType 2.23.136.1.1.1) whose LDSSecurityObject
 * holds the hash of every given data group, signed by the Document Signer `ds` with signed attributes
 * (contentType, messageDigest). Valid unless `faults` ask otherwise.
 */
export async function buildSod(options: BuildSodOptions): Promise<Uint8Array> {
  ensurePkijsEngine();
  if (options.dataGroups.size === 0) throw new Error('buildSod: at least one data group is needed');
  const content = ldsSecurityObject(options);
  const contentDigest = new Uint8Array(await webcrypto.subtle.digest(options.hashAlgorithm, content));
  const attributes = [
    new pkijs.Attribute({ type: '1.2.840.113549.1.9.3', values: [new asn1js.ObjectIdentifier({ value: idLdsSecurityObject })] }),
    new pkijs.Attribute({ type: '1.2.840.113549.1.9.4', values: [new asn1js.OctetString({ valueHex: contentDigest })] }),
  ];
  if (options.signingTime) attributes.push(new pkijs.Attribute({ type: '1.2.840.113549.1.9.5', values: [new asn1js.UTCTime({ valueDate: options.signingTime })] }));
  const signedData = new pkijs.SignedData({
    version: 3,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: idLdsSecurityObject, eContent: new asn1js.OctetString({ valueHex: content }) }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: options.ds.certificate.issuer, serialNumber: options.ds.certificate.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes }),
      }),
    ],
    certificates: options.faults?.includes('no_certificate') ? undefined : [options.ds.certificate],
  });
  await signedData.sign(options.ds.privateKey, 0, options.hashAlgorithm);
  if (options.faults?.includes('bad_signature')) {
    const signature = new Uint8Array(signedData.signerInfos[0]!.signature.valueBlock.valueHexView);
    // Flip a byte in the middle: for ECDSA DER that keeps the structure valid, so the failure is cryptographic.
    signature[Math.floor(signature.length / 2)]! ^= 0x01;
    signedData.signerInfos[0]!.signature = new asn1js.OctetString({ valueHex: signature });
  }
  options.afterSigning?.(signedData);
  const contentInfo = new pkijs.ContentInfo({ contentType: '1.2.840.113549.1.7.2', content: signedData.toSchema(true) });
  const der = new Uint8Array(contentInfo.toSchema().toBER(false));
  return new Uint8Array(new asn1js.Constructed({ idBlock: { tagClass: 2, tagNumber: 23 }, value: [asn1js.fromBER(der).result] }).toBER(false));
}
