import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { clientAddress } from './clientAddress.ts';

/** A request as a socket handshake sees it: express never routed it. */
function request(remoteAddress: string, forwardedFor?: string): IncomingMessage {
  const socket = new Socket();
  Object.defineProperty(socket, 'remoteAddress', { value: remoteAddress });
  const req = new IncomingMessage(socket);
  if (forwardedFor) req.headers['x-forwarded-for'] = forwardedFor;
  return req;
}

describe('clientAddress', () => {
  it('is the peer address, whatever X-Forwarded-For claims, unless express trusts a proxy', () => {
    const app = express();
    expect(clientAddress(app, request('203.0.113.7'))).toBe('203.0.113.7');
    expect(clientAddress(app, request('203.0.113.7', '198.51.100.1'))).toBe('203.0.113.7');
  });

  it('follows express’s trust proxy setting, as req.ip does for HTTP', () => {
    const app = express();
    app.set('trust proxy', 'loopback');
    expect(clientAddress(app, request('127.0.0.1', '198.51.100.1'))).toBe('198.51.100.1');
    // A peer that is not a trusted proxy cannot pick its own address.
    expect(clientAddress(app, request('203.0.113.7', '198.51.100.1'))).toBe('203.0.113.7');
  });
});
