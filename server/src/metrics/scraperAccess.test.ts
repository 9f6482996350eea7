import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { isInternalAddress, mayScrape } from './scraperAccess.ts';

describe('isInternalAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.20.30.40', true],
    ['172.16.0.1', true],
    ['172.31.255.254', true],
    ['192.168.1.20', true],
    ['::ffff:192.168.1.20', true],
    ['fd00::5', true],
    ['fe80::1', true],
    ['172.32.0.1', false],
    ['8.8.8.8', false],
    ['::ffff:8.8.8.8', false],
    ['2001:db8::1', false],
    ['100.64.0.1', false],
    ['', false],
    [undefined, false],
    ['not an address', false],
  ])('%s → %s', (address, internal) => {
    expect(isInternalAddress(address)).toBe(internal);
  });
});

function request(peer: string, headers: Record<string, string> = {}): IncomingMessage {
  return { headers, socket: { remoteAddress: peer } } as unknown as IncomingMessage;
}

describe('mayScrape', () => {
  const token = 'a-token-of-twenty-chars';

  it('without a token: a private peer reaching the node directly, nobody else', () => {
    expect(mayScrape(request('10.0.0.7'), undefined)).toBe(true);
    expect(mayScrape(request('203.0.113.9'), undefined)).toBe(false);
  });

  it('judges the TCP peer, not what X-Forwarded-For claims, and refuses anything a proxy passed on', () => {
    expect(mayScrape(request('203.0.113.9', { 'x-forwarded-for': '127.0.0.1' }), undefined)).toBe(false);
    expect(mayScrape(request('127.0.0.1', { 'x-forwarded-for': '203.0.113.9' }), undefined)).toBe(false);
    expect(mayScrape(request('127.0.0.1', { forwarded: 'for=203.0.113.9' }), undefined)).toBe(false);
  });

  it('with a token: exactly that bearer token, from anywhere; nothing else, not even loopback', () => {
    expect(mayScrape(request('203.0.113.9', { authorization: `Bearer ${token}` }), token)).toBe(true);
    expect(mayScrape(request('127.0.0.1'), token)).toBe(false);
    expect(mayScrape(request('127.0.0.1', { authorization: `Bearer ${token}x` }), token)).toBe(false);
    expect(mayScrape(request('127.0.0.1', { authorization: token }), token)).toBe(false);
  });
});
