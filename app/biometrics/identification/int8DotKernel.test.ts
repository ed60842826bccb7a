import { describe, expect, it } from 'vitest';
import { WASM_PAGE_BYTES, createDotKernel } from './int8DotKernel';

// The kernel's scores against float cosine are tested on the gallery (galleryTemplates.test.ts); here the arena
// and the integer dot products themselves, for both kernels.
const kinds = ['fastest', 'js'] as const;

describe.each(kinds)('the int8 dot-product kernel (%s)', (prefer) => {
  it('grows its arena to whole WebAssembly pages, keeping what it holds, and never shrinks it', () => {
    const kernel = createDotKernel(prefer);
    expect(kernel.buffer().byteLength).toBe(WASM_PAGE_BYTES);
    new Int8Array(kernel.buffer()).set([5, -7, 9], WASM_PAGE_BYTES - 3);
    kernel.ensure(WASM_PAGE_BYTES + 1);
    expect(kernel.buffer().byteLength).toBe(2 * WASM_PAGE_BYTES);
    kernel.ensure(3 * WASM_PAGE_BYTES + 1);
    expect(kernel.buffer().byteLength).toBe(4 * WASM_PAGE_BYTES);
    kernel.ensure(10);
    kernel.ensure(4 * WASM_PAGE_BYTES);
    expect(kernel.buffer().byteLength).toBe(4 * WASM_PAGE_BYTES);
    expect([...new Int8Array(kernel.buffer(), WASM_PAGE_BYTES - 3, 3)]).toEqual([5, -7, 9]);
  });

  it('gives each row its exact integer dot product with the probe, also past the first page', () => {
    const kernel = createDotKernel(prefer);
    const rowBytes = 32;
    const rows = 3_000; // 96 KB of rows: the arena must grow past its first page.
    const rowsOffset = rowBytes;
    const outOffset = rowsOffset + rows * rowBytes;
    kernel.ensure(outOffset + rows * 4);
    const bytes = new Int8Array(kernel.buffer());
    for (let i = 0; i < rowBytes; i++) bytes[i] = i % 2 === 0 ? 127 : -128;
    for (let r = 0; r < rows; r++) for (let i = 0; i < rowBytes; i++) bytes[rowsOffset + r * rowBytes + i] = ((r * 31 + i * 17) % 255) - 127;
    kernel.dots(rowsOffset, rows, rowBytes, 0, outOffset);
    const out = new Int32Array(kernel.buffer(), outOffset, rows);
    for (const r of [0, 1, 1_000, rows - 1]) {
      let expected = 0;
      for (let i = 0; i < rowBytes; i++) expected += bytes[rowsOffset + r * rowBytes + i]! * bytes[i]!;
      expect(out[r]).toBe(expected);
    }
  });

  it('writes nothing for an empty gallery', () => {
    const kernel = createDotKernel(prefer);
    const out = new Int32Array(kernel.buffer(), 1024, 1);
    out[0] = 42;
    kernel.dots(16, 0, 16, 0, 1024);
    expect(out[0]).toBe(42);
  });
});
