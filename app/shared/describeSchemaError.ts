import type { z } from 'zod';

export interface DescribeSchemaErrorOptions {
  /** What to call the value itself when the issue is about all of it, e.g. "(payload)" or "body". */
  readonly root?: string;
  /** Field paths renamed to the names the sender used on its wire, e.g. { laneId: 'lane' }. */
  readonly rename?: Readonly<Record<string, string>>;
}

/**
 * Turns a schema failure into one sentence that names each bad field by its path, e.g.
 * "connected: expected boolean, received string; kind: invalid option". Every boundary (IPC, devices, services)
 * reports bad input this way.
 */
export function describeSchemaError(error: z.ZodError, options: DescribeSchemaErrorOptions = {}): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      return `${options.rename?.[path] ?? (path || (options.root ?? '(payload)'))}: ${issue.message}`;
    })
    .join('; ');
}
