import { PROTOCOL_VERSION, type Seat } from '@runde/shared';
import { Manager } from 'socket.io-client';

const ANSWER_TIMEOUT_MS = 10_000;

/**
 * A real WebSocket to a server at the Engine.IO level, with no Socket.IO client encoding anything:
 * a test writes each Socket.IO packet as raw text (`0{…}` to connect, `2[…]` for an event,
 * `21["name",…]` for an event with ack id 1) or raw bytes, exactly as a hostile client could.
 */
export class RawConnection {
  /** Socket.IO packets the server sent, as text, in order. */
  readonly received: string[] = [];
  /** What came back for each ack id: the first argument of the ACK packet. */
  readonly #answers = new Map<number, unknown>();
  /** Resolves with engine.io's reason once the connection is gone, for whatever cause. */
  readonly closed: Promise<string>;
  #open = true;
  readonly #manager: Manager;
  readonly #waiters = new Set<() => void>();

  private constructor(manager: Manager) {
    this.#manager = manager;
    const engine = manager.engine;
    engine.on('message', (data) => {
      if (typeof data === 'string') {
        this.received.push(data);
        const ack = /^3(\d+)(\[.*)$/s.exec(data);
        if (ack) this.#answers.set(Number(ack[1]), (JSON.parse(ack[2] ?? '[]') as unknown[])[0]);
      }
      this.#wake();
    });
    this.closed = new Promise((resolve) =>
      engine.on('close', (reason) => {
        this.#open = false;
        this.#wake();
        resolve(reason);
      }),
    );
  }

  /**
   * Opens the transport only; the Socket.IO CONNECT is the test's to write (or not). `localAddress`
   * (any of 127.0.0.0/8) makes the connection come from another client address, as an attacker's
   * does: per-address budgets then tell it apart from the bystanders on 127.0.0.1.
   */
  static open(url: string, options: { localAddress?: string } = {}): Promise<RawConnection> {
    const manager = new Manager(url, {
      transports: ['websocket'],
      reconnection: false,
      autoConnect: false,
      ...options,
    });
    return new Promise((resolve, reject) => {
      manager.open((err) => (err ? reject(err) : resolve(new RawConnection(manager))));
    });
  }

  /** Opens, then connects to the main namespace with the seat's token; resolves once admitted. */
  static async admitted(url: string, seat: Seat, options: { localAddress?: string } = {}): Promise<RawConnection> {
    const connection = await RawConnection.open(url, options);
    connection.write(
      `0${JSON.stringify({ protocolVersion: PROTOCOL_VERSION, sessionId: seat.sessionId, token: seat.token })}`,
    );
    const answer = await connection.next((packet) => packet.startsWith('0') || packet.startsWith('4'));
    if (!answer?.startsWith('0')) throw new Error(`handshake refused: ${answer ?? 'connection closed'}`);
    return connection;
  }

  get isOpen(): boolean {
    return this.#open;
  }

  /** One Engine.IO message: a Socket.IO packet as text, or a binary attachment as bytes. */
  write(packet: string | Uint8Array): void {
    this.#manager.engine.write(packet);
  }

  /**
   * The first packet received (from the start) that matches, or undefined once the connection is
   * closed without one.
   */
  async next(matches: (packet: string) => boolean): Promise<string | undefined> {
    const found = () => this.received.find(matches);
    await this.#until(() => found() !== undefined || !this.#open);
    return found();
  }

  /** The answer to ack id `id`, or undefined once the connection is closed without one. */
  async ack(id: number): Promise<unknown> {
    return (await this.acks([id]))[0];
  }

  /** The answers to every ack id in `ids`, in that order; undefined for those the closing cut off. */
  async acks(ids: readonly number[]): Promise<unknown[]> {
    const answers = this.#answers;
    await this.#until(() => !this.#open || (answers.size >= ids.length && ids.every((id) => answers.has(id))));
    return ids.map((id) => answers.get(id));
  }

  close(): void {
    this.#manager.engine.close();
  }

  #wake(): void {
    for (const wake of [...this.#waiters]) wake();
  }

  #until(done: () => boolean): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters.delete(check);
        reject(new Error('no answer from the server'));
      }, ANSWER_TIMEOUT_MS);
      const check = () => {
        if (!done()) return;
        clearTimeout(timer);
        this.#waiters.delete(check);
        resolve();
      };
      this.#waiters.add(check);
    });
  }
}
