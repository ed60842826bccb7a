import { EmbeddingError } from '../embeddingMath';
import type { DotKernel } from './int8DotKernel';
import { ROW_ALIGNMENT, createDotKernel } from './int8DotKernel';
import { quantiseInto } from './int8Quantiser';

/**
 * The exit lane's gallery of enrolled faces, laid out for search: every template is one int8 row (int8Quantiser.ts)
 * in one contiguous block of the search kernel's memory (int8DotKernel.ts), with parallel typed arrays for its
 * scale, owning identity and photo quality. One identity may hold several templates (entry photos, document
 * photos): search scores them all and fusion combines them per identity (identityScores.ts). Removing an
 * identity compacts the rows, so a search always walks one dense block. At 512-d a template costs 528 bytes
 * (row 512, scale, owner, quality, score slot): ~0.53 MB per 1,000 templates, growth slack aside.
 */
export interface GalleryTemplateInput {
  /** Raw or normalised embedding; it is L2-normalised when enrolled. */
  readonly embedding: ArrayLike<number>;
  /** Quality of the photo it came from (0..1; 1 when unknown). Weights fusion, never gates it. */
  readonly quality?: number;
}

export interface GalleryIdentitySummary {
  readonly identityId: string;
  readonly templates: number;
}

const INITIAL_CAPACITY = 64;
const alignUp = (n: number, to: number) => Math.ceil(n / to) * to;

export class GalleryTemplates {
  /** Bytes of one stored row (dimension padded to the SIMD width). */
  readonly rowBytes: number;
  /** Arena layout: the probe row at 0, template rows from rowsOffset, the score slots after the rows. */
  private readonly rowsOffset: number;
  private capacity: number;
  private count = 0;
  private scales: Float32Array<ArrayBuffer>;
  private owners: Int32Array<ArrayBuffer>;
  private qualities: Float32Array<ArrayBuffer>;
  private readonly identityIds: string[] = [];
  private readonly indexOfIdentity = new Map<string, number>();
  private readonly templatesOfIdentity: number[] = [];
  /** Per identity: the norm of the sum of its templates, so a search can score the centroid from template scores. */
  private readonly centroidNorms: number[] = [];
  private scoreBuffer = new Float32Array(0);

  constructor(
    readonly dimension: number,
    capacity = INITIAL_CAPACITY,
    private readonly kernel: DotKernel = createDotKernel(),
  ) {
    if (!Number.isInteger(dimension) || dimension <= 0) throw new EmbeddingError(`gallery dimension must be a positive integer, not ${dimension}`);
    this.rowBytes = alignUp(dimension, ROW_ALIGNMENT);
    this.rowsOffset = this.rowBytes;
    this.capacity = Math.max(1, capacity);
    this.scales = new Float32Array(this.capacity);
    this.owners = new Int32Array(this.capacity);
    this.qualities = new Float32Array(this.capacity);
    this.kernel.ensure(this.arenaBytes(this.capacity));
  }

  /** Which search kernel runs (WebAssembly SIMD, or the JS fallback with identical results). */
  get kernelKind(): DotKernel['kind'] {
    return this.kernel.kind;
  }

  /** Templates enrolled (rows in the search block). */
  get size(): number {
    return this.count;
  }

  get identityCount(): number {
    return this.identityIds.length;
  }

  /** Bytes held for the gallery: the kernel's arena and the parallel arrays (growth slack included). */
  get bytes(): number {
    return this.kernel.buffer().byteLength + this.scales.byteLength + this.owners.byteLength + this.qualities.byteLength;
  }

  /** Identity index (see identityAt) of each template row. */
  get ownerOfTemplate(): Int32Array {
    return this.owners.subarray(0, this.count);
  }

  get qualityOfTemplate(): Float32Array {
    return this.qualities.subarray(0, this.count);
  }

  identityAt(index: number): string {
    const id = this.identityIds[index];
    if (id === undefined) throw new RangeError(`no identity at index ${index}`);
    return id;
  }

  indexOf(identityId: string): number | undefined {
    return this.indexOfIdentity.get(identityId);
  }

  /** Norm of the sum of each identity's (normalised) templates, by identity index. */
  get centroidNormOfIdentity(): readonly number[] {
    return this.centroidNorms;
  }

  templatesOf(index: number): number {
    return this.templatesOfIdentity[index] ?? 0;
  }

  identities(): GalleryIdentitySummary[] {
    return this.identityIds.map((identityId, i) => ({ identityId, templates: this.templatesOfIdentity[i] ?? 0 }));
  }

