/**
 * Security headers for the app's own content. Electron's app protocol and the Node host send exactly these,
 * so the renderer behaves the same under both.
 */

/** Cross-origin isolation: SharedArrayBuffer, and so WASM threads for face embedding, need it. */
export const crossOriginIsolationHeaders: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * Strict CSP: only our own scripts; 'wasm-unsafe-eval' because MediaPipe and onnxruntime compile WASM;
 * blob: workers because MediaPipe spawns its own; data:/blob: images for document and chip photos.
 * 'self' in connect-src also covers the Node host's WebSocket on the same host and port.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "style-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Everything the app's content is served with. */
export const appContentHeaders: Readonly<Record<string, string>> = {
  ...crossOriginIsolationHeaders,
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};
