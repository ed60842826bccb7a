import { randomBytes } from 'node:crypto';
import { bigintToBytes, bytesToBigint, concatBytes } from '../bytes';

/**
 * Short Weierstrass curve arithmetic (y² = x³ + ax + b over GF(p)) with BigInt. PACE Generic Mapping needs
 * G' = s·G + H and key agreement on the mapped generator, which no Node API offers (node:crypto only does ECDH
 * with the standard generator) and @noble/curves has no brainpool curves. Not constant-time: the terminal's
 * keys are ephemeral per session and the simulator is not a security boundary.
 */

export interface CurveParams {
  readonly name: CurveName;
  readonly p: bigint;
  readonly a: bigint;
  readonly b: bigint;
  readonly gx: bigint;
  readonly gy: bigint;
  readonly n: bigint;
  /** Field element size in bytes. */
  readonly size: number;
  /** node:crypto curve name, for ECDH with the standard generator and for AA/CA key objects. */
  readonly nodeName: string;
}

export type CurveName = 'P-256' | 'brainpoolP256r1' | 'brainpoolP384r1';

/** Affine point; `undefined` is the point at infinity. */
export interface Point {
  readonly x: bigint;
  readonly y: bigint;
}

// Parameters from SEC 2 (P-256) and RFC 5639 (brainpool), checked in tests against node:crypto's own curves.
export const curves: Readonly<Record<CurveName, CurveParams>> = {
  'P-256': {
    name: 'P-256',
    p: 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn,
    a: 0xffffffff00000001000000000000000000000000fffffffffffffffffffffffcn,
    b: 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn,
    gx: 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
    gy: 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n,
    n: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
    size: 32,
    nodeName: 'prime256v1',
  },
  brainpoolP256r1: {
    name: 'brainpoolP256r1',
    p: 0xa9fb57dba1eea9bc3e660a909d838d726e3bf623d52620282013481d1f6e5377n,
    a: 0x7d5a0975fc2c3057eef67530417affe7fb8055c126dc5c6ce94a4b44f330b5d9n,
    b: 0x26dc5c6ce94a4b44f330b5d9bbd77cbf958416295cf7e1ce6bccdc18ff8c07b6n,
    gx: 0x8bd2aeb9cb7e57cb2c4b482ffc81b7afb9de27e1e3bd23c23a4453bd9ace3262n,
    gy: 0x547ef835c3dac4fd97f8461a14611dc9c27745132ded8e545c1d54c72f046997n,
    n: 0xa9fb57dba1eea9bc3e660a909d838d718c397aa3b561a6f7901e0e82974856a7n,
    size: 32,
    nodeName: 'brainpoolP256r1',
  },
  brainpoolP384r1: {
    name: 'brainpoolP384r1',
    p: 0x8cb91e82a3386d280f5d6f7e50e641df152f7109ed5456b412b1da197fb71123acd3a729901d1a71874700133107ec53n,
    a: 0x7bc382c63d8c150c3c72080ace05afa0c2bea28e4fb22787139165efba91f90f8aa5814a503ad4eb04a8c7dd22ce2826n,
    b: 0x04a8c7dd22ce28268b39b55416f0447c2fb77de107dcd2a62e880ea53eeb62d57cb4390295dbc9943ab78696fa504c11n,
    gx: 0x1d1c64f068cf45ffa2a63a81b7c13f6b8847a3e77ef14fe3db7fcafe0cbd10e8e826e03436d646aaef87b2e247d4af1en,
    gy: 0x8abe1d7520f9c2a45cb1eb8e95cfd55262b70b29feec5864e19c054ff99129280e4646217791811142820341263c5315n,
    n: 0x8cb91e82a3386d280f5d6f7e50e641df152f7109ed5456b31f166e6cac0425a7cf3ab6af6b7fc3103b883202e9046565n,
    size: 48,
    nodeName: 'brainpoolP384r1',
  },
};

const mod = (v: bigint, m: bigint): bigint => {
  const r = v % m;
  return r < 0n ? r + m : r;
};

function modInverse(v: bigint, m: bigint): bigint {
  let [oldR, r] = [mod(v, m), m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) throw new Error('not invertible');
  return mod(oldS, m);
}

export function generator(curve: CurveParams): Point {
  return { x: curve.gx, y: curve.gy };
}

export function isOnCurve(curve: CurveParams, pt: Point): boolean {
  const { p, a, b } = curve;
  if (pt.x < 0n || pt.x >= p || pt.y < 0n || pt.y >= p) return false;
  return mod(pt.y * pt.y - (pt.x * pt.x * pt.x + a * pt.x + b), p) === 0n;
}

