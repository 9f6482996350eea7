import type { ChildProcess } from 'node:child_process';

/**
 * Request/response over a forked child's IPC channel: the parent calls an operation by name and
 * awaits its result; the child serves a table of async handlers. Both sides share the handler
 * table's type (the parent imports it with `import type`), so calls are checked at compile time.
 */
type AnyHandler = (args: never) => unknown;
export type Handlers = Record<string, AnyHandler>;

interface Request {
  rpc: number;
  op: string;
  args: unknown;
}

type Reply = { rpc: number; ok: true; result: unknown } | { rpc: number; ok: false; error: string };

function isReply(message: unknown): message is Reply {
  return typeof message === 'object' && message !== null && 'rpc' in message && 'ok' in message;
}

export class RpcChannel<H extends Handlers> {
  readonly child: ChildProcess;
  readonly label: string;
  #next = 1;
  readonly #pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void; timer: NodeJS.Timeout }>();

  constructor(child: ChildProcess, label: string) {
    this.child = child;
    this.label = label;
    child.on('message', (message: unknown) => {
      if (!isReply(message)) return;
      const pending = this.#pending.get(message.rpc);
      if (!pending) return;
      this.#pending.delete(message.rpc);
      clearTimeout(pending.timer);
      if (message.ok) pending.resolve(message.result);
      else pending.reject(new Error(`${label}: ${message.error}`));
    });
    child.once('exit', (code, signal) => {
      for (const [, pending] of this.#pending) {
        clearTimeout(pending.timer);
        pending.reject(new Error(`${label} exited (${signal ?? code}) with a call pending`));
      }
      this.#pending.clear();
    });
  }

  call<K extends keyof H & string>(
    op: K,
    args: Parameters<H[K]>[0],
    timeoutMs = 60_000,
  ): Promise<Awaited<ReturnType<H[K]>>> {
    const rpc = this.#next++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(rpc);
        reject(new Error(`${this.label}: ${op} did not answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#pending.set(rpc, { resolve, reject, timer });
      this.child.send({ rpc, op, args } satisfies Request);
    });
  }
}

/** The child side: answers each request with its handler's result, or the error's message. */
export function serveRpc(handlers: Handlers): void {
  process.on('message', (message: Request) => {
    if (typeof message !== 'object' || message === null || typeof message.rpc !== 'number') return;
    const handler = Object.hasOwn(handlers, message.op) ? handlers[message.op] : undefined;
    const reply = (r: Reply) => {
      if (process.connected) process.send?.(r);
    };
    if (!handler) {
      reply({ rpc: message.rpc, ok: false, error: `unknown op ${message.op}` });
      return;
    }
    Promise.resolve()
      .then(() => handler(message.args as never))
      .then(
        (result) => reply({ rpc: message.rpc, ok: true, result: result ?? null }),
        (err: unknown) =>
          reply({
            rpc: message.rpc,
            ok: false,
            error: err instanceof Error ? (err.stack ?? err.message) : String(err),
          }),
      );
  });
  // The parent going away (a crash, Ctrl-C) must not leave this process behind.
  process.on('disconnect', () => process.exit(0));
}
