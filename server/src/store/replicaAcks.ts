/**
 * Waits until enough replicas hold this connection's writes, sharing one `WAIT` among the commits
 * that finished while an earlier one was out.
 *
 * `WAIT n t` counts the writes of the connection it is sent on, up to the moment Redis reads it.
 * So a WAIT sent after a commit's reply came back covers that commit, and every other commit
 * answered before it; a WAIT already on its way when a commit's reply came may not. Commits that
 * ask while a WAIT is out therefore join the next one, sent as soon as that one returns: at most
 * one WAIT per connection is ever outstanding, and a burst of commits costs one or two WAITs
 * instead of one each (Redis blocks a connection's later commands behind its WAIT).
 */
export class ReplicaAcks {
  readonly #send: (key: string) => Promise<number>;
  readonly #required: number;
  readonly #routes = new Map<string, RouteState>();

  /**
   * `send(key)` sends one WAIT on the connection that serves `key` and resolves with the replicas
   * that acknowledged. Keys of one route share that connection, so any of them will do.
   */
  constructor(required: number, send: (key: string) => Promise<number>) {
    this.#required = required;
    this.#send = send;
  }

  /**
   * Resolves once a WAIT sent after this call saw at least the required replicas; rejects with
   * {@link ReplicasMissingError} when too few acknowledged in time, or with the send's error.
   */
  confirm(route: string, key: string): Promise<void> {
    if (this.#required <= 0) return Promise.resolve();
    let state = this.#routes.get(route);
    if (!state) {
      state = { inFlight: false, next: undefined, key };
      this.#routes.set(route, state);
    }
    if (!state.inFlight) return this.#round(route, state, waiting());
    state.next ??= waiting();
    return state.next.promise;
  }

  #round(route: string, state: RouteState, waiters: Waiting): Promise<void> {
    state.inFlight = true;
    this.#send(state.key)
      .then(
        (count) => {
          if (count >= this.#required) waiters.resolve();
          else waiters.reject(new ReplicasMissingError(count, this.#required));
        },
        (err: unknown) => waiters.reject(err),
      )
      .finally(() => {
        const next = state.next;
        state.next = undefined;
        if (next) {
          void this.#round(route, state, next);
        } else {
          state.inFlight = false;
          this.#routes.delete(route);
        }
      });
    return waiters.promise;
  }
}

interface RouteState {
  /** A key served by the route's connection: the WAIT goes where writes to it went. */
  key: string;
  inFlight: boolean;
  next: Waiting | undefined;
}

/** Fewer replicas than required acknowledged a write within the timeout. */
export class ReplicasMissingError extends Error {
  override name = 'ReplicasMissingError';
  constructor(
    readonly acknowledged: number,
    readonly required: number,
  ) {
    super(`${acknowledged} of ${required} required replicas acknowledged the write in time`);
  }
}

interface Waiting {
  promise: Promise<void>;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/** `Promise.withResolvers`, which Node 20 (still run by some tools here) lacks. */
function waiting(): Waiting {
  let resolve!: () => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
