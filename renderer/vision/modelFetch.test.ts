import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelLoadError} from './modelFetch';
import { fetchModel, joinUrl } from './modelFetch';

/** A loopback server answering as a misconfigured or healthy asset server would. */
const model = new Uint8Array(100_000).map((_, i) => i % 251);
const server = createServer((request, response) => {
  if (request.url === '/models/ok.onnx') {
    response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(model.length) });
    response.end(model);
  } else if (request.url === '/models/page.onnx') {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<html>index</html>');
  } else if (request.url === '/models/empty.onnx') {
    response.writeHead(200, { 'content-type': 'application/octet-stream' });
    response.end();
  } else {
    response.writeHead(404);
    response.end();
  }
});
let base = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const failure = (url: string) => fetchModel(url, () => undefined).then(() => null, (error: unknown) => error as ModelLoadError);

describe('fetchModel', () => {
  it('returns the bytes and reports progress up to the total', async () => {
    const progress: [number, number][] = [];
    const bytes = await fetchModel(joinUrl(base, 'models/ok.onnx'), (loaded, total) => progress.push([loaded, total]));
    expect(bytes).toEqual(model);
    expect(progress.at(-1)).toEqual([model.length, model.length]);
  });

  it('names the file and the likely cause when it cannot be a model', async () => {
    expect(await failure(joinUrl(base, 'models/missing.onnx'))).toMatchObject({ code: 'model_missing', message: expect.stringMatching(/missing\.onnx: HTTP 404.*prepare:assets/) });
    expect(await failure(joinUrl(base, 'models/page.onnx'))).toMatchObject({ code: 'model_missing', message: expect.stringMatching(/page\.onnx answered with an HTML page/) });
    expect(await failure(joinUrl(base, 'models/empty.onnx'))).toMatchObject({ code: 'model_corrupt', message: expect.stringMatching(/empty\.onnx is empty/) });
    expect(await failure('http://127.0.0.1:1/models/x.onnx')).toMatchObject({ code: 'model_missing', message: expect.stringMatching(/^cannot fetch/) });
  });

  it('joins an asset base with or without its trailing slash', () => {
    expect(joinUrl('http://h/app', 'models/a')).toBe('http://h/app/models/a');
    expect(joinUrl('http://h/app/', 'models/a')).toBe('http://h/app/models/a');
  });
});
