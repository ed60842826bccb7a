// Not an import: the file only declares types for two packages whose "exports" hide their own (see it).
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./serialportBindings.d.ts" />
import { MockBinding, type MockPortBinding } from '@serialport/binding-mock';
import type { BindingInterface, BindingPortInterface, OpenOptions, PortInfo, PortStatus, SetOptions, UpdateOptions } from '@serialport/bindings-interface';
import { SerialPortStream } from '@serialport/stream';
import type { OpenSerialLine } from './SerialMrzReader.node.ts';

let nextPortNumber = 0;

/** How a scripted read is put on the wire. */
export interface SimulatedSerialReadOptions {
  /** Line ends after each line (default CR LF), or STX ... ETX around the whole read. */
  readonly framing?: 'cr' | 'lf' | 'crlf' | 'stx-etx';
  /** Bytes per write, to mimic a slow line (default: all at once). */
  readonly chunkSize?: number;
}

/**
 * A serial MRZ reader that exists only in software: the real SerialMrzReader opens it through the
 * `serialport` stack (SerialPortStream over @serialport/binding-mock), and a script makes the "reader"
 * send bytes: whole reads, partial lines, noise, doubled reads, and an unplug in the middle of a read.
 * Product code: trainer scenarios and the conformance suite both drive it.
 */
export class SimulatedSerialMrzDevice {
  readonly path: string;
  private plugged = true;
  private openPort: UnpluggablePortBinding | undefined;
  private readonly binding: BindingInterface;

  constructor(path?: string) {
    this.path = path ?? `/dev/ttySIM${nextPortNumber++}`;
    MockBinding.createPort(this.path, { manufacturer: 'Booth simulated MRZ reader' });
    this.binding = {
      list: async (): Promise<PortInfo[]> => (this.plugged ? (await MockBinding.list()).filter((port) => port.path === this.path) : []),
      open: async (options: OpenOptions): Promise<BindingPortInterface> => {
        if (!this.plugged || options.path !== this.path) throw new Error(`No such file or directory, cannot open ${options.path}`);
        const port = new UnpluggablePortBinding(await MockBinding.open(options));
        this.openPort = port;
        return port;
      },
    };
  }

  /** Give this to SerialMrzReader as `openLine`. */
  readonly openLine: OpenSerialLine = (path, baudRate) => new SerialPortStream({ binding: this.binding, path, baudRate, autoOpen: false });

  /** True while the reader's port is open on the host side. */
  get isOpen(): boolean {
    return this.openPort?.isOpen ?? false;
  }

  get isPlugged(): boolean {
    return this.plugged;
  }

  /** The reader sends raw bytes (text is sent as latin1, one byte per character). */
  send(data: string | Uint8Array): void {
    if (!this.openPort?.isOpen) throw new Error(`The simulated reader on ${this.path} is not open on the host side.`);
    this.openPort.inner.emitData(typeof data === 'string' ? Buffer.from(data, 'latin1') : Buffer.from(data));
  }

  /** The reader sends a whole MRZ read, framed as asked, in chunks if asked. */
  sendRead(lines: readonly string[], options: SimulatedSerialReadOptions = {}): void {
    const bytes = encodeRead(lines, options.framing ?? 'crlf');
    const size = options.chunkSize ?? bytes.length;
    for (let offset = 0; offset < bytes.length; offset += size) this.send(bytes.slice(offset, offset + size));
  }

  /** Pulls the cable: the open port fails as a real one does, and opening fails until `replug`. */
  unplug(): void {
    this.plugged = false;
    this.openPort?.unplug();
    this.openPort = undefined;
  }

  replug(): void {
    this.plugged = true;
  }
}

export function encodeRead(lines: readonly string[], framing: NonNullable<SimulatedSerialReadOptions['framing']>): string {
  switch (framing) {
    case 'cr':
      return lines.map((line) => `${line}\r`).join('');
    case 'lf':
      return lines.map((line) => `${line}\n`).join('');
    case 'crlf':
      return lines.map((line) => `${line}\r\n`).join('');
    case 'stx-etx':
      return `\u0002${lines.join('\r')}\u0003`;
  }
}

/**
 * Wraps a mock port so that an unplug fails the pending read with a non-cancel error, which is what
 * the serialport stream sees when a USB adapter disappears: it then closes with a DisconnectedError.
 */
class UnpluggablePortBinding implements BindingPortInterface {
  private unplugged = false;
  private closed = false;
  private readonly unplugWaiters = new Set<(error: Error) => void>();

  constructor(readonly inner: MockPortBinding) {}

  get openOptions() {
    return this.inner.openOptions;
  }

  /** The host's handle stays open after an unplug until the stream closes it, as a real file descriptor does. */
  get isOpen(): boolean {
    return !this.closed;
  }

  unplug(): void {
    this.unplugged = true;
    const error = new Error('device reports readiness to read but returned no data (device disconnected or multiple access on port?)');
    for (const fail of this.unplugWaiters) fail(error);
    this.unplugWaiters.clear();
  }

  read(buffer: Buffer, offset: number, length: number): Promise<{ buffer: Buffer; bytesRead: number }> {
    if (this.unplugged) return Promise.reject(new Error('Port is not open'));
    return new Promise((resolve, reject) => {
      this.unplugWaiters.add(reject);
      this.inner.read(buffer, offset, length).then(
        (result) => {
          this.unplugWaiters.delete(reject);
          resolve(result);
        },
        (error: unknown) => {
          this.unplugWaiters.delete(reject);
          reject(error);
        },
      );
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.inner.isOpen) await this.inner.close();
  }

  write(buffer: Buffer): Promise<void> {
    return this.unplugged ? Promise.reject(new Error('Port is not open')) : this.inner.write(buffer);
  }

  update(options: UpdateOptions): Promise<void> {
    return this.inner.update(options);
  }

  set(options: SetOptions): Promise<void> {
    return this.inner.set(options);
  }

  get(): Promise<PortStatus> {
    return this.inner.get();
  }

  getBaudRate(): Promise<{ baudRate: number }> {
    return this.inner.getBaudRate();
  }

  flush(): Promise<void> {
    return this.inner.flush();
  }

  drain(): Promise<void> {
    return this.inner.drain();
  }
}
