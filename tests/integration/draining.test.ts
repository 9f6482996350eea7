import { connect } from 'node:net';
import { MemorySessionStore } from '@runde/server';
import { describe, expect, it } from 'vitest';
import { startTestServer } from '../support/serverHarness.ts';

/** A raw HTTP connection: sends part of a request, the rest when told, and resolves with the raw answer. */
function splitRequest(port: number) {
  const socket = connect({ port, host: '127.0.0.1' });
  let answer = '';
  socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
  const ended = new Promise<string>((resolve) => socket.once('close', () => resolve(answer)));
  const opened = new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  return {
    send: async (text: string) => {
      await opened;
      await new Promise<void>((resolve) => socket.write(text, () => resolve()));
    },
    finish: (rest: string) => {
      socket.write(rest);
      return ended;
    },
  };
}

describe('a node shutting down', () => {
  it('answers /readyz with 503 "draining" to a request already on its way, and asks to close the connection', async () => {
    const server = await startTestServer({ store: new MemorySessionStore({ retentionMs: 60_000 }) });
    const request = splitRequest(server.port);
    // The request line is in, the headers not yet finished: the connection is not idle.
    await request.send('GET /readyz HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const closing = server.close();
    expect(server.runde.draining).toBe(true);
    const answer = await request.finish('\r\n');
    await closing;
    expect(answer).toMatch(/^HTTP\/1\.1 503 /);
    expect(answer).toMatch(/\r\nConnection: close\r\n/i);
    expect(answer).toContain('{"status":"draining","store":"memory"}');
  });
});
