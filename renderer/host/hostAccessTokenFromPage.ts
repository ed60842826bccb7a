import { hostAccessTokenFragmentParameter, hostAccessTokenSchema } from '../../app/host/hostAccessToken';

/** The parts of `window` this reads, so Node tests can pass their own. */
export interface PageForHostAccessToken {
  readonly location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  readonly history: Pick<History, 'replaceState' | 'state'>;
  readonly sessionStorage: Pick<Storage, 'getItem' | 'setItem'>;
}

/** Where the token waits for a reload of the same tab (sessionStorage: gone when the window closes). */
export const hostAccessTokenStorageKey = 'booth.hostAccessToken';

/**
 * The Node host's access token for this page: taken from the `#token=` fragment the launcher opened (then kept in
 * sessionStorage, so a reload still works, and removed from the address bar, so it is not shown, bookmarked or
 * shared), else the one kept by an earlier load of this tab. Undefined when neither holds a well-formed token.
 */
export function takeHostAccessToken(page: PageForHostAccessToken): string | undefined {
  const fragment = new URLSearchParams(page.location.hash.replace(/^#/, ''));
  const fromUrl = fragment.get(hostAccessTokenFragmentParameter);
  if (fromUrl !== null) {
    fragment.delete(hostAccessTokenFragmentParameter);
    const rest = fragment.toString();
    page.history.replaceState(page.history.state, '', `${page.location.pathname}${page.location.search}${rest ? `#${rest}` : ''}`);
    const parsed = hostAccessTokenSchema.safeParse(fromUrl);
    if (parsed.success) {
      page.sessionStorage.setItem(hostAccessTokenStorageKey, parsed.data);
      return parsed.data;
    }
    console.error('[booth] the #token= in the address is not a booth host access token; open the URL the launcher printed');
  }
  const kept = hostAccessTokenSchema.safeParse(page.sessionStorage.getItem(hostAccessTokenStorageKey));
  return kept.success ? kept.data : undefined;
}
