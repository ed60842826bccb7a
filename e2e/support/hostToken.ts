import { hostAccessTokenFragmentParameter } from '../../app/host/hostAccessToken';
import { HostAccessToken } from '../../main/host/HostAccessToken';

/**
 * One access token for the end-to-end run's hosts. The hosts run in Playwright's webServer process and the tests
 * in its workers, so the token is made once where the config is loaded (the runner) and reaches both through the
 * environment the runner passes on to its children.
 */
process.env.BOOTH_E2E_HOST_TOKEN ??= HostAccessToken.generate().value;
export const e2eHostToken: string = process.env.BOOTH_E2E_HOST_TOKEN;

/** The app page of the host at `baseUrl` with the token in its fragment, as the launcher opens it (`/` is the configured baseURL). */
export function appUrl(baseUrl = '/'): string {
  return `${baseUrl}#${hostAccessTokenFragmentParameter}=${e2eHostToken}`;
}
