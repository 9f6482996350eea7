import { describe, expect, it } from 'vitest';
import { createHostPolicy } from './hostPolicy.ts';

const unconfigured = createHostPolicy({});
const deployed = createHostPolicy({
  publicUrl: 'https://runde.example.org',
  allowedHosts: ['runde.intern'],
  allowedOrigins: ['http://192.168.1.20:3000'],
});

describe('createHostPolicy: hosts', () => {
  it.each([
    ['localhost:3000', true],
    ['127.0.0.1:5173', true],
    ['[::1]:3000', true],
    ['LOCALHOST', true],
    ['192.168.1.20:3000', false],
    ['evil.example', false],
    ['localhost.evil.example', false],
    ['user@localhost', false],
    ['localhost/path', false],
    ['', false],
    [undefined, false],
  ])('without configuration answers %s: %s', (host, allowed) => {
    expect(unconfigured.allowsHost(host)).toBe(allowed);
  });

  it.each([
    ['runde.example.org', true],
    ['runde.example.org:443', true],
    ['runde.intern:8080', true],
    ['localhost:3000', true],
    ['example.org', false],
    ['runde.example.org.evil.example', false],
  ])('with PUBLIC_URL and ALLOWED_HOSTS answers %s: %s', (host, allowed) => {
    expect(deployed.allowsHost(host)).toBe(allowed);
  });

  it('answers every well-formed host with ALLOWED_HOSTS=*, but no malformed one', () => {
    const any = createHostPolicy({ allowedHosts: 'any' });
    expect(any.allowsHost('192.168.1.20:3000')).toBe(true);
    expect(any.allowsHost('a b')).toBe(false);
  });
});

describe('createHostPolicy: socket origins', () => {
  it.each([
    [undefined, 'localhost:3000', true],
    ['http://localhost:3000', 'localhost:3000', true],
    ['http://127.0.0.1:41234', '127.0.0.1:41234', true],
    ['http://localhost:5173', 'localhost:3000', false],
    ['https://evil.example', 'localhost:3000', false],
    ['null', 'localhost:3000', false],
    ['http://localhost:3000', undefined, false],
  ])('without configuration, Origin %s to Host %s: %s', (origin, host, allowed) => {
    expect(unconfigured.allowsOrigin(origin, host)).toBe(allowed);
  });

  it.each([
    ['https://runde.example.org', 'runde-app:3000', true],
    ['http://192.168.1.20:3000', 'runde-app:3000', true],
    ['https://runde.intern', 'runde.intern', true],
    ['https://runde.example.org:8443', 'runde-app:3000', false],
    ['http://runde.example.org', 'runde-app:3000', false],
    ['https://evil.example', 'runde.example.org', false],
  ])('deployed, Origin %s to Host %s: %s', (origin, host, allowed) => {
    expect(deployed.allowsOrigin(origin, host)).toBe(allowed);
  });
});
