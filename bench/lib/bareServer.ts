/**
 * The baseline: a bare Socket.IO server (the same version Runde uses, WebSocket only) that does
 * the least a vote needs. A client emits; the server bumps a counter, acks, and broadcasts one
 * payload of the same size as Runde's vote delta to a room holding every client, encoded once.
 * No validation, no store, no masking: what Socket.IO itself costs on this machine.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { serveRpc } from './ipc.ts';

const httpServer = createServer();
const io = new Server(httpServer, { transports: ['websocket'], serveClient: false });
let version = 0;
/** The event object Runde sent for the vote, as a client received it; set before the measurement. */
let template: unknown = null;

type AckFn = (answer: unknown) => void;

io.on('connection', (socket) => {
  void socket.join('room');
  socket.onAny((event: string, ...args: unknown[]) => {
    const ack = args.at(-1);
    if (typeof ack !== 'function') return;
    if (event === 'session:sync') {
      (ack as AckFn)({ ok: true, data: { kind: 'snapshot', version, state: null, you: '' } });
      return;
    }
    version += 1;
    (ack as AckFn)({ ok: true, data: { version } });
    io.to('room').emit('session:events', { events: [{ version, event: template }] });
  });
});

const listening = new Promise<number>((resolve, reject) => {
  httpServer.once('error', reject);
  httpServer.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
    const address = httpServer.address();
    resolve(typeof address === 'object' && address ? address.port : 0);
  });
});

const handlers = {
  ready: async (_: Record<string, never>) => ({ port: await listening }),
  setTemplate: ({ event }: { event: unknown }) => {
    template = event;
    return { version };
  },
  usage: (_: Record<string, never>) => {
    const cpu = process.cpuUsage();
    return { cpuUserUs: cpu.user, cpuSystemUs: cpu.system, rss: process.memoryUsage().rss };
  },
};

export type BareHandlers = typeof handlers;

serveRpc(handlers);
