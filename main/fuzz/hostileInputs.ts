import fc from 'fast-check';
import { encodeTlv } from '../../app/document/lds/tlv';

/** One edit of a sound input, positioned as a fraction of its length so it fits any seed. */
type Mutation =
  | { readonly kind: 'flip'; readonly at: number; readonly bit: number }
  | { readonly kind: 'set'; readonly at: number; readonly value: number }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'insert'; readonly at: number; readonly bytes: Uint8Array }
  | { readonly kind: 'delete'; readonly at: number; readonly count: number }
  | { readonly kind: 'repeat'; readonly at: number; readonly count: number; readonly times: number }
  /** A BER long length (0x84 + 4 bytes) where a length byte might be: declared sizes are the classic bomb. */
  | { readonly kind: 'length'; readonly at: number; readonly value: number };

const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('flip' as const), at: fraction, bit: fc.integer({ min: 0, max: 7 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('set' as const), at: fraction, value: fc.oneof(fc.constantFrom(0x00, 0x7f, 0x80, 0x81, 0x82, 0x84, 0xff, 0x30, 0x31), fc.integer({ min: 0, max: 255 })) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fraction }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fraction, bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fraction, count: fc.integer({ min: 1, max: 16 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('repeat' as const), at: fraction, count: fc.integer({ min: 1, max: 64 }), times: fc.oneof(fc.integer({ min: 2, max: 200 }), fc.integer({ min: 1000, max: 5000 })) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('length' as const), at: fraction, value: fc.oneof(fc.constantFrom(0xffffffff, 0x7fffffff, 0x10000, 65535 * 1600), fc.nat()) }) },
);

function applyMutation(bytes: Uint8Array, m: Mutation): Uint8Array {
  const at = Math.floor(m.at * bytes.length);
  switch (m.kind) {
    case 'flip': {
      if (bytes.length === 0) return bytes;
      const out = Uint8Array.from(bytes);
      out[at] = out[at]! ^ (1 << m.bit);
      return out;
    }
    case 'set': {
      if (bytes.length === 0) return bytes;
      const out = Uint8Array.from(bytes);
      out[at] = m.value;
      return out;
    }
    case 'truncate':
      return bytes.slice(0, at);
    case 'insert':
      return Uint8Array.from([...bytes.subarray(0, at), ...m.bytes, ...bytes.subarray(at)]);
    case 'delete':
      return Uint8Array.from([...bytes.subarray(0, at), ...bytes.subarray(at + m.count)]);
    case 'repeat': {
      const piece = bytes.subarray(at, at + m.count);
      const parts = [bytes.subarray(0, at), ...Array.from({ length: m.times }, () => piece), bytes.subarray(at + m.count)];
      const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      let offset = 0;
      for (const p of parts) {
        out.set(p, offset);
        offset += p.length;
      }
      return out;
    }
    case 'length': {
      const v = m.value >>> 0;
      return Uint8Array.from([...bytes.subarray(0, at), 0x84, v >>> 24, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff, ...bytes.subarray(at + 1)]);
    }
  }
}

/** A sound seed with 1 to 6 mutations. */
export function mutatedBytes(seeds: readonly Uint8Array[]): fc.Arbitrary<Uint8Array> {
  return fc.tuple(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 6 })).map(([seed, edits]) => edits.reduce(applyMutation, seed));
}

/** Constructed TLVs (SEQUENCE) nested `depth` deep under `tag`: a stack bomb of a few bytes a level, built in one pass. */
export function nestingBomb(tags: readonly number[]): fc.Arbitrary<Uint8Array> {
  return fc.tuple(fc.constantFrom(...tags), fc.integer({ min: 2, max: 6000 })).map(([tag, depth]) => {
    const lengthField = (n: number) => (n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : n < 0x10000 ? [0x82, n >> 8, n & 0xff] : [0x83, n >> 16, (n >> 8) & 0xff, n & 0xff]);
    const headers: number[][] = [];
    let inner = 0;
    for (let i = 0; i < depth; i++) {
      const header = [0x30, ...lengthField(inner)];
      headers.push(header);
      inner += header.length;
    }
    const body = new Uint8Array(inner);
    let at = 0;
    for (let i = headers.length - 1; i >= 0; i--) {
      body.set(headers[i]!, at);
      at += headers[i]!.length;
    }
    return encodeTlv(tag, body);
  });
}

