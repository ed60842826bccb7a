import { describe, expect, it, vi } from 'vitest';
import { hostAccessTokenStorageKey, takeHostAccessToken, type PageForHostAccessToken } from './hostAccessTokenFromPage';

const token = 'q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c';

/** A page at `address` with a tab's sessionStorage and a history that records what replaced the address. */
function pageAt(address: string, stored: Record<string, string> = {}) {
  const url = new URL(address);
  const storage = new Map(Object.entries(stored));
  const replaced: string[] = [];
  const page: PageForHostAccessToken = {
    location: { hash: url.hash, pathname: url.pathname, search: url.search },
    history: { state: null, replaceState: (_state, _unused, next) => void replaced.push(String(next)) },
    sessionStorage: { getItem: (key) => storage.get(key) ?? null, setItem: (key, value) => void storage.set(key, value) },
  };
  return { page, storage, replaced };
}

describe('takeHostAccessToken', () => {
  it('takes the token from the fragment, keeps it for reloads and removes it from the address bar', () => {
    const { page, storage, replaced } = pageAt(`http://127.0.0.1:5310/?lane=1#token=${token}`);
    expect(takeHostAccessToken(page)).toBe(token);
    expect(storage.get(hostAccessTokenStorageKey)).toBe(token);
    expect(replaced).toEqual(['/?lane=1']);
  });

  it('keeps other fragment parameters', () => {
    const { page, replaced } = pageAt(`http://127.0.0.1:5310/#view=review&token=${token}`);
    expect(takeHostAccessToken(page)).toBe(token);
    expect(replaced).toEqual(['/#view=review']);
  });

  it('after a reload (no fragment) uses the token this tab kept', () => {
    const { page, replaced } = pageAt('http://127.0.0.1:5310/', { [hostAccessTokenStorageKey]: token });
    expect(takeHostAccessToken(page)).toBe(token);
    expect(replaced).toEqual([]);
  });

  it('a new launch URL replaces the token an earlier launch left', () => {
    const newer = `${token.slice(1)}Z`;
    const { page, storage } = pageAt(`http://127.0.0.1:5310/#token=${newer}`, { [hostAccessTokenStorageKey]: token });
    expect(takeHostAccessToken(page)).toBe(newer);
    expect(storage.get(hostAccessTokenStorageKey)).toBe(newer);
  });

  it('has no token without one, and ignores a malformed one (still removing it from the address bar)', () => {
    expect(takeHostAccessToken(pageAt('http://127.0.0.1:5310/').page)).toBeUndefined();
    const { page, storage, replaced } = pageAt('http://127.0.0.1:5310/#token=%3Cscript%3E');
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(takeHostAccessToken(page)).toBeUndefined();
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
    expect(storage.size).toBe(0);
    expect(replaced).toEqual(['/']);
  });
});
