/** ISO/IEC 9797-1 padding method 2 (0x80 then zeros to the block size), used by ICAO secure messaging and MACs. */
export function padIso9797(data: Uint8Array, blockSize: number): Uint8Array {
  const length = (Math.floor(data.length / blockSize) + 1) * blockSize;
  const out = new Uint8Array(length);
  out.set(data);
  out[data.length] = 0x80;
  return out;
}

/** Removes method-2 padding; returns undefined when the padding is malformed. */
export function unpadIso9797(data: Uint8Array): Uint8Array | undefined {
  for (let i = data.length - 1; i >= 0; i--) {
    const b = data[i]!;
    if (b === 0x80) return data.subarray(0, i);
    if (b !== 0x00) return undefined;
  }
  return undefined;
}
