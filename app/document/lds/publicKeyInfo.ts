import * as asn1js from 'asn1js';
import { LdsError, withAsn1Errors } from './ldsError';

export type PublicKeyAlgorithm = 'rsa' | 'ec' | 'dh';

/** A SubjectPublicKeyInfo from the chip, kept as DER so any crypto library can import it. */
export interface ChipPublicKey {
  /** DER of the SubjectPublicKeyInfo exactly as stored. */
  readonly spki: Uint8Array;
  readonly algorithm: PublicKeyAlgorithm;
  /** Algorithm OID (1.2.840.113549.1.1.1, 1.2.840.10045.2.1, 1.2.840.10046.2.1, 0.4.0.127.0.7.2.2.1.x ...). */
  readonly algorithmOid: string;
  /** Named curve OID for EC keys with named parameters; undefined for explicit domain parameters (common on chips). */
  readonly namedCurveOid?: string;
  /** True when the EC key carries explicit domain parameters instead of a curve name. */
  readonly explicitParameters?: boolean;
}

const algorithmsByOid: Readonly<Record<string, PublicKeyAlgorithm>> = {
  '1.2.840.113549.1.1.1': 'rsa',
  '1.2.840.113549.1.1.10': 'rsa',
  '1.2.840.10045.2.1': 'ec',
  '1.2.840.10046.2.1': 'dh',
  '1.2.840.113549.1.3.1': 'dh',
  '0.4.0.127.0.7.2.2.1.1': 'dh',
  '0.4.0.127.0.7.2.2.1.2': 'ec',
};

/** Parses a DER SubjectPublicKeyInfo (used by DG15 and by DG14's ChipAuthenticationPublicKeyInfo). */
export function parseSubjectPublicKeyInfo(spkiSchema: asn1js.AsnType, der: Uint8Array, file: string): ChipPublicKey {
  if (!(spkiSchema instanceof asn1js.Sequence) || spkiSchema.valueBlock.value.length !== 2) {
    throw new LdsError('bad_structure', file, 'public key is not a SubjectPublicKeyInfo SEQUENCE { algorithm, subjectPublicKey }');
  }
  const [algorithmId, key] = spkiSchema.valueBlock.value;
  if (!(algorithmId instanceof asn1js.Sequence) || !(key instanceof asn1js.BitString)) {
    throw new LdsError('bad_structure', file, 'public key is not a SubjectPublicKeyInfo (algorithm identifier and BIT STRING expected)');
  }
  const [oid, parameters] = algorithmId.valueBlock.value;
  if (!(oid instanceof asn1js.ObjectIdentifier)) throw new LdsError('bad_structure', file, 'public key algorithm has no OID');
  const algorithmOid = oid.valueBlock.toString();
  const algorithm = algorithmsByOid[algorithmOid];
  if (!algorithm) throw new LdsError('unsupported', file, `public key algorithm ${algorithmOid} is not RSA, EC or DH`);
  if (algorithm !== 'ec') return { spki: der, algorithm, algorithmOid };
  if (parameters instanceof asn1js.ObjectIdentifier) return { spki: der, algorithm, algorithmOid, namedCurveOid: parameters.valueBlock.toString() };
  return { spki: der, algorithm, algorithmOid, explicitParameters: true };
}

/** BER-decodes `der` with asn1js, raising an LdsError naming `file` when it is not one complete ASN.1 value. */
export function decodeAsn1(der: Uint8Array, file: string, what: string): asn1js.AsnType {
  const parsed = withAsn1Errors(file, what, () => asn1js.fromBER(der));
  if (parsed.offset === -1) throw new LdsError('bad_structure', file, `${what} is not valid ASN.1: ${parsed.result.error}`);
  if (parsed.offset !== der.byteLength) throw new LdsError('bad_structure', file, `${what} has ${der.byteLength - parsed.offset} bytes after its ASN.1 value`);
  return parsed.result;
}
