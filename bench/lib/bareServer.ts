/**
 * The baseline: a bare Socket.IO server (the same version Runde uses, WebSocket only) that does
 * the least a vote needs. A client emits; the server bumps a counter, acks with that version and
 * the event (as Runde's ack carries the sender's own events), and broadcasts one payload of the
 * same size as Runde's vote delta to the sender's room (the sender too), encoded once. A client's
 * room is the `sessionId` of its handshake, each with its own version: the fan-out bench puts every
 * client in one room (`BARE`), the hall bench puts 8 in each of 250 rooms, as Runde's tables.
 * Every vote is its own broadcast: no validation, no store, no masking, no gathering of votes
 * into one frame: what Socket.IO itself costs on this machine.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { serveRpc } from './ipc.ts';

const httpServer = createServer();
const io = new Server(httpServer, { transports: ['websocket'], serveClient: false });
/** Per room, the version its last vote reached. */
const versions = new Map<string, number>();
/** The event object Runde sent for the vote, as a client received it; set before the measurement. */
let template: unknown = null;

type AckFn = (answer: unknown) => void;

/** The room a handshake asks for: its `sessionId`, as a Runde client sends it. */
function roomOf(auth: unknown): string {
  const sessionId = typeof auth === 'object' && auth !== null && 'sessionId' in auth ? auth.sessionId : undefined;
  return typeof sessionId === 'string' && sessionId !== '' ? sessionId : 'BARE';
}

io.on('connection', (socket) => {
  const room = roomOf(socket.handshake.auth);
  void socket.join(room);
  socket.onAny((event: string, ...args: unknown[]) => {
    const ack = args.at(-1);
    if (typeof ack !== 'function') return;
    if (event === 'session:sync') {
      (ack as AckFn)({ ok: true, data: { kind: 'snapshot', version: versions.get(room) ?? 0, state: null, you: '' } });
      return;
    }
    const version = (versions.get(room) ?? 0) + 1;
    versions.set(room, version);
    const events = [{ version, event: template }];
    // The client's sync engine applies an ack's events (protocol 5); an ack without them would not be Runde's shape.
    (ack as AckFn)({ ok: true, data: { version, events } });
    io.to(room).emit('session:events', { events });
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
  setTemplate: ({ event, room = 'BARE' }: { event: unknown; room?: string }) => {
    template = event;
    return { version: versions.get(room) ?? 0 };
  },
  /** The version the room's last vote reached: every client holds it once the baseline has settled. */
  version: ({ room = 'BARE' }: { room?: string }) => ({ version: versions.get(room) ?? 0 }),
  usage: (_: Record<string, never>) => {
    const cpu = process.cpuUsage();
    return { cpuUserUs: cpu.user, cpuSystemUs: cpu.system, rss: process.memoryUsage().rss, at: Date.now() };
  },
};

export type BareHandlers = typeof handlers;

serveRpc(handlers);
