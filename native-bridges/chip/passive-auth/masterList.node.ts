import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { decodeOneTlv } from '../../../app/document/lds/tlv';
import { describeName, isValidAt, mayHaveIssued, verifyCertificateSignature } from './certificates.node.ts';
import { verifySignedData } from './signedDataSignature.node.ts';
import { TrustAnchor, nameKey } from './trustAnchor.node.ts';

/** id-icao-cscaMasterList. */
export const idCscaMasterList = '2.23.136.1.1.2';
const idSignedData = '1.2.840.113549.1.7.2';

export interface MasterList {
  /** The CSCA certificates listed (trusted only when signatureValid). */
  readonly anchors: readonly TrustAnchor[];
  /** Whether the list's CMS signature verifies with its Master List Signer, and that signer chains to a CSCA and is valid at the check date. */
  readonly signatureValid: boolean;
  /** Why it is not trusted, when it is not. */
  readonly reason?: string;
  readonly signerSubject?: string;
  /** Subject of the CSCA that issued the signer. */
  readonly signerIssuer?: string;
  /**
   * Where that CSCA came from: 'given' (a certificate supplied separately, e.g. DE_ROOT_CA_CSCA07.cer: the list is
   * authentic) or 'list' (only the list's own content: proves integrity, not who published it).
   */
  readonly signerAnchor?: 'given' | 'list';
}

export class MasterListError extends Error {
  override readonly name = 'MasterListError';
  readonly code = 'bad_master_list';
}

function fail(message: string): never {
  throw new MasterListError(`master list: ${message}`);
}

function certificateDers(content: Uint8Array): Uint8Array[] {
  // CscaMasterList ::= SEQUENCE { version INTEGER, certList SET OF Certificate }. Split with the LDS TLV
  // decoder (fast) rather than asn1js/pkijs, which take seconds for a 600-certificate list.
  const list = decodeOneTlv(content, 0);
  const set = list.children[1];
  if (list.tag !== 0x30 || !set || set.tag !== 0x31) fail('content is not CscaMasterList { version, certList SET }');
  return set.children.map((c) => {
    const start = c.value.byteOffset - content.byteOffset - c.headerLength;
    return content.subarray(start, start + c.length);
  });
}

/**
 * Parses a CSCA master list (CMS SignedData, eContentType 2.23.136.1.1.2) and verifies its own signature:
 * the CMS signature with the embedded Master List Signer certificate, and that signer's certificate against
 * a CSCA of the list or one of `roots` (the publishing state's CSCA), valid at `at`.
 */
export function parseMasterList(bytes: Uint8Array, source: string, at: Date, roots: readonly pkijs.Certificate[] = []): MasterList {
  const parsed = asn1js.fromBER(bytes, { parseEmbedded: false, copyInput: false });
  if (parsed.offset === -1) fail(`not valid BER: ${parsed.result.error}`);
  let signedData: pkijs.SignedData;
  try {
    const contentInfo = new pkijs.ContentInfo({ schema: parsed.result });
    if (contentInfo.contentType !== idSignedData) fail(`ContentInfo type ${contentInfo.contentType} is not signedData`);
    signedData = new pkijs.SignedData({ schema: contentInfo.content });
  } catch (error) {
    if (error instanceof MasterListError) throw error;
    fail(`not a CMS SignedData: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { eContentType, eContent } = signedData.encapContentInfo;
  if (eContentType !== idCscaMasterList) fail(`eContentType ${eContentType} is not id-icao-cscaMasterList`);
  if (!eContent) fail('no encapsulated content');
  const content = new Uint8Array(eContent.getValue());
  let anchors: TrustAnchor[];
  try {
    anchors = certificateDers(content).map((der) => new TrustAnchor(der, source));
  } catch (error) {
    if (error instanceof MasterListError) throw error;
    fail(`certificate list is malformed: ${error instanceof Error ? error.message : String(error)}`);
  }

  const verification = verifySignedData(signedData, content, eContentType);
  if (!verification.ok) {
    return { anchors, signatureValid: false, reason: `signature: ${verification.reason}`, ...(verification.signer ? { signerSubject: describeName(verification.signer.subject) } : {}) };
  }
  const signer = verification.signer;
  const signerSubject = describeName(signer.subject);
  const issuerKey = nameKey(signer.issuer);
  const givenIssuer = roots.filter((c) => mayHaveIssued(c, signer)).find((c) => verifyCertificateSignature(signer, c).ok);
  const issuer =
    givenIssuer ??
    anchors
      .filter((a) => a.subjectKey === issuerKey)
      .map((a) => a.certificate)
      .filter((c) => mayHaveIssued(c, signer))
      .find((c) => verifyCertificateSignature(signer, c).ok);
  if (!issuer) return { anchors, signatureValid: false, signerSubject, reason: `Master List Signer ${signerSubject} does not chain to a known CSCA` };
  const signerIssuer = describeName(issuer.subject);
  const signerAnchor = givenIssuer ? 'given' : 'list';
  if (!isValidAt(signer, at)) {
    return { anchors, signatureValid: false, signerSubject, signerIssuer, signerAnchor, reason: `Master List Signer certificate is not valid on ${at.toISOString().slice(0, 10)}` };
  }
  return { anchors, signatureValid: true, signerSubject, signerIssuer, signerAnchor };
}
