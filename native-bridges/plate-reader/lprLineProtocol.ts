import { plateReadInputSchema, type PlateReadInput } from '../../app/ports/plateRead';
import { describeSchemaError } from '../../app/shared/describeSchemaError';

/**
 * The LPR TCP line protocol (see README.md): one UTF-8 line per message, '\n' or '\r\n' terminated.
 *   PLATE|<text>|<region>|<confidence 0..1>|<ISO 8601 timestamp>|<lane id>   -> OK <read id>
 *   PING                                                                    -> PONG
 * Anything else gets `ERR <code> <message>`; the connection stays open.
 */
export type LprLine =
  | { readonly type: 'plate'; readonly read: PlateReadInput }
  | { readonly type: 'ping' }
  | { readonly type: 'error'; readonly code: 'malformed' | 'unknown_command'; readonly message: string };

const plateFields = ['text', 'region', 'confidence', 'timestamp', 'lane'] as const;

export function parseLprLine(line: string): LprLine {
  const trimmed = line.replace(/\r$/, '');
  const parts = trimmed.split('|');
  const command = parts[0]?.trim().toUpperCase();
  if (command === 'PING' && parts.length === 1) return { type: 'ping' };
  if (command !== 'PLATE') {
    return { type: 'error', code: 'unknown_command', message: `unknown command ${JSON.stringify(truncate(parts[0] ?? ''))}: expected PLATE or PING` };
  }
  const fields = parts.slice(1);
  if (fields.length !== plateFields.length) {
    return { type: 'error', code: 'malformed', message: `PLATE takes ${plateFields.length} fields (${plateFields.join('|')}), got ${fields.length}` };
  }
  const [plate, region, confidenceText, timestamp, laneId] = fields as [string, string, string, string, string];
  const confidence = /^\s*\d+(\.\d+)?\s*$/.test(confidenceText) ? Number(confidenceText) : Number.NaN;
  if (Number.isNaN(confidence)) return { type: 'error', code: 'malformed', message: `confidence: ${JSON.stringify(truncate(confidenceText))} is not a number between 0 and 1` };
  const parsed = plateReadInputSchema.safeParse({ plate, region, confidence, timestamp: timestamp.trim(), laneId });
  if (!parsed.success) return { type: 'error', code: 'malformed', message: describeSchemaError(parsed.error, { root: 'body', rename: { plate: 'text', laneId: 'lane' } }) };
  return { type: 'plate', read: parsed.data };
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}...` : text;
}
