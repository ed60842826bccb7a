/**
 * The hot loop of 1:N identification: integer dot products of one int8 probe against every int8 template row.
 * Float32 in plain JS ran at ~0.4 GMAC/s on the booth's 2 cores (12 ms per face at 10,000 templates); the
 * target is 2 ms. So templates are int8 (int8Quantiser.ts) and the loop runs as a tiny WebAssembly SIMD
 * function, 16 multiply-adds per instruction pair (i32x4.dot_i16x8_s). Where WebAssembly SIMD is missing,
 * the same integer arithmetic runs in JS: the scores are bit-identical either way.
 *
 * WebAssembly is a JavaScript-engine global (Node and every browser), not a DOM API: it is looked up on
 * globalThis and typed here, so app/ keeps compiling without DOM or Node types.
 */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

interface WasmApi {
  Memory: new (descriptor: { initial: number; maximum?: number }) => WasmMemory;
  Module: new (bytes: Uint8Array) => unknown;
  Instance: new (module: unknown, imports: Record<string, Record<string, unknown>>) => { exports: Record<string, unknown> };
  validate(bytes: Uint8Array): boolean;
}

const wasmApi = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

export const WASM_PAGE_BYTES = 65_536;

/** Rows are padded to a multiple of this many bytes (one SIMD register). */
export const ROW_ALIGNMENT = 16;

/** `dots(rowsPtr, rows, rowBytes, probePtr, outPtr)`: out[r] = sum over i of rows[r][i] * probe[i], as i32. */
// prettier-ignore
const KERNEL = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  // type section: (i32 i32 i32 i32 i32) -> ()
  0x01, 0x09, 0x01, 0x60, 0x05, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x00,
  // import section: env.memory, min 1 page
  0x02, 0x0f, 0x01, 0x03, 0x65, 0x6e, 0x76, 0x06, 0x6d, 0x65, 0x6d, 0x6f, 0x72, 0x79, 0x02, 0x00, 0x01,
  // function section: one function of type 0
  0x03, 0x02, 0x01, 0x00,
  // export section: "dots"
  0x07, 0x08, 0x01, 0x04, 0x64, 0x6f, 0x74, 0x73, 0x00, 0x00,
]);

// Locals: 5 r, 6 i, 7 rowPtr (i32); 8 acc, 9 row chunk, 10 probe chunk (v128).
// prettier-ignore
const BODY = [
  0x02, 0x03, 0x7f, 0x03, 0x7b,
  0x20, 0x00, 0x21, 0x07, // rowPtr = rowsPtr
  0x02, 0x40, // block
  0x03, 0x40, // loop over rows
  0x20, 0x05, 0x20, 0x01, 0x4f, 0x0d, 0x01, // if r >= rows: break
  0xfd, 0x0c, ...new Array<number>(16).fill(0), 0x21, 0x08, // acc = 0
  0x41, 0x00, 0x21, 0x06, // i = 0
  0x03, 0x40, // loop over the row, 16 bytes a step
  0x20, 0x07, 0x20, 0x06, 0x6a, 0xfd, 0x00, 0x00, 0x00, 0x21, 0x09, // row chunk
  0x20, 0x03, 0x20, 0x06, 0x6a, 0xfd, 0x00, 0x00, 0x00, 0x21, 0x0a, // probe chunk
  0x20, 0x08,
  0x20, 0x09, 0xfd, 0x87, 0x01, 0x20, 0x0a, 0xfd, 0x87, 0x01, 0xfd, 0xba, 0x01, 0xfd, 0xae, 0x01, // acc += dot(low halves)
  0x20, 0x09, 0xfd, 0x88, 0x01, 0x20, 0x0a, 0xfd, 0x88, 0x01, 0xfd, 0xba, 0x01, 0xfd, 0xae, 0x01, // acc += dot(high halves)
  0x21, 0x08,
  0x20, 0x06, 0x41, 0x10, 0x6a, 0x22, 0x06, 0x20, 0x02, 0x49, 0x0d, 0x00, // i += 16; continue while i < rowBytes
  0x0b,
  0x20, 0x04, 0x20, 0x05, 0x41, 0x02, 0x74, 0x6a, // &out[r]
  0x20, 0x08, 0xfd, 0x1b, 0x00, 0x20, 0x08, 0xfd, 0x1b, 0x01, 0x6a, 0x20, 0x08, 0xfd, 0x1b, 0x02, 0x6a, 0x20, 0x08, 0xfd, 0x1b, 0x03, 0x6a,
  0x36, 0x02, 0x00, // out[r] = sum of lanes
  0x20, 0x07, 0x20, 0x02, 0x6a, 0x21, 0x07, // rowPtr += rowBytes
  0x20, 0x05, 0x41, 0x01, 0x6a, 0x21, 0x05, // r++
  0x0c, 0x00, // next row
  0x0b, 0x0b, 0x0b,
];

