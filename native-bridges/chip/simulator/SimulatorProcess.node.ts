import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { bytesToHex, hexToBytes } from '../bytes';
import type { HostCommand, HostReply } from './simulatorHost.node.ts';
import type { SimulatedPassportConfigInput } from './simulatedPassportConfig';
import { vpcdDefaultPort } from './VpcdCardConnection.node.ts';

/**
 * A simulated e-passport chip running in a child process, inserted into vpcd's reader: what tests, the
 * benchmark and trainer mode use to put a "passport on the reader" next to a PcscChipReader in this process.
 */
export class SimulatorProcess {
  private constructor(
    private readonly child: ChildProcess,
    /** The data groups as issued (before faults), to compare a read against. */
    readonly issuedDataGroups: ReadonlyMap<number, Uint8Array>,
    /** DER of the test CSCA that signed the SOD (when signWithTestPki was asked for). */
    readonly cscaDer: Uint8Array | undefined,
  ) {}

  static async start(config: SimulatedPassportConfigInput, options: { port?: number; sod?: Uint8Array; signWithTestPki?: boolean; transport?: 'auto' | 'tcp'; log?: (m: string) => void; timeoutMs?: number } = {}): Promise<SimulatorProcess> {
    const { face, ...rest } = config;
    const child = fork(fileURLToPath(new URL('./simulatorHost.node.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const log = options.log;
    child.on('message', (m: HostReply) => {
      if (m.type === 'log') log?.(m.message);
    });
    const started = await request(child, { type: 'start', config: rest, ...(face ? { faceHex: bytesToHex(face.image), faceFormat: face.format } : {}), port: options.port ?? vpcdDefaultPort, ...(options.sod ? { sodHex: bytesToHex(options.sod) } : {}), signWithTestPki: options.signWithTestPki ?? false, transport: options.transport ?? 'auto' }, 'started', options.timeoutMs ?? 15_000);
    if (started.type !== 'started') throw new Error('simulator did not start');
    const issued = new Map(Object.entries(started.issuedDataGroups).map(([dg, hex]) => [Number(dg), hexToBytes(hex)]));
    return new SimulatorProcess(child, issued, started.cscaHex ? hexToBytes(started.cscaHex) : undefined);
  }

  /** Takes the passport off the reader. */
  async remove(): Promise<void> {
    await request(this.child, { type: 'remove' }, 'done');
  }

  /** Puts it back. */
  async insert(): Promise<void> {
    await request(this.child, { type: 'insert' }, 'done');
  }

  /** Removes the card and ends the child process. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || !this.child.connected) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.send({ type: 'stop' } satisfies HostCommand);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
}

function request(child: ChildProcess, command: HostCommand, expect: HostReply['type'], timeoutMs = 10_000): Promise<HostReply> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`simulator: no reply to ${command.type} within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (m: HostReply) => {
      if (m.type === 'error') finish(new Error(`simulator: ${m.message}`));
      else if (m.type === expect) finish(undefined, m);
    };
    const onExit = () => finish(new Error(`simulator exited during ${command.type}`));
    function finish(error?: Error, reply?: HostReply) {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(reply!);
    }
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.send(command);
  });
}
