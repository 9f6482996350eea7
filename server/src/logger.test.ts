import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';

describe('createLogger', () => {
  it.each([
    ['a device token', { token: 'S1' }],
    ['a refresh token in a record', { record: { refreshToken: 'S1', idToken: 'S2' } }],
    ['a provider response', { response: { body: { refresh_token: 'S1', id_token: 'S2', access_token: 'S3' } } }],
    ['a login flow', { flow: { codeVerifier: 'S1', nonce: 'S2' } }],
    ['the client secret', { oidc: { clientSecret: 'S1' } }],
    ['a cookie header', { headers: { cookie: 'runde_signin=S1', authorization: 'Basic S2' } }],
  ])('writes no secret of %s', (_what, fields) => {
    const lines: string[] = [];
    createLogger('debug', { write: (line) => void lines.push(line) }).info(fields, 'something');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/S\d/);
    expect(lines[0]).toContain('[secret]');
  });
});
