import type { APIRequestContext } from '@playwright/test';
import { e2eHostToken } from './hostToken';

/** The header an HTTP API caller's session travels in (main/host/HttpApiSessions.ts). */
const sessionHeader = 'booth-session';

/** The session this worker's console holds on each host (by base URL). */
const sessions = new Map<string, string>();

type HostAnswer = { status: number; body: { ok: boolean; value?: unknown; error?: { code: string; message: string } } };

async function post(request: APIRequestContext, channel: string, payload: unknown, baseUrl: string): Promise<HostAnswer> {
  const session = sessions.get(baseUrl);
  const response = await request.post(`${baseUrl}api/${channel}`, {
    data: payload,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${e2eHostToken}`, ...(session ? { [sessionHeader]: session } : {}) },
  });
  const answered = response.headers()[sessionHeader];
  if (answered) sessions.set(baseUrl, answered);
  const body = (await response.json()) as HostAnswer['body'];
  if (channel === 'auth:signOut' && body.ok) sessions.delete(baseUrl);
  return { status: response.status(), body };
}

/** Signs the console in as the practice trainer: the simulator controls are a trainer's (app/host/simulatorAccess.ts). */
async function signInTrainer(request: APIRequestContext, baseUrl: string): Promise<void> {
  const answer = await post(request, 'auth:signIn', { userId: 'trainer', password: 'booth-trainer' }, baseUrl);
  if (!answer.body.ok) throw new Error(`the e2e console could not sign in as trainer: ${JSON.stringify(answer.body)}`);
}

/**
 * Calls the Node host's HTTP API, as a trainer's console or a support script would: the narrow setup hook
 * the tests use for things an officer does not do from the booth screen (unplugging a device). The console signs
 * in as the trainer on its own session the first time (and again when the host no longer knows the session);
 * an explicit `auth:signIn` through it replaces whoever the console is signed in as.
 */
export async function callHost(request: APIRequestContext, channel: string, payload: unknown, baseUrl = ''): Promise<HostAnswer> {
  if (!channel.startsWith('auth:') && !sessions.has(baseUrl)) await signInTrainer(request, baseUrl);
  const answer = await post(request, channel, payload, baseUrl);
  if (answer.status === 401 && sessions.has(baseUrl) && answer.body.error?.message.includes('names no session')) {
    sessions.delete(baseUrl);
    if (channel.startsWith('auth:')) return post(request, channel, payload, baseUrl);
    await signInTrainer(request, baseUrl);
    return post(request, channel, payload, baseUrl);
  }
  return answer;
}