/** Mutated seeds mostly, then random bytes, nesting bombs under the given outer tags, and oversized declarations. */
export function hostileBytes(seeds: readonly Uint8Array[], outerTags: readonly number[] = [0x30]): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    { weight: 8, arbitrary: mutatedBytes(seeds) },
    { weight: 2, arbitrary: fc.uint8Array({ maxLength: 600 }) },
    { weight: 1, arbitrary: nestingBomb(outerTags) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...outerTags), fc.uint8Array({ minLength: 4, maxLength: 4 })).map(([tag, length]) => Uint8Array.from([...encodeTlv(tag, new Uint8Array(0)).subarray(0, tag > 0xff ? 2 : 1), 0x84, ...length])) },
  );
}

/** Characters an attacker reaches for: MRZ text, lower case, fillers, controls, look-alikes that upper-case into MRZ letters, emoji. */
const hostileCharacter = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<'.split('')) },
  { weight: 2, arbitrary: fc.constantFrom('a', 'z', ' ', '\n', '\r', '\t', '|', '\u0000', 'ı', 'ſ', 'ß', 'ﬁ', 'ﬀ', 'İ', 'K', '\u{1F600}', '\uD800', '\u00E9', '«') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
);

/** Text from sound seeds with characters replaced, inserted, deleted or repeated; plus free Unicode and very long runs. */
export function hostileText(seeds: readonly string[]): fc.Arbitrary<string> {
  const edit = fc.record({ at: fraction, kind: fc.constantFrom('replace', 'insert', 'delete', 'repeat'), ch: hostileCharacter, times: fc.integer({ min: 2, max: 3000 }) });
  const mutated = fc.tuple(fc.constantFrom(...seeds), fc.array(edit, { minLength: 1, maxLength: 5 })).map(([seed, edits]) =>
    edits.reduce((text, e) => {
      const at = Math.floor(e.at * text.length);
      if (e.kind === 'replace') return text.slice(0, at) + e.ch + text.slice(at + 1);
      if (e.kind === 'insert') return text.slice(0, at) + e.ch + text.slice(at);
      if (e.kind === 'delete') return text.slice(0, at) + text.slice(at + 1);
      return text.slice(0, at) + e.ch.repeat(e.times) + text.slice(at);
    }, seed),
  );
  return fc.oneof(
    { weight: 6, arbitrary: mutated },
    { weight: 2, arbitrary: fc.string({ unit: hostileCharacter, maxLength: 120 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
    { weight: 1, arbitrary: fc.tuple(hostileCharacter, fc.integer({ min: 1000, max: 300_000 })).map(([ch, n]) => ch.repeat(n)) },
  );
}

/** A JSON document's text from a sound one, mutated as text, or any JSON value. */
export function hostileJsonText(seeds: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof({ weight: 3, arbitrary: hostileText(seeds) }, { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? 'null') }, { weight: 2, arbitrary: mutatedJson(seeds) });
}

/** A sound JSON document with one value somewhere replaced by any JSON value (keeps the shape mostly right). */
function mutatedJson(seeds: readonly string[]): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...seeds), fraction, fc.jsonValue({ maxDepth: 2 })).map(([seed, at, replacement]) => {
    const document: unknown = JSON.parse(seed);
    const slots: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) {
        node.forEach((child, index) => {
          slots.push({ parent: node, key: index });
          walk(child);
        });
      } else if (node && typeof node === 'object') {
        for (const [key, child] of Object.entries(node)) {
          slots.push({ parent: node as Record<string, unknown>, key });
          walk(child);
        }
      }
    };
    walk(document);
    const slot = slots[Math.floor(at * slots.length)];
    if (slot) (slot.parent as Record<string | number, unknown>)[slot.key] = replacement;
    return JSON.stringify(document);
  });
}
