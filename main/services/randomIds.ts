import type { Ids } from '../../app/ports/Ids';

/** Unguessable ids for production; tests inject `sequentialIds()` instead. */
export const randomIds: Ids = { next: (prefix) => `${prefix}-${crypto.randomUUID()}` };
