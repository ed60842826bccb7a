import { z } from 'zod';
import { bytesToHex, hexToBytes } from '../bytes';
import { createSimulatedPassport } from './createSimulatedPassport.node.ts';
import { VpcdCardConnection } from './VpcdCardConnection.node.ts';
import { simulatedPassportConfigSchema } from './simulatedPassportConfig';
import { createTestPkiSodSigner } from './testPkiSodSigner.node.ts';

/**
 * Child-process entry that hosts one simulated chip on vpcd, driven over IPC by SimulatorProcess. A chip in
 * its own process is what a real card is to the terminal; hosting it in the reader's process can deadlock,
 * because some PC/SC calls block the thread while pcscd waits for the card.
 */

export const hostCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), config: z.record(z.string(), z.unknown()), faceHex: z.string().optional(), faceFormat: z.enum(['jpeg', 'jpeg2000']).optional(), port: z.number().int(), sodHex: z.string().optional(), signWithTestPki: z.boolean().default(false), transport: z.enum(['auto', 'tcp']).default('auto') }),
  z.object({ type: z.literal('insert') }),
  z.object({ type: z.literal('remove') }),
  z.object({ type: z.literal('stop') }),
]);
export type HostCommand = z.infer<typeof hostCommandSchema>;

export type HostReply =
  | { type: 'started'; issuedDataGroups: Record<string, string>; cscaHex?: string }
  | { type: 'done'; command: HostCommand['type'] }
  | { type: 'log'; message: string }
  | { type: 'error'; message: string };

const send = (reply: HostReply) => process.send?.(reply);
let connection: VpcdCardConnection | undefined;

async function handle(command: HostCommand): Promise<void> {
  switch (command.type) {
    case 'start': {
      const input = simulatedPassportConfigSchema.parse({ ...command.config, ...(command.faceHex ? { face: { image: hexToBytes(command.faceHex), format: command.faceFormat ?? 'jpeg' } } : {}) });
      const fixedSod = command.sodHex ? hexToBytes(command.sodHex) : undefined;
      const signer = command.signWithTestPki ? await createTestPkiSodSigner(new Date()) : undefined;
      const passport = await createSimulatedPassport(input, fixedSod ? async () => fixedSod : signer?.buildSod);
      const { dropAfterApdus, reinsertAfterMs, responseDelayMs } = passport.config.faults;
      connection = new VpcdCardConnection(passport.chip, { port: command.port, transport: command.transport, ...(dropAfterApdus ? { dropAfterApdus } : {}), reinsertAfterMs, responseDelayMs, log: (message) => send({ type: 'log', message }) });
      await connection.insert();
      send({ type: 'started', issuedDataGroups: Object.fromEntries([...passport.issuedDataGroups].map(([dg, b]) => [String(dg), bytesToHex(b)])), ...(signer ? { cscaHex: bytesToHex(signer.cscaDer) } : {}) });
      return;
    }
    case 'insert':
      await connection?.insert();
      break;
    case 'remove':
      await connection?.remove();
      break;
    case 'stop':
      await connection?.stop();
      send({ type: 'done', command: 'stop' });
      process.exit(0);
  }
  send({ type: 'done', command: command.type });
}

process.on('message', (raw) => {
  const parsed = hostCommandSchema.safeParse(raw);
  if (!parsed.success) return send({ type: 'error', message: `bad command: ${parsed.error.message}` });
  handle(parsed.data).catch((e: Error) => send({ type: 'error', message: e.message }));
});
process.on('disconnect', () => {
  void connection?.stop().finally(() => process.exit(0));
});
