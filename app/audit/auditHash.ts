import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import canonicalize from 'canonicalize';
import type { AuditEntry } from './auditEntry';

/**
 * The entry's hash: SHA-256 over its RFC 8785 canonical JSON without `hash`. Canonical form (sorted keys, fixed
 * number format) makes the hash independent of how a store or an export happened to order or format the fields.
 */
export function hashAuditEntry(entry: Omit<AuditEntry, 'hash'> | AuditEntry): string {
  const { hash: _hash, ...unhashed } = entry as AuditEntry;
  const canonical = canonicalize(unhashed);
  if (canonical === undefined) throw new Error('audit entry has no JSON form');
  return bytesToHex(sha256(utf8ToBytes(canonical)));
}
