import type { APIRequestContext } from '@playwright/test';
import { e2eHostToken } from './hostToken';

/**
 * Calls the Node host's HTTP API, as a trainer's console or a support script would: the narrow setup hook
 * the tests use for things an officer does not do from the booth screen (unplugging a device).
 */
export async function callHost(request: APIRequestContext, channel: string, payload: unknown, baseUrl = '') {
  const response = await request.post(`${baseUrl}api/${channel}`, { data: payload, headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${e2eHostToken}` } });
  return { status: response.status(), body: (await response.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } } };
}