// Jacobian coordinates (X, Y, Z) ~ (X/Z², Y/Z³) avoid an inversion per step.
type Jacobian = readonly [bigint, bigint, bigint];

function jDouble(curve: CurveParams, [x, y, z]: Jacobian): Jacobian {
  const { p, a } = curve;
  if (y === 0n || z === 0n) return [0n, 1n, 0n];
  const yy = mod(y * y, p);
  const s = mod(4n * x * yy, p);
  const zz = mod(z * z, p);
  const m = mod(3n * x * x + a * zz * zz, p);
  const x3 = mod(m * m - 2n * s, p);
  const y3 = mod(m * (s - x3) - 8n * yy * yy, p);
  const z3 = mod(2n * y * z, p);
  return [x3, y3, z3];
}

function jAdd(curve: CurveParams, P: Jacobian, Q: Jacobian): Jacobian {
  const { p } = curve;
  if (P[2] === 0n) return Q;
  if (Q[2] === 0n) return P;
  const z1z1 = mod(P[2] * P[2], p);
  const z2z2 = mod(Q[2] * Q[2], p);
  const u1 = mod(P[0] * z2z2, p);
  const u2 = mod(Q[0] * z1z1, p);
  const s1 = mod(P[1] * Q[2] * z2z2, p);
  const s2 = mod(Q[1] * P[2] * z1z1, p);
  if (u1 === u2) return s1 === s2 ? jDouble(curve, P) : [0n, 1n, 0n];
  const h = mod(u2 - u1, p);
  const r = mod(s2 - s1, p);
  const hh = mod(h * h, p);
  const hhh = mod(h * hh, p);
  const v = mod(u1 * hh, p);
  const x3 = mod(r * r - hhh - 2n * v, p);
  const y3 = mod(r * (v - x3) - s1 * hhh, p);
  const z3 = mod(P[2] * Q[2] * h, p);
  return [x3, y3, z3];
}

function toAffine(curve: CurveParams, [x, y, z]: Jacobian): Point | undefined {
  if (z === 0n) return undefined;
  const zi = modInverse(z, curve.p);
  const zi2 = mod(zi * zi, curve.p);
  return { x: mod(x * zi2, curve.p), y: mod(y * zi2 * zi, curve.p) };
}

/** k·P; undefined for the point at infinity. */
export function multiply(curve: CurveParams, pt: Point, k: bigint): Point | undefined {
  let acc: Jacobian = [0n, 1n, 0n];
  const base: Jacobian = [pt.x, pt.y, 1n];
  const scalar = mod(k, curve.n);
  for (let i = BigInt(scalar.toString(2).length - 1); i >= 0n; i--) {
    acc = jDouble(curve, acc);
    if ((scalar >> i) & 1n) acc = jAdd(curve, acc, base);
  }
  return toAffine(curve, acc);
}

/** P + Q (either may be the point at infinity). */
export function add(curve: CurveParams, pt: Point | undefined, q: Point | undefined): Point | undefined {
  if (!pt) return q;
  if (!q) return pt;
  return toAffine(curve, jAdd(curve, [pt.x, pt.y, 1n], [q.x, q.y, 1n]));
}

/** Uncompressed SEC1 encoding 04 || X || Y. */
export function encodePoint(curve: CurveParams, pt: Point): Uint8Array {
  return concatBytes(Uint8Array.of(4), bigintToBytes(pt.x, curve.size), bigintToBytes(pt.y, curve.size));
}

/** Parses an uncompressed point and checks it lies on the curve (rejecting invalid-curve attacks). */
export function decodePoint(curve: CurveParams, bytes: Uint8Array): Point {
  if (bytes.length !== 1 + 2 * curve.size || bytes[0] !== 4) {
    throw new Error(`expected an uncompressed ${curve.name} point of ${1 + 2 * curve.size} bytes, got ${bytes.length}`);
  }
  const pt = { x: bytesToBigint(bytes.subarray(1, 1 + curve.size)), y: bytesToBigint(bytes.subarray(1 + curve.size)) };
  if (!isOnCurve(curve, pt)) throw new Error(`point is not on ${curve.name}`);
  return pt;
}

/** A uniformly random private scalar in [1, n-1]. */
export function randomScalar(curve: CurveParams, random: (n: number) => Uint8Array = (n) => new Uint8Array(randomBytes(n))): bigint {
  for (;;) {
    const k = bytesToBigint(random(curve.size + 8)) % curve.n;
    if (k !== 0n) return k;
  }
}
