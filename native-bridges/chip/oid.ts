/** DER OBJECT IDENTIFIER value <-> dotted string (the LDS SecurityInfos and key templates carry OIDs). */

export function decodeOid(value: Uint8Array): string {
  if (value.length === 0) throw new Error('empty OBJECT IDENTIFIER');
  const arcs: bigint[] = [];
  let current = 0n;
  for (let i = 0; i < value.length; i++) {
    const b = value[i]!;
    current = (current << 7n) | BigInt(b & 0x7f);
    if ((b & 0x80) === 0) {
      arcs.push(current);
      current = 0n;
    } else if (i === value.length - 1) {
      throw new Error('OBJECT IDENTIFIER ends inside an arc');
    }
  }
  const first = arcs[0]!;
  const head = first < 40n ? [0n, first] : first < 80n ? [1n, first - 40n] : [2n, first - 80n];
  return [...head, ...arcs.slice(1)].join('.');
}

export function encodeOid(dotted: string): Uint8Array {
  const parts = dotted.split('.').map((p) => BigInt(p));
  if (parts.length < 2) throw new Error(`OID ${dotted} needs at least two arcs`);
  const arcs = [parts[0]! * 40n + parts[1]!, ...parts.slice(2)];
  const out: number[] = [];
  for (const arc of arcs) {
    const chunk: number[] = [Number(arc & 0x7fn)];
    let rest = arc >> 7n;
    while (rest > 0n) {
      chunk.unshift(Number(rest & 0x7fn) | 0x80);
      rest >>= 7n;
    }
    out.push(...chunk);
  }
  return Uint8Array.from(out);
}

/** OIDs of ICAO 9303-11 / BSI TR-03110 used here. */
export const oids = {
  pace: '0.4.0.127.0.7.2.2.4',
  paceEcdhGm: '0.4.0.127.0.7.2.2.4.2',
  chipAuthentication: '0.4.0.127.0.7.2.2.3',
  caEcdh: '0.4.0.127.0.7.2.2.3.2',
  caDh: '0.4.0.127.0.7.2.2.3.1',
  caPublicKey: '0.4.0.127.0.7.2.2.1',
  caPublicKeyEcdh: '0.4.0.127.0.7.2.2.1.2',
  caPublicKeyDh: '0.4.0.127.0.7.2.2.1.1',
  activeAuthentication: '2.23.136.1.1.5',
  ecdsaPlain: '0.4.0.127.0.7.1.1.4.1',
  ecPublicKey: '1.2.840.10045.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  primeField: '1.2.840.10045.1.1',
  curveP256: '1.2.840.10045.3.1.7',
  curveBrainpoolP256r1: '1.3.36.3.3.2.8.1.1.7',
  curveBrainpoolP384r1: '1.3.36.3.3.2.8.1.1.11',
} as const;
