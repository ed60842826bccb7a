import { webcrypto } from 'node:crypto';

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/** A key pair with its certificate, as the trainer-mode chip and the tests use them. */
export interface PkiEntity {
  readonly certificate: pkijs.Certificate;
  /** DER of the certificate (what a CSCA folder or an SOD embeds). */
  readonly der: Uint8Array;
  readonly privateKey: CryptoKey;
  readonly keyAlgorithm: TestKeyAlgorithm;
}

export interface TestPki {
  readonly csca: PkiEntity;
  readonly ds: PkiEntity;
}

export type TestKeyAlgorithm = 'ecdsa-p256' | 'rsa';

export interface TestPkiOptions {
  readonly algorithm: TestKeyAlgorithm;
  /** Issuing state code for C= (default 'UTO', the ICAO test state; certificates use the 2-letter 'UT'). */
  readonly country?: string;
  /** Start of validity (injected time). */
  readonly notBefore: Date;
  /** Validity of the Document Signer in days (CSCA gets ten times as long). Default 365. */
  readonly validityDays?: number;
  /** Serial number of the Document Signer certificate (default 2). */
  readonly dsSerial?: number;
  /** Common name of the CSCA (default 'Booth Test CSCA'); another name makes a CSCA no trust list holds. */
  readonly cscaName?: string;
}

let engineReady = false;
function ensureEngine(): void {
  if (engineReady) return;
  pkijs.setEngine('node-webcrypto', new pkijs.CryptoEngine({ name: 'node-webcrypto', crypto: webcrypto as unknown as pkijs.CryptoEngineParameters['crypto'] }));
  engineReady = true;
}

async function generateKeyPair(algorithm: TestKeyAlgorithm): Promise<CryptoKeyPair> {
  const params =
    algorithm === 'rsa'
      ? { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }
      : { name: 'ECDSA', namedCurve: 'P-256' };
  return (await webcrypto.subtle.generateKey(params, true, ['sign', 'verify'])) as CryptoKeyPair;
}

function name(country: string, commonName: string): pkijs.RelativeDistinguishedNames {
  return new pkijs.RelativeDistinguishedNames({
    typesAndValues: [
      new pkijs.AttributeTypeAndValue({ type: '2.5.4.6', value: new asn1js.PrintableString({ value: country }) }),
      new pkijs.AttributeTypeAndValue({ type: '2.5.4.10', value: new asn1js.Utf8String({ value: 'Booth Test PKI' }) }),
      new pkijs.AttributeTypeAndValue({ type: '2.5.4.3', value: new asn1js.Utf8String({ value: commonName }) }),
    ],
  });
}

async function keyIdentifier(publicKey: CryptoKey): Promise<Uint8Array> {
  const spki = new Uint8Array(await webcrypto.subtle.exportKey('spki', publicKey));
  return new Uint8Array(await webcrypto.subtle.digest('SHA-1', spki)).subarray(0, 20);
}

async function makeCertificate(options: {
  subject: pkijs.RelativeDistinguishedNames;
  issuer: pkijs.RelativeDistinguishedNames;
  serial: number;
  notBefore: Date;
  notAfter: Date;
  publicKey: CryptoKey;
  signingKey: CryptoKey;
  issuerPublicKey: CryptoKey;
  isCa: boolean;
}): Promise<pkijs.Certificate> {
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ value: options.serial });
  cert.subject = options.subject;
  cert.issuer = options.issuer;
  cert.notBefore.value = options.notBefore;
  cert.notAfter.value = options.notAfter;
  await cert.subjectPublicKeyInfo.importKey(options.publicKey);
  const keyUsage = new asn1js.BitString({ valueHex: new Uint8Array([options.isCa ? 0x06 : 0x80]).buffer, unusedBits: options.isCa ? 1 : 7 });
  cert.extensions = [
    new pkijs.Extension({ extnID: '2.5.29.15', critical: true, extnValue: keyUsage.toBER(false) }),
    new pkijs.Extension({ extnID: '2.5.29.14', critical: false, extnValue: new asn1js.OctetString({ valueHex: await keyIdentifier(options.publicKey) }).toBER(false) }),
    new pkijs.Extension({
      extnID: '2.5.29.35',
      critical: false,
      extnValue: new pkijs.AuthorityKeyIdentifier({ keyIdentifier: new asn1js.OctetString({ valueHex: await keyIdentifier(options.issuerPublicKey) }) }).toSchema().toBER(false),
    }),
  ];
  if (options.isCa) {
    cert.extensions.push(new pkijs.Extension({ extnID: '2.5.29.19', critical: true, extnValue: new pkijs.BasicConstraints({ cA: true, pathLenConstraint: 0 }).toSchema().toBER(false) }));
  }
  await cert.sign(options.signingKey, 'SHA-256');
  return cert;
}

/** The C= of a name this PKI made ('UT' when it has none). */
function countryOfName(name: pkijs.RelativeDistinguishedNames): string {
  return String(name.typesAndValues.find((tv) => tv.type === '2.5.4.6')?.value.valueBlock.value ?? 'UT');
}

function entity(certificate: pkijs.Certificate, privateKey: CryptoKey, keyAlgorithm: TestKeyAlgorithm): PkiEntity {
  return { certificate, der: new Uint8Array(certificate.toSchema().toBER(false)), privateKey, keyAlgorithm };
}

