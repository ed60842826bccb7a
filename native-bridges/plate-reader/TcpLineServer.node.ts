import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';

export interface TcpLineServerOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** Longest line accepted; a longer one is answered once through `onOversize` and discarded up to its newline. */
  readonly maxLineBytes: number;
  readonly maxConnections: number;
  /** One complete line (without its terminator); `reply` writes one answer line. */
  readonly onLine: (line: string, reply: (answer: string) => void) => void;
  readonly onOversize: (reply: (answer: string) => void) => void;
  /** A client went away in the middle of a line; the partial line is dropped. */
  readonly onPartialLine: () => void;
}

/**
 * A TCP server for line protocols (LPR cameras, UHF readers): splits the byte stream into lines however it
 * is segmented, bounds line length and connections, and survives anything a client sends or does.
 */
export class TcpLineServer {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();

  constructor(private readonly options: TcpLineServerOptions) {}

  async start(onError: (error: Error) => void): Promise<void> {
    if (this.server) return;
    const server = createServer((socket) => this.handle(socket));
    server.maxConnections = this.options.maxConnections;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port, this.options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    server.on('error', onError);
    this.server = server;
  }

  get port(): number | undefined {
    return (this.server?.address() as AddressInfo | null | undefined)?.port;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private handle(socket: Socket): void {
    const { maxLineBytes, onLine, onOversize, onPartialLine } = this.options;
    this.sockets.add(socket);
    socket.setEncoding('utf8');
    socket.setNoDelay(true);
    let buffer = '';
    let discarding = false;
    const reply = (answer: string) => {
      if (!socket.destroyed) socket.write(`${answer.replace(/[\r\n]+/g, ' ')}\n`);
    };
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline).replace(/\r$/, '');
        buffer = buffer.slice(newline + 1);
        if (discarding) {
          discarding = false; // the tail of an oversized line
          continue;
        }
        if (Buffer.byteLength(line) > maxLineBytes) {
          onOversize(reply);
          continue;
        }
        if (line.trim() === '') continue;
        try {
          onLine(line, reply);
        } catch (error) {
          reply(`ERR internal ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      if (discarding) buffer = '';
      else if (Buffer.byteLength(buffer) > maxLineBytes) {
        onOversize(reply);
        buffer = '';
        discarding = true;
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.sockets.delete(socket);
      if (buffer.trim() !== '') onPartialLine();
    });
  }
}
