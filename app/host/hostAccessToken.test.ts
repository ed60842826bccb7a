import { describe, expect, it } from 'vitest';
import { hostAccessTokenSchema, hostWebSocketProtocols, tokenFromAuthorization, tokenFromWebSocketProtocols } from './hostAccessToken';

const token = 'Zm9vYmFyLWJhei1xdXV4LTEyMzQ1Njc4OTAtYWJjZGVm';

describe('host access token wire forms', () => {
  it('reads a bearer token and nothing else from Authorization', () => {
    expect(tokenFromAuthorization(`Bearer ${token}`)).toBe(token);
    expect(tokenFromAuthorization(`bearer  ${token}`)).toBe(token);
    expect(tokenFromAuthorization(undefined)).toBeUndefined();
    expect(tokenFromAuthorization(`Basic ${token}`)).toBeUndefined();
    expect(tokenFromAuthorization('Bearer')).toBeUndefined();
    expect(tokenFromAuthorization(`Bearer ${token} extra`)).toBeUndefined();
  });

  it('round-trips the token through the offered WebSocket subprotocols', () => {
    const offered = hostWebSocketProtocols(token);
    expect(offered).toEqual(['booth.v1', `booth.token.${token}`]);
    expect(tokenFromWebSocketProtocols(offered.join(', '))).toBe(token);
    expect(tokenFromWebSocketProtocols('booth.v1')).toBeUndefined();
    expect(tokenFromWebSocketProtocols(undefined)).toBeUndefined();
  });

  it('accepts 32 random bytes in base64url and refuses what could not be one', () => {
    expect(hostAccessTokenSchema.safeParse(token.slice(0, 43)).success).toBe(true);
    expect(hostAccessTokenSchema.safeParse(token.slice(0, 42)).success).toBe(false);
    expect(hostAccessTokenSchema.safeParse(`${token.slice(0, 42)}=`).success).toBe(false);
    expect(hostAccessTokenSchema.safeParse(`${token.slice(0, 42)},`).success).toBe(false);
  });
});
