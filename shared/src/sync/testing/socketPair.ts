import type { Ack } from '../../protocol/errors.ts';
import type { CommandResult, EventBatch, SyncResult, TimePong } from '../../protocol/socketEvents.ts';
import type { SyncSocket } from '../syncSocket.ts';

/** What the server end of a pair answers: the three requests of {@link SyncSocket}, for one client. */
export type PairServer = Omit<SyncSocket, 'connected'>;

/** A message on its way, in either direction. */
export interface Frame {
  readonly to: 'server' | 'client';
  /** What it is, for a failing test's message: the event name, `ack` or `push`. */
  readonly label: string;
  /** Delivers it. */
  readonly arrive: () => void;
}

/**
 * A client socket and a server socket joined in memory, in the manner of tldraw's `TestSocketPair`:
 * nothing arrives by itself. Every emit, ack and push waits in {@link inFlight} until the test
 * delivers it, so a test decides the order (reorder), loses frames (drop), sends them twice
 * (duplicate) and cuts the connection (disconnect), deterministically. What crosses is a copy
 * (`structuredClone`), as over a wire, so neither side holds the other's objects.
 *
 * As with Socket.IO: an ack is delivered at most once (a second one for the same request is
 * ignored); an ack or push sent before a disconnect never arrives after it; a disconnect rejects
 * the requests still waiting for an ack; a request whose frame was lost waits until {@link timeOut}.
 */
export class SocketPair {
  readonly inFlight: Frame[] = [];
  readonly #server: PairServer;
  #connected = false;
  /** Which connection a frame belongs to: frames of an earlier one are lost. */
  #connection = 0;
  readonly #waiting = new Set<{ reject(error: Error): void; settled: boolean }>();
  /** Told of every push that arrives (the client's `session:events` listener). */
  onPush: (batch: EventBatch) => void = () => undefined;
  /** Told when the client's socket connects (the client's `connect` listener). */
  onConnect: () => void = () => undefined;

  constructor(server: PairServer) {
    this.#server = server;
  }

  get connected(): boolean {
    return this.#connected;
  }

  /** The client's end. */
  readonly client: SyncSocket = this.#clientEnd();

  #clientEnd(): SyncSocket {
    const connected = () => this.#connected;
    return {
      get connected() {
        return connected();
      },
      sync: (request) => this.#request<SyncResult>('session:sync', () => this.#server.sync(request)),
      command: (type, payload, meta) =>
        this.#request<CommandResult>(type, () => this.#server.command(type, payload, meta)),
      ping: () => this.#request<TimePong>('time:ping', () => this.#server.ping()),
    };
  }

  /** Opens a connection; the client hears `connect` at once. */
  connect(): void {
    if (this.#connected) return;
    this.#connected = true;
    this.#connection += 1;
    this.onConnect();
  }

  /** Cuts the connection: frames in flight are lost, requests waiting for an ack are rejected. */
  disconnect(): void {
    if (!this.#connected) return;
    this.#connected = false;
    this.inFlight.length = 0;
    for (const waiter of this.#waiting) waiter.reject(new Error('disconnected'));
    this.#waiting.clear();
  }

  /** The server pushes a batch to this client (nothing happens while disconnected). */
  push(batch: EventBatch): void {
    const copy = structuredClone(batch);
    this.#send({ to: 'client', label: 'push', arrive: () => this.onPush(copy) });
  }

  /** Delivers the frame at `index` (of {@link inFlight}); false when there is none. */
  deliver(index = 0): boolean {
    const [frame] = this.inFlight.splice(index, 1);
    frame?.arrive();
    return frame !== undefined;
  }

  /** Loses the frame at `index`. */
  drop(index = 0): void {
    this.inFlight.splice(index, 1);
  }

  /** Sends the frame at `index` a second time, right behind the first. */
  duplicate(index = 0): void {
    const frame = this.inFlight[index];
    if (frame) this.inFlight.splice(index + 1, 0, frame);
  }

  /** Rejects every request still waiting for an ack, as Socket.IO's `timeout` does once it runs out. */
  timeOut(): void {
    for (const waiter of this.#waiting) waiter.reject(new Error('timed out'));
    this.#waiting.clear();
  }

  #send(frame: Frame): void {
    if (!this.#connected) return;
    const connection = this.#connection;
    this.inFlight.push({
      ...frame,
      arrive: () => {
        if (this.#connection === connection && this.#connected) frame.arrive();
      },
    });
  }

  #request<T>(label: string, answer: () => Promise<Ack<T>>): Promise<Ack<T>> {
    return new Promise<Ack<T>>((resolve, reject) => {
      if (!this.#connected) {
        reject(new Error('not connected'));
        return;
      }
      const waiter = {
        settled: false,
        reject: (error: Error) => {
          if (waiter.settled) return;
          waiter.settled = true;
          reject(error);
        },
      };
      this.#waiting.add(waiter);
      const settle = (ack: Ack<T>) => {
        if (waiter.settled) return;
        waiter.settled = true;
        this.#waiting.delete(waiter);
        resolve(ack);
      };
      this.#send({
        to: 'server',
        label,
        arrive: () => {
          void answer().then((ack) => {
            const copy = structuredClone(ack);
            this.#send({ to: 'client', label: `ack ${label}`, arrive: () => settle(copy) });
          });
        },
      });
    });
  }
}
