/**
 * The source of the worker thread that runs OpenJPEG (CommonJS, evaluated with `eval: true`): a separate file
 * would not survive the Electron bundle, and the worker needs nothing but the decoder's module path.
 * Protocol: each message {id, bytes} is answered {id, ok: true, frameInfo, decoded, decoderMessages} (decoded transferred) or
 * {id, ok: false, message, decoderMessages}.
 */
export const jpeg2000DecodeWorkerSource = `
const { parentPort, workerData } = require('node:worker_threads');
let messages = [];
const ready = require(workerData.modulePath)({ print: () => undefined, printErr: (line) => void messages.push(String(line)) });
parentPort.on('message', async ({ id, bytes }) => {
  messages = [];
  let decoder;
  try {
    const module = await ready;
    decoder = new module.J2KDecoder();
    decoder.getEncodedBuffer(bytes.length).set(bytes);
    decoder.decode();
    const frameInfo = decoder.getFrameInfo();
    const decoded = Uint8Array.from(decoder.getDecodedBuffer());
    parentPort.postMessage({ id, ok: true, frameInfo: { ...frameInfo }, decoded, decoderMessages: messages.slice(-4) }, [decoded.buffer]);
  } catch (error) {
    const message = error instanceof Error ? error.message : typeof error === 'number' ? 'OpenJPEG aborted (code ' + error + ')' : String(error);
    parentPort.postMessage({ id, ok: false, message, decoderMessages: messages.slice(-4) });
  } finally {
    if (decoder) decoder.delete();
  }
});
`;