  /** Adds templates to an identity (creating it); returns how many templates it now holds. */
  enrol(identityId: string, templates: readonly GalleryTemplateInput[]): number {
    if (identityId === '') throw new EmbeddingError('an identity id must not be empty');
    for (const [k, t] of templates.entries()) {
      if (t.embedding.length !== this.dimension) throw new EmbeddingError(`template ${k} of ${identityId} has ${t.embedding.length} values; the gallery holds ${this.dimension}`);
    }
    this.reserve(this.count + templates.length);
    // Quantise first: a template with no direction is refused before the identity is touched.
    const rows = new Int8Array(this.kernel.buffer(), this.rowsOffset + this.count * this.rowBytes, templates.length * this.rowBytes);
    const scales = templates.map((t, k) => quantiseInto(t.embedding, rows.subarray(k * this.rowBytes, (k + 1) * this.rowBytes)));
    let index = this.indexOfIdentity.get(identityId);
    if (index === undefined) {
      index = this.identityIds.length;
      this.identityIds.push(identityId);
      this.templatesOfIdentity.push(0);
      this.centroidNorms.push(0);
      this.indexOfIdentity.set(identityId, index);
    }
    const first = this.count;
    for (const [k, t] of templates.entries()) {
      this.scales[this.count] = scales[k] ?? 0;
      this.owners[this.count] = index;
      const quality = t.quality ?? 1;
      this.qualities[this.count] = Number.isFinite(quality) ? Math.min(1, Math.max(0, quality)) : 0;
      this.count++;
    }
    this.templatesOfIdentity[index] = (this.templatesOfIdentity[index] ?? 0) + templates.length;
    this.centroidNorms[index] = this.centroidNorm(index, first);
    return this.templatesOfIdentity[index] ?? 0;
  }

  /** Norm of the sum of an identity's dequantised rows (its new rows start at `first`; older ones are found by owner). */
  private centroidNorm(index: number, first: number): number {
    const sum = new Float64Array(this.dimension);
    const bytes = new Int8Array(this.kernel.buffer(), this.rowsOffset, this.count * this.rowBytes);
    // A new identity's rows are all at the end; an identity enrolled before also has rows earlier on.
    const start = (this.templatesOfIdentity[index] ?? 0) > this.count - first ? 0 : first;
    for (let r = start; r < this.count; r++) {
      if (this.owners[r] !== index) continue;
      const scale = this.scales[r]!;
      const base = r * this.rowBytes;
      for (let i = 0; i < this.dimension; i++) sum[i]! += bytes[base + i]! * scale;
    }
    let squares = 0;
    for (let i = 0; i < this.dimension; i++) squares += sum[i]! * sum[i]!;
    return Math.sqrt(squares);
  }

  /** Removes an identity and all its templates; later rows move up, so the block stays dense. */
  remove(identityId: string): boolean {
    const index = this.indexOfIdentity.get(identityId);
    if (index === undefined) return false;
    const bytes = new Int8Array(this.kernel.buffer());
    let write = 0;
    for (let read = 0; read < this.count; read++) {
      const owner = this.owners[read] ?? -1;
      if (owner === index) continue;
      if (write !== read) {
        const from = this.rowsOffset + read * this.rowBytes;
        bytes.copyWithin(this.rowsOffset + write * this.rowBytes, from, from + this.rowBytes);
        this.scales[write] = this.scales[read] ?? 0;
        this.qualities[write] = this.qualities[read] ?? 0;
      }
      // Identities after the removed one shift down by one.
      this.owners[write] = owner > index ? owner - 1 : owner;
      write++;
    }
    this.count = write;
    this.identityIds.splice(index, 1);
    this.templatesOfIdentity.splice(index, 1);
    this.centroidNorms.splice(index, 1);
    this.indexOfIdentity.clear();
    this.identityIds.forEach((id, i) => this.indexOfIdentity.set(id, i));
    return true;
  }

  clear(): void {
    this.count = 0;
    this.identityIds.length = 0;
    this.templatesOfIdentity.length = 0;
    this.centroidNorms.length = 0;
    this.indexOfIdentity.clear();
  }

  /**
   * Cosine similarity of the probe with every template, in row order. The returned array is reused by the
   * next call: read it (or copy it) before searching again.
   */
  scores(probe: ArrayLike<number>): Float32Array {
    if (probe.length !== this.dimension) throw new EmbeddingError(`probe has ${probe.length} values; the gallery holds ${this.dimension}`);
    const probeScale = quantiseInto(probe, new Int8Array(this.kernel.buffer(), 0, this.rowBytes));
    const outOffset = this.outOffset(this.capacity);
    this.kernel.dots(this.rowsOffset, this.count, this.rowBytes, 0, outOffset);
    const raw = new Int32Array(this.kernel.buffer(), outOffset, this.count);
    if (this.scoreBuffer.length < this.count) this.scoreBuffer = new Float32Array(this.capacity);
    const out = this.scoreBuffer.subarray(0, this.count);
    for (let r = 0; r < this.count; r++) out[r] = raw[r]! * this.scales[r]! * probeScale;
    return out;
  }

  private outOffset(capacity: number): number {
    return this.rowsOffset + capacity * this.rowBytes;
  }

  private arenaBytes(capacity: number): number {
    return this.outOffset(capacity) + capacity * 4;
  }

  private reserve(templates: number): void {
    if (templates <= this.capacity) return;
    // Grow by a quarter (not doubling): a 50,000-template gallery then carries at most ~25 % slack.
    const next = Math.max(templates, Math.ceil(this.capacity * 1.25), INITIAL_CAPACITY);
    this.kernel.ensure(this.arenaBytes(next));
    const grow = <T extends Float32Array<ArrayBuffer> | Int32Array<ArrayBuffer>>(old: T, make: (n: number) => T): T => {
      const fresh = make(next);
      fresh.set(old.subarray(0, this.count));
      return fresh;
    };
    this.scales = grow(this.scales, (n) => new Float32Array(n));
    this.owners = grow(this.owners, (n) => new Int32Array(n));
    this.qualities = grow(this.qualities, (n) => new Float32Array(n));
    this.capacity = next;
  }
}
