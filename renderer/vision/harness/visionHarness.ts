import { createVisionClient } from '../visionClient';
import type { VisionClient } from '../visionClient';
import type { InitInfo, LoadProgress, StillRequest, VisionConfig } from '../visionProtocol';
import type { PlotSpec } from './plotVerification';
import { drawVerificationPlot } from './plotVerification';

/**
 * The page side of the evaluation and benchmark CLIs: it exposes a narrow API on `window.boothVisionHarness`
 * that runs images through the same VisionClient and worker the booth uses. Only loaded by harness pages.
 */
export interface HarnessImageResult {
  readonly path: string;
  readonly ok: boolean;
  readonly error?: string;
  readonly faceCount: number;
  /** Base64 of the float32 embedding bytes (compact over the DevTools protocol). */
  readonly embedding?: string;
  readonly interEyePx?: number;
  readonly ms: number;
  readonly detectMs?: number;
  readonly landmarksMs?: number;
  readonly embedMs?: number;
}

export interface VisionHarness {
  init(config: Partial<VisionConfig>): Promise<InitInfo>;
  embedUrls(urls: readonly string[], request: Partial<StillRequest>): Promise<HarnessImageResult[]>;
  plot(spec: PlotSpec): Promise<string>;
  progress: LoadProgress[];
}

let client: VisionClient | undefined;

const toBase64 = (values: Float32Array): string => {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
};

const harness: VisionHarness = {
  progress: [],
  async init(config) {
    client?.dispose();
    client = createVisionClient({ config: { assetBase: new URL('/', location.href).href, ...config }, callTimeoutMs: 60_000 });
    const info = await client.init((p) => harness.progress.push(p));
    document.getElementById('status')!.textContent = `ready: ${JSON.stringify(info)}`;
    return info;
  },
  async embedUrls(urls, request) {
    if (!client) throw new Error('harness used before init()');
    const results: HarnessImageResult[] = [];
    for (const url of urls) {
      const started = performance.now();
      try {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
        const result = await client.embedStill(await response.blob(), request);
        const ms = performance.now() - started;
        if (result.ok) {
          results.push({
            path: url,
            ok: true,
            faceCount: result.faceCount,
            embedding: toBase64(result.face.embedding),
            interEyePx: result.face.quality.interEyePx,
            ms,
            detectMs: result.timings.detectMs,
            landmarksMs: result.timings.landmarksMs,
            embedMs: result.timings.embedMs,
          });
        } else {
          results.push({ path: url, ok: false, error: `${result.error.code}: ${result.error.message}`, faceCount: result.faceCount, ms });
        }
      } catch (error) {
        results.push({ path: url, ok: false, error: String(error), faceCount: 0, ms: performance.now() - started });
      }
    }
    return results;
  },
  async plot(spec) {
    return drawVerificationPlot(spec);
  },
};

(window as Window & { boothVisionHarness?: VisionHarness }).boothVisionHarness = harness;
