import type { z } from 'zod';

/**
 * Turns a schema failure into one sentence that names each bad field by its path,
 * e.g. "connected: expected boolean, received string; kind: invalid option".
 */
export function describeSchemaError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(payload)'}: ${issue.message}`)
    .join('; ');
}
