import { rfidTagReadSchema, type RfidTagRead } from '../../app/ports/rfidRead';
import { describeSchemaError } from '../../app/shared/describeSchemaError';

/**
 * The UHF reader TCP line protocol (see README.md): one tag read per line.
 *   TAG|<reference>|<card type>|<lane>|<ISO 8601 timestamp>|<antenna>|<rssi dBm>   (antenna, rssi may be empty)
 *   PING
 */
export type RfidLine =
  | { readonly type: 'tag'; readonly tag: RfidTagRead }
  | { readonly type: 'ping' }
  | { readonly type: 'error'; readonly code: 'malformed' | 'unknown_command'; readonly message: string };

const fields = ['reference', 'cardType', 'laneId', 'readAt', 'antenna', 'rssi'] as const;
const wireNames: Record<string, string> = { cardType: 'card type', laneId: 'lane', readAt: 'timestamp' };

export function parseRfidLine(line: string): RfidLine {
  const parts = line.split('|');
  const command = parts[0]?.trim().toUpperCase();
  if (command === 'PING' && parts.length === 1) return { type: 'ping' };
  if (command !== 'TAG') return { type: 'error', code: 'unknown_command', message: `unknown command ${JSON.stringify((parts[0] ?? '').slice(0, 40))}: expected TAG or PING` };
  const values = parts.slice(1);
  if (values.length !== fields.length) return { type: 'error', code: 'malformed', message: `TAG takes ${fields.length} fields (${fields.join('|')}), got ${values.length}` };
  const [reference, cardType, laneId, readAt, antenna, rssi] = values.map((v) => v.trim()) as [string, string, string, string, string, string];
  const number = (text: string, name: string): number | undefined | string => {
    if (text === '') return undefined;
    return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : `${name}: ${JSON.stringify(text.slice(0, 40))} is not a number`;
  };
  const antennaValue = number(antenna, 'antenna');
  const rssiValue = number(rssi, 'rssi');
  for (const v of [antennaValue, rssiValue]) if (typeof v === 'string') return { type: 'error', code: 'malformed', message: v };
  const parsed = rfidTagReadSchema.safeParse({ reference, cardType, laneId, readAt, ...(antennaValue !== undefined ? { antenna: antennaValue } : {}), ...(rssiValue !== undefined ? { rssi: rssiValue } : {}) });
  if (!parsed.success) return { type: 'error', code: 'malformed', message: describeSchemaError(parsed.error, { root: 'body', rename: wireNames }) };
  return { type: 'tag', tag: parsed.data };
}
