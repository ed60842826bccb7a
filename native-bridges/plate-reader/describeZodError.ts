import type { z } from 'zod';

/** "confidence: Too big: expected number to be <=1; laneId: ..." naming each bad field (renamed to the wire's names). */
export function describeZodError(error: z.ZodError, rename: Readonly<Record<string, string>> = {}): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      const named = rename[path] ?? (path || 'body');
      return `${named}: ${issue.message}`;
    })
    .join('; ');
}
