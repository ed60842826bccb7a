import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { HashName } from './algorithms';
import { hashNameOfOid } from './algorithms';

export const idLdsSecurityObject = '2.23.136.1.1.1';
const idSignedData = '1.2.840.113549.1.7.2';
const idData = '1.2.840.113549.1.7.1';

export class SodError extends Error {
  override readonly name = 'SodError';
  readonly code = 'bad_sod';
}

export interface LdsSecurityObject {
  readonly version: number;
  readonly hashAlgorithmOid: string;
  /** undefined when the hash algorithm is not one this project supports. */
  readonly hashAlgorithm: HashName | undefined;
  readonly dataGroupHashes: ReadonlyMap<number, Uint8Array>;
  readonly ldsVersion?: string;
  readonly unicodeVersion?: string;
}

export interface ParsedSod {
  readonly signedData: pkijs.SignedData;
  readonly eContentType: string;
  /** The encapsulated LDSSecurityObject DER, exactly the bytes the messageDigest attribute covers. */
  readonly eContent: Uint8Array;
  readonly securityObject: LdsSecurityObject;
}

function fail(message: string): never {
  throw new SodError(`EF.SOD: ${message}`);
}

function octetStringContent(octets: asn1js.OctetString): Uint8Array {
  // Constructed (BER) OCTET STRINGs are split into segments; the digest covers their concatenation.
  if (octets.idBlock.isConstructed) {
    const parts = octets.valueBlock.value.map((p) => (p instanceof asn1js.OctetString ? octetStringContent(p) : fail('constructed eContent holds a non-OCTET STRING part')));
    return Uint8Array.from(Buffer.concat(parts));
  }
  return new Uint8Array(octets.valueBlock.valueHexView);
}

function printable(value: asn1js.AsnType | undefined): string | undefined {
  return value instanceof asn1js.PrintableString || value instanceof asn1js.Utf8String || value instanceof asn1js.IA5String ? value.valueBlock.value : undefined;
}

export function parseLdsSecurityObject(der: Uint8Array): LdsSecurityObject {
  const parsed = asn1js.fromBER(der);
  if (parsed.offset === -1) fail(`LDSSecurityObject is not valid ASN.1: ${parsed.result.error}`);
  const seq = parsed.result;
  if (!(seq instanceof asn1js.Sequence)) fail('LDSSecurityObject is not a SEQUENCE');
  const [version, hashAlgorithm, hashes, versionInfo] = seq.valueBlock.value;
  if (!(version instanceof asn1js.Integer)) fail('LDSSecurityObject version is not an INTEGER');
  if (!(hashAlgorithm instanceof asn1js.Sequence)) fail('LDSSecurityObject hashAlgorithm is missing');
  if (!(hashes instanceof asn1js.Sequence)) fail('LDSSecurityObject dataGroupHashValues is missing');
  const algorithm = new pkijs.AlgorithmIdentifier({ schema: hashAlgorithm });
  const dataGroupHashes = new Map<number, Uint8Array>();
  for (const entry of hashes.valueBlock.value) {
    const [number, value] = entry instanceof asn1js.Sequence ? entry.valueBlock.value : [];
    if (!(number instanceof asn1js.Integer) || !(value instanceof asn1js.OctetString)) fail('a DataGroupHash is not SEQUENCE { INTEGER, OCTET STRING }');
    const dg = number.valueBlock.valueDec;
    if (dg < 1 || dg > 16) fail(`DataGroupHash names data group ${dg}, outside 1..16`);
    if (dataGroupHashes.has(dg)) fail(`data group ${dg} is hashed twice`);
    dataGroupHashes.set(dg, new Uint8Array(value.valueBlock.valueHexView));
  }
  const [ldsVersion, unicodeVersion] = versionInfo instanceof asn1js.Sequence ? versionInfo.valueBlock.value : [];
  return {
    version: version.valueBlock.valueDec,
    hashAlgorithmOid: algorithm.algorithmId,
    hashAlgorithm: hashNameOfOid(algorithm.algorithmId),
    dataGroupHashes,
    ldsVersion: printable(ldsVersion),
    unicodeVersion: printable(unicodeVersion),
  };
}

/** Parses EF.SOD: tag 0x77 around a CMS ContentInfo of SignedData encapsulating an LDSSecurityObject. */
export function parseSod(bytes: Uint8Array): ParsedSod {
  if (bytes[0] !== 0x77) fail(`starts with 0x${(bytes[0] ?? 0).toString(16)}, expected tag 0x77`);
  const parsed = asn1js.fromBER(bytes);
  if (parsed.offset === -1) fail(`not valid BER: ${parsed.result.error}`);
  const wrapper = parsed.result;
  const inner = wrapper instanceof asn1js.Constructed ? wrapper.valueBlock.value[0] : undefined;
  if (!inner) fail('tag 0x77 does not contain a ContentInfo');
  let signedData: pkijs.SignedData;
  try {
    const contentInfo = new pkijs.ContentInfo({ schema: inner });
    if (contentInfo.contentType !== idSignedData) fail(`ContentInfo type is ${contentInfo.contentType}, expected signedData`);
    signedData = new pkijs.SignedData({ schema: contentInfo.content });
  } catch (error) {
    if (error instanceof SodError) throw error;
    fail(`not a CMS SignedData: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { eContentType, eContent } = signedData.encapContentInfo;
  // Some states (seen on real Chinese passports) label the LDSSecurityObject as id-data; the content decides.
  if (eContentType !== idLdsSecurityObject && eContentType !== idData) fail(`eContentType is ${eContentType}, expected ${idLdsSecurityObject}`);
  if (!eContent) fail('SignedData has no encapsulated content');
  const content = octetStringContent(eContent);
  return { signedData, eContentType, eContent: content, securityObject: parseLdsSecurityObject(content) };
}
