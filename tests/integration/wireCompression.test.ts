import { request } from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import { integrationSuite } from '../support/integrationSuite.ts';
import { startSession, type TestClient, type TestSession } from '../support/serverClients.ts';

/**
 * Issue 13: a team space's two-year snapshot is 275 kB of JSON, sent whole to every phone that
 * joins on venue Wi-Fi. Big socket answers now travel compressed (permessage-deflate); small event
 * batches stay as they are. Measured on the TCP connection itself, as a phone's radio sees it.
 */
const suite = integrationSuite('wire-compression');
let session: TestSession;

beforeAll(async () => {
  session = await startSession(suite.url, { participants: 2 });
  suite.track(...session.all);
  // A board of long German topics: a snapshot of about 46 kB of JSON.
  for (let i = 0; i < 40; i += 1) {
    const ack = await session.participants[i % 2]!.send('topic:add', {
      title: `Vertretungsregelung im Bürgerbüro Nord, Woche ${i}: wer übernimmt?`,
      description:
        `Seit der Umstellung auf das neue Terminvergabesystem ist nicht geklärt, wer die Vertretung übernimmt, wenn zwei Kolleginnen gleichzeitig im Urlaub sind (Fall ${i}). `
          .repeat(5)
          .slice(0, 1000),
    });
    if (!ack.ok) throw new Error(`topic:add refused: ${ack.error.code}`);
  }
});

/** Bytes read so far on the client's TCP connection under the WebSocket. */
function tcpBytesRead(client: TestClient): number {
  const transport = client.socket.io.engine.transport as unknown as { ws?: { _socket?: { bytesRead: number } } };
  const bytes = transport.ws?._socket?.bytesRead;
  if (bytes === undefined) throw new Error('no WebSocket under this client');
  return bytes;
}

describe('permessage-deflate', () => {
  it('sends a big snapshot compressed to a fraction of its JSON, intact', async () => {
    const phone = session.participants[0]!;
    const before = tcpBytesRead(phone);
    const ack = await phone.socket.timeout(10_000).emitWithAck('session:sync', { sinceVersion: 0 });
    const wire = tcpBytesRead(phone) - before;
    const json = Buffer.byteLength(JSON.stringify(ack));

    expect(ack.ok && ack.data.kind === 'snapshot' && ack.data.state.kind === 'lean-coffee').toBe(true);
    if (ack.ok && ack.data.kind === 'snapshot' && ack.data.state.kind === 'lean-coffee') {
      expect(ack.data.state.topics).toHaveLength(40);
    }
    expect(json).toBeGreaterThan(40_000);
    expect(wire).toBeLessThan(json / 4);
  });

  it('sends a small event batch as it is', async () => {
    const [first, second] = session.participants;
    const before = tcpBytesRead(second!);
    await first!.send('participant:rename', { name: 'Person Eins' });
    const renamed = () => second!.frames.find((frame) => frame.includes('Person Eins'));
    await expect.poll(renamed).toBeDefined();
    // Uncompressed, the connection carried at least the frame's own bytes.
    expect(tcpBytesRead(second!) - before).toBeGreaterThanOrEqual(Buffer.byteLength(renamed()!));
  });

  /** The status a raw WebSocket handshake gets when it offers `extensions`, as a browser would send it. */
  function handshakeStatus(extensions: string): Promise<number> {
    const { port } = new URL(suite.url);
    return new Promise((resolve, reject) => {
      const req = request({
        host: '127.0.0.1',
        port,
        path: '/socket.io/?EIO=4&transport=websocket',
        headers: {
          Connection: 'Upgrade',
          Upgrade: 'websocket',
          'Sec-WebSocket-Version': '13',
          'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
          'Sec-WebSocket-Extensions': extensions,
        },
      });
      req.on('upgrade', (res, socket) => {
        socket.destroy();
        resolve(res.statusCode ?? 0);
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
  }

  it.each([
    ['Firefox', 'permessage-deflate'],
    ['Chrome', 'permessage-deflate; client_max_window_bits'],
    ['a client asking for a small window of its own', 'permessage-deflate; client_max_window_bits=9'],
    ['a client naming the server window', 'permessage-deflate; client_max_window_bits; server_max_window_bits=10'],
  ])('opens the WebSocket of %s, compressed or not', async (_who, extensions) => {
    expect(await handshakeStatus(extensions)).toBe(101);
  });
});
