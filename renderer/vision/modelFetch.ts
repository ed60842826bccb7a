/**
 * Fetches a model file with progress, and turns HTTP failures into errors that name the file. A model that
 * is missing or corrupt must give a clear error, not a hung worker.
 */
export class ModelLoadError extends Error {
  constructor(
    readonly code: 'model_missing' | 'model_corrupt' | 'runtime_failed',
    message: string,
  ) {
    super(message);
    this.name = 'ModelLoadError';
  }
}

export async function fetchModel(url: string, onBytes: (loaded: number, total: number) => void): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new ModelLoadError('model_missing', `cannot fetch ${url}: ${String(error)}`);
  }
  if (!response.ok) throw new ModelLoadError('model_missing', `cannot fetch ${url}: HTTP ${response.status} (was \`npm run prepare:assets\` run?)`);
  if ((response.headers.get('content-type') ?? '').includes('text/html')) {
    throw new ModelLoadError('model_missing', `${url} answered with an HTML page, not a model (wrong asset base, or assets not prepared)`);
  }
  const total = Number(response.headers.get('content-length') ?? 0);
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    onBytes(loaded, total);
  }
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  if (bytes.length === 0) throw new ModelLoadError('model_corrupt', `${url} is empty`);
  return bytes;
}

export const joinUrl = (base: string, path: string): string => (base.endsWith('/') ? base : `${base}/`) + path;
