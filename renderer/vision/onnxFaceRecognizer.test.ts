import { afterEach, describe, expect, it, vi } from 'vitest';
import { chooseBackend } from './onnxFaceRecognizer';

const withAdapter = (adapter: unknown) => vi.stubGlobal('navigator', { gpu: { requestAdapter: async () => adapter } });
afterEach(() => vi.unstubAllGlobals());

describe('chooseBackend', () => {
  it('uses WebGPU only on a real adapter unless forced', async () => {
    withAdapter({ info: { vendor: 'acme', architecture: 'rdna', isFallbackAdapter: false } });
    expect(await chooseBackend('auto')).toEqual({ backend: 'webgpu', adapter: 'acme rdna' });
    withAdapter({ info: { vendor: 'google', description: 'SwiftShader', isFallbackAdapter: true } });
    expect(await chooseBackend('auto')).toEqual({ backend: 'wasm', adapter: 'google SwiftShader (fallback adapter, not used)' });
    expect(await chooseBackend('webgpu')).toEqual({ backend: 'webgpu', adapter: 'google SwiftShader (fallback)' });
    expect(await chooseBackend('wasm')).toEqual({ backend: 'wasm', adapter: 'none (WASM requested)' });
  });

  it('falls back to WASM without WebGPU or when the adapter request fails', async () => {
    vi.stubGlobal('navigator', {});
    expect(await chooseBackend('auto')).toEqual({ backend: 'wasm', adapter: 'none' });
    vi.stubGlobal('navigator', { gpu: { requestAdapter: async () => Promise.reject(new Error('lost')) } });
    expect(await chooseBackend('webgpu')).toEqual({ backend: 'wasm', adapter: 'none' });
  });
});