/**
 * Generates a test CSCA and a Document Signer it issued, at run time (never stored): trainer mode and the
 * simulated chip sign their SODs with it, and Passive Authentication is tested against the CSCA.
 */
export async function generateTestPki(options: TestPkiOptions): Promise<TestPki> {
  ensureEngine();
  const country = options.country ?? 'UT';
  const day = 24 * 3600 * 1000;
  const validityDays = options.validityDays ?? 365;
  const cscaKeys = await generateKeyPair(options.algorithm);
  const dsKeys = await generateKeyPair(options.algorithm);
  const cscaName = name(country, options.cscaName ?? 'Booth Test CSCA');
  const csca = await makeCertificate({
    subject: cscaName,
    issuer: cscaName,
    serial: 1,
    notBefore: options.notBefore,
    notAfter: new Date(options.notBefore.getTime() + validityDays * 10 * day),
    publicKey: cscaKeys.publicKey,
    signingKey: cscaKeys.privateKey,
    issuerPublicKey: cscaKeys.publicKey,
    isCa: true,
  });
  const ds = await makeCertificate({
    subject: name(country, 'Booth Test Document Signer'),
    issuer: cscaName,
    serial: options.dsSerial ?? 2,
    notBefore: options.notBefore,
    notAfter: new Date(options.notBefore.getTime() + validityDays * day),
    publicKey: dsKeys.publicKey,
    signingKey: cscaKeys.privateKey,
    issuerPublicKey: cscaKeys.publicKey,
    isCa: false,
  });
  return { csca: entity(csca, cscaKeys.privateKey, options.algorithm), ds: entity(ds, dsKeys.privateKey, options.algorithm) };
}

/**
 * A CSCA key rollover: a link certificate (the new key under the same name, signed with the old key) and a
 * Document Signer issued with the new key, for testing that link certificates extend the chain.
 */
export async function generateLinkedCsca(old: PkiEntity, notBefore: Date, validityDays = 365): Promise<{ link: PkiEntity; ds: PkiEntity }> {
  ensureEngine();
  const day = 24 * 3600 * 1000;
  const newKeys = await generateKeyPair(old.keyAlgorithm);
  const dsKeys = await generateKeyPair(old.keyAlgorithm);
  const oldPublic = await old.certificate.getPublicKey();
  const cscaName = old.certificate.subject;
  const link = await makeCertificate({
    subject: cscaName,
    issuer: cscaName,
    serial: 10,
    notBefore,
    notAfter: new Date(notBefore.getTime() + validityDays * 10 * day),
    publicKey: newKeys.publicKey,
    signingKey: old.privateKey,
    issuerPublicKey: oldPublic,
    isCa: true,
  });
  const country = countryOfName(cscaName);
  const ds = await makeCertificate({
    subject: name(country, 'Booth Test Document Signer after rollover'),
    issuer: cscaName,
    serial: 11,
    notBefore,
    notAfter: new Date(notBefore.getTime() + validityDays * day),
    publicKey: dsKeys.publicKey,
    signingKey: newKeys.privateKey,
    issuerPublicKey: newKeys.publicKey,
    isCa: false,
  });
  return { link: entity(link, newKeys.privateKey, old.keyAlgorithm), ds: entity(ds, dsKeys.privateKey, old.keyAlgorithm) };
}

/**
 * A Master List Signer certified by `issuer` (a CSCA, or in negative tests something that may not issue
 * certificates, such as a Document Signer), for signing test master lists with buildMasterList.
 */
export async function generateMasterListSigner(issuer: PkiEntity, notBefore: Date, validityDays = 365): Promise<PkiEntity> {
  ensureEngine();
  const keys = await generateKeyPair(issuer.keyAlgorithm);
  const country = countryOfName(issuer.certificate.subject);
  const certificate = await makeCertificate({
    subject: name(country, 'Booth Test Master List Signer'),
    issuer: issuer.certificate.subject,
    serial: 20,
    notBefore,
    notAfter: new Date(notBefore.getTime() + validityDays * 24 * 3600 * 1000),
    publicKey: keys.publicKey,
    signingKey: issuer.privateKey,
    issuerPublicKey: await issuer.certificate.getPublicKey(),
    isCa: false,
  });
  return entity(certificate, keys.privateKey, issuer.keyAlgorithm);
}

/** A CRL issued by `csca` revoking the given serial numbers, for testing the crl check. */
export async function buildCrl(csca: PkiEntity, revokedSerials: readonly number[], thisUpdate: Date, nextUpdate: Date): Promise<Uint8Array> {
  ensureEngine();
  const crl = new pkijs.CertificateRevocationList();
  crl.version = 1;
  crl.issuer = csca.certificate.subject;
  crl.thisUpdate = new pkijs.Time({ type: 0, value: thisUpdate });
  crl.nextUpdate = new pkijs.Time({ type: 0, value: nextUpdate });
  crl.revokedCertificates = revokedSerials.map((serial) => new pkijs.RevokedCertificate({ userCertificate: new asn1js.Integer({ value: serial }), revocationDate: new pkijs.Time({ type: 0, value: thisUpdate }) }));
  await crl.sign(csca.privateKey, 'SHA-256');
  return new Uint8Array(crl.toSchema().toBER(false));
}

export { ensureEngine as ensurePkijsEngine };