function uleb(value: number): number[] {
  const bytes: number[] = [];
  let v = value;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (v !== 0);
  return bytes;
}

function kernelModule(): Uint8Array {
  const body = [...uleb(BODY.length), ...BODY];
  const code = [0x01, ...body];
  return new Uint8Array([...KERNEL, 0x0a, ...uleb(code.length), ...code]);
}

/** A growable byte arena the kernel reads: WebAssembly memory when the engine has SIMD, else a plain buffer. */
export interface DotKernel {
  readonly kind: 'wasm-simd' | 'js';
  /** The current buffer (replaced when the arena grows: re-take views after `ensure`). */
  buffer(): ArrayBuffer;
  /** Makes the arena at least this many bytes, keeping its contents. */
  ensure(bytes: number): void;
  /** out[r] = integer dot product of row r (rowBytes int8 at rowsOffset + r*rowBytes) with the probe. */
  dots(rowsOffset: number, rows: number, rowBytes: number, probeOffset: number, outOffset: number): void;
}

class WasmDotKernel implements DotKernel {
  readonly kind = 'wasm-simd' as const;
  constructor(
    private readonly memory: WasmMemory,
    private readonly run: (rowsPtr: number, rows: number, rowBytes: number, probePtr: number, outPtr: number) => void,
  ) {}

  buffer(): ArrayBuffer {
    return this.memory.buffer;
  }

  ensure(bytes: number): void {
    const missing = bytes - this.memory.buffer.byteLength;
    if (missing > 0) this.memory.grow(Math.ceil(missing / WASM_PAGE_BYTES));
  }

  dots(rowsOffset: number, rows: number, rowBytes: number, probeOffset: number, outOffset: number): void {
    if (rows > 0) this.run(rowsOffset, rows, rowBytes, probeOffset, outOffset);
  }
}

class JsDotKernel implements DotKernel {
  readonly kind = 'js' as const;
  private arena = new ArrayBuffer(WASM_PAGE_BYTES);

  buffer(): ArrayBuffer {
    return this.arena;
  }

  ensure(bytes: number): void {
    if (bytes <= this.arena.byteLength) return;
    const next = new ArrayBuffer(Math.ceil(bytes / WASM_PAGE_BYTES) * WASM_PAGE_BYTES);
    new Uint8Array(next).set(new Uint8Array(this.arena));
    this.arena = next;
  }

  dots(rowsOffset: number, rows: number, rowBytes: number, probeOffset: number, outOffset: number): void {
    const bytes = new Int8Array(this.arena);
    const out = new Int32Array(this.arena, outOffset, rows);
    for (let r = 0; r < rows; r++) {
      const base = rowsOffset + r * rowBytes;
      let sum = 0;
      for (let i = 0; i < rowBytes; i++) sum += bytes[base + i]! * bytes[probeOffset + i]!;
      out[r] = sum;
    }
  }
}

/** The fastest kernel this engine runs; `prefer: 'js'` forces the fallback (tests compare the two). */
export function createDotKernel(prefer: 'fastest' | 'js' = 'fastest'): DotKernel {
  if (prefer === 'fastest' && wasmApi) {
    const bytes = kernelModule();
    if (wasmApi.validate(bytes)) {
      const memory = new wasmApi.Memory({ initial: 1 });
      const instance = new wasmApi.Instance(new wasmApi.Module(bytes), { env: { memory } });
      const run = instance.exports.dots as (a: number, b: number, c: number, d: number, e: number) => void;
      return new WasmDotKernel(memory, run);
    }
  }
  return new JsDotKernel();
}
