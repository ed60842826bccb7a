import { spawn, spawnSync } from 'node:child_process';
import { Socket } from 'node:net';

/** A byte stream to vpcd: a direct TCP socket, or a relay process that acknowledges segments at once. */
export interface VpcdLink {
  write(bytes: Uint8Array): void;
  /** Closes the link; resolves once it is closed (the card is then out of the field). */
  close(): Promise<void>;
}

export interface VpcdLinkHandlers {
  onData(chunk: Uint8Array): void;
  onClose(): void;
  onError(message: string): void;
}

export async function openTcpLink(host: string, port: number, handlers: VpcdLinkHandlers): Promise<VpcdLink> {
  const socket = new Socket();
  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => {
      socket.destroy();
      reject(error);
    };
    socket.once('error', onError);
    socket.connect(port, host, () => {
      socket.off('error', onError);
      resolve();
    });
  });
  socket.setNoDelay(true);
  socket.on('error', (e) => handlers.onError(e.message));
  socket.on('close', () => handlers.onClose());
  socket.on('data', (chunk) => handlers.onData(new Uint8Array(chunk)));
  return {
    write: (bytes) => void socket.write(bytes),
    close: () =>
      new Promise<void>((resolve) => {
        if (socket.destroyed) return resolve();
        socket.once('close', () => resolve());
        socket.destroy();
      }),
  };
}

/**
 * vpcd writes each message as two segments (length, then payload) without TCP_NODELAY, so the payload waits
 * for our ACK of the length, and Linux delays that ACK by 40 ms once the exchange looks interactive. Node
 * cannot set TCP_QUICKACK, so this small relay does it after every receive: ~1 ms per APDU instead of ~44.
 */
const quickAckRelay = `
import os, socket, sys, threading
s = socket.create_connection((sys.argv[1], int(sys.argv[2])))
s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
QUICKACK = getattr(socket, 'TCP_QUICKACK', 12)
s.setsockopt(socket.IPPROTO_TCP, QUICKACK, 1)
sys.stdout.buffer.write(b'\\x00'); sys.stdout.buffer.flush()
def upstream():
    while True:
        d = os.read(0, 65536)
        if not d: os._exit(0)
        s.sendall(d); s.setsockopt(socket.IPPROTO_TCP, QUICKACK, 1)
threading.Thread(target=upstream, daemon=True).start()
while True:
    d = s.recv(65536)
    if not d: os._exit(0)
    s.setsockopt(socket.IPPROTO_TCP, QUICKACK, 1)
    os.write(1, d)
`;

let pythonChecked: string | null | undefined;

/** python3 on PATH, if any (checked once). */
export function relayInterpreter(): string | undefined {
  if (pythonChecked === undefined) {
    const probe = spawnSync('python3', ['-c', 'import socket'], { stdio: 'ignore' });
    pythonChecked = probe.status === 0 ? 'python3' : null;
  }
  return pythonChecked ?? undefined;
}

export async function openQuickAckRelayLink(host: string, port: number, handlers: VpcdLinkHandlers): Promise<VpcdLink> {
  const interpreter = relayInterpreter();
  if (!interpreter) throw new Error('python3 is not available for the quick-ACK relay');
  const child = spawn(interpreter, ['-u', '-c', quickAckRelay, host, String(port)], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  // The relay writes one 0x00 byte once connected; everything after it comes from vpcd.
  await new Promise<void>((resolve, reject) => {
    const onFirst = (chunk: Buffer) => {
      child.stdout.off('data', onFirst);
      child.stdout.on('data', (d: Buffer) => handlers.onData(new Uint8Array(d)));
      if (chunk.length > 1) handlers.onData(new Uint8Array(chunk.subarray(1)));
      resolve();
    };
    child.stdout.on('data', onFirst);
    void exit.then(() => reject(new Error(stderr.trim().split('\n').pop() || 'relay exited')));
  });
  void exit.then(() => handlers.onClose());
  child.stdin.on('error', (e) => handlers.onError(e.message));
  return {
    write: (bytes) => void child.stdin.write(bytes),
    close: async () => {
      if (!exited) child.kill('SIGTERM');
      await exit;
    },
  };
}
