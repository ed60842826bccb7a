/**
 * Only the app's own pages may drive the host. A browser sends Origin on WebSocket upgrades and cross-site
 * POSTs, so another web page open on this machine cannot reach the booth's devices through it.
 * Tools without an Origin header (curl, support scripts) pass this check; like the page, they still need the
 * launch's access token (requestGuard.ts).
 */
export function isAllowedOrigin(origin: string | undefined, hostHeader: string | undefined): boolean {
  if (origin === undefined) return true;
  if (hostHeader === undefined) return false;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === hostHeader;
  } catch {
    return false;
  }
}
