import {
  everyKindFold,
  ReplicaSync,
  type CommandResult,
  type KindState,
  type SessionState,
  type SyncProblem,
  type SyncSocket,
  type TeamSpaceState,
} from '@runde/shared';

/** The Lean Coffee a state is, for tests that only run Lean Coffee; throws on a team space. */
export function leanCoffee(state: KindState): SessionState;
export function leanCoffee(state: KindState | null | undefined): SessionState | null;
export function leanCoffee(state: KindState | null | undefined): SessionState | null {
  if (!state) return null;
  if (state.kind !== 'lean-coffee') throw new Error(`expected a Lean Coffee, got a ${state.kind}`);
  return state;
}

/**
 * What a client holds, kept by the web app's own sync engine (`ReplicaSync`): pushes and acked
 * events applied in version order, a gap answered by `session:sync`, pushes held during a sync.
 * Tests compare mirrors with the server's own view.
 *
 * A mirror outlives a connection: a test hands it to the next device (the same phone on another
 * node), which {@link attach}es its own socket and continues from what the first one held.
 */
export class ClientMirror {
  #socket: Pick<SyncSocket, 'connected' | 'sync'> | null = null;
  #problem: SyncProblem | null = null;
  #sync = this.#newSync();
  /** The seat the last snapshot named. */
  you: string | null = null;

  /** The state of either kind; {@link state} and {@link space} narrow it. */
  get current(): KindState | null {
    return this.#sync.replica.state;
  }

  get version(): number {
    return this.#sync.replica.version;
  }

  /** The Lean Coffee held; throws when this client holds a team space. */
  get state(): SessionState | null {
    return leanCoffee(this.current);
  }

  /** The team space held; throws when this client holds a Lean Coffee. */
  get space(): TeamSpaceState | null {
    if (!this.current) return null;
    if (this.current.kind !== 'team-space') throw new Error('expected a team space');
    return this.current;
  }

  /** From now on, syncs go through this connection. */
  attach(socket: Pick<SyncSocket, 'connected' | 'sync'>): void {
    this.#socket = socket;
  }

  /** A push (`session:events`); a gap asks the server for what is missing. */
  receive(events: Parameters<ReplicaSync<KindState>['receive']>[0]): void {
    this.#sync.receive(events);
  }

  /** The events a command's ack carries (the sender's own, masked for it). */
  acked(result: CommandResult): void {
    this.#sync.acked(result);
  }

  /** Asks the server for what this copy missed; fails the test when the server refused the copy. */
  async sync(): Promise<void> {
    await this.#sync.sync();
    if (this.#problem) throw new Error(`sync refused: ${this.#problem}`);
  }

  /** Replaces the copy by a whole snapshot, as the web app does when a merge gave its seat more to read. */
  async refresh(): Promise<void> {
    await this.#sync.refresh();
    if (this.#problem) throw new Error(`sync refused: ${this.#problem}`);
  }

  /** Drops the copy, so the next sync starts from scratch (a device that lost its storage). */
  forget(): void {
    this.#sync.close();
    this.#problem = null;
    this.you = null;
    this.#sync = this.#newSync();
  }

  #newSync(): ReplicaSync<KindState> {
    const attached = () => this.#socket;
    return new ReplicaSync<KindState>({
      socket: {
        get connected() {
          return attached()?.connected ?? false;
        },
        sync: (request) => attached()?.sync(request) ?? Promise.reject(new Error('no connection attached')),
      },
      fold: everyKindFold,
      fromSnapshot: (state) => state,
      snapshot: ({ you }) => {
        this.you = you;
      },
      stop: (problem) => {
        this.#problem = problem;
      },
    });
  }
}
